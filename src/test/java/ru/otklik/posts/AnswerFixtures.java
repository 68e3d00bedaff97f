package ru.otklik.posts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.people.internal.Department;
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;
import ru.otklik.posts.internal.Post;
import ru.otklik.posts.internal.Posts;

/**
 * Posts of the integration tests brought to a state through {@link PostManagement}, as the demo people would: each
 * test makes its own and asserts on it alone (the database is shared).
 */
class AnswerFixtures {

    static final String DRAFT = "Здравствуйте!\nПособие назначено 1 декабря, выплата придёт до 25 числа.";

    final PostManagement management;
    final Posts posts;
    final Users users;
    final Departments departments;
    final JdbcClient jdbc;
    final Clock clock;
    final TransactionTemplate tx;

    AnswerFixtures(
            PostManagement management,
            Posts posts,
            Users users,
            Departments departments,
            JdbcClient jdbc,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        this.management = management;
        this.posts = posts;
        this.users = users;
        this.departments = departments;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    Actor actor(String login) {
        User user = users.findByLogin(login).orElseThrow();
        return management.actor(user.getId(), user.getRoles());
    }

    long id(String login) {
        return users.findByLogin(login).orElseThrow().getId();
    }

    Department families() {
        return departments.findAllByName().stream()
                .filter(d -> d.getName().contains("семей с детьми"))
                .findFirst()
                .orElseThrow();
    }

    Department employment() {
        return departments.findAllByName().stream()
                .filter(d -> d.getName().contains("занятости"))
                .findFirst()
                .orElseThrow();
    }

    /** The post as stored now, with its assignments, drafts, versions and timeline loaded. */
    Post reload(long postId) {
        return tx.execute(status -> {
            Post post = posts.findById(postId).orElseThrow();
            post.getAssignments();
            post.getTimeline();
            post.getDrafts().forEach(d -> {
                d.getVersions();
                d.getParts();
            });
            return post;
        });
    }

    private Post inTransaction(java.util.function.Supplier<Post> steps) {
        long id = tx.execute(status -> steps.get().getId());
        return reload(id);
    }

    Post registered(String text, Set<Long> links) {
        Instant now = clock.instant();
        return management.register(
                new NewPost(
                        "IT2-" + unique(),
                        Source.VK,
                        "https://vk.com/wall-7_" + unique(),
                        "Мария Иванова",
                        "https://vk.com/id" + unique(),
                        text,
                        now.minus(Duration.ofMinutes(10)),
                        now.minus(Duration.ofMinutes(5)),
                        Importance.NORMAL,
                        null),
                links,
                null);
    }

    /** A new post the specialist has just routed to the families executor: a hand-off to the executor. */
    Post routed() {
        return inTransaction(() -> {
            Post post = registered("Когда придёт выплата? " + unique(), Set.of());
            return management.route(
                    post.getId(),
                    post.getVersion(),
                    List.of(new Routing(families().getId(), id("executor"))),
                    Importance.NORMAL,
                    actor("specialist"));
        });
    }

    /** A post in work with the families executor. */
    Post inWork() {
        return inWork("Когда назначат пособие на ребёнка? " + unique(), Set.of());
    }

    Post inWork(String text, Set<Long> links) {
        return inTransaction(() -> {
            Post post = registered(text, links);
            post = management.route(
                    post.getId(),
                    post.getVersion(),
                    List.of(new Routing(families().getId(), id("executor"))),
                    Importance.NORMAL,
                    actor("specialist"));
            return management.accept(
                    post.getId(), post.getAssignments().get(0).getId(), post.getVersion(), actor("executor"));
        });
    }

    /** A joint post (п.15) accepted in both departments. */
    Post jointInWork() {
        return inTransaction(() -> {
            Post post = registered("Пособие и работа для многодетной мамы? " + unique(), Set.of());
            post = management.route(
                    post.getId(),
                    post.getVersion(),
                    List.of(
                            new Routing(families().getId(), id("executor")),
                            new Routing(employment().getId(), id("executor2"))),
                    Importance.NORMAL,
                    actor("specialist"));
            post = management.accept(
                    post.getId(), post.getAssignments().get(0).getId(), post.getVersion(), actor("executor"));
            return management.accept(
                    post.getId(), post.getAssignments().get(1).getId(), post.getVersion(), actor("executor2"));
        });
    }

    /** A final draft of the families executor waiting for the head. */
    Post inApproval() {
        return inTransaction(() -> {
            Post post = inWork();
            return management.submitDraft(post.getId(), post.getVersion(), false, DRAFT, null, actor("executor"));
        });
    }

    Post readyForCur() {
        return inTransaction(() -> {
            Post post = inApproval();
            post = management.approveDraft(post.getId(), post.getVersion(), actor("head"));
            return management.approveDraft(post.getId(), post.getVersion(), actor("deputy"));
        });
    }

    Post atCur() {
        return inTransaction(() -> {
            Post post = readyForCur();
            return management.sendToCur(post.getId(), post.getVersion(), actor("specialist"));
        });
    }

    /** The timeline as {@code ACTION:FROM>TO}. */
    List<String> timeline(long postId) {
        return jdbc.sql("select action || ':' || coalesce(from_state, '-') || '>' || to_state from post_event"
                        + " where post_id = ? order by at, id")
                .param(postId)
                .query(String.class)
                .list();
    }

    List<String> actions(long postId) {
        return jdbc.sql("select action from post_event where post_id = ? order by at, id")
                .param(postId)
                .query(String.class)
                .list();
    }
}
