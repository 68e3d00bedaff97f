package ru.otklik.deadlines;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.otklik.deadlines.internal.Sql;
import ru.otklik.people.internal.Department;
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;
import ru.otklik.posts.Actor;
import ru.otklik.posts.Importance;
import ru.otklik.posts.NewPost;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.Routing;
import ru.otklik.posts.Source;
import ru.otklik.posts.internal.Post;
import ru.otklik.posts.internal.Posts;

/**
 * Posts and clocks for the deadline tests, made through the posts module's own operations.
 */
class DeadlineFixtures {

    /** One clock row as the tests look at it. */
    record Row(
            long id,
            String rule,
            Long assignmentId,
            Instant startedAt,
            Instant dueAt,
            Instant stoppedAt,
            String state) {}

    final PostManagement posts;
    final Posts postRepository;
    final Users users;
    final Departments departments;
    final JdbcClient jdbc;

    DeadlineFixtures(
            PostManagement posts, Posts postRepository, Users users, Departments departments, JdbcClient jdbc) {
        this.posts = posts;
        this.postRepository = postRepository;
        this.users = users;
        this.departments = departments;
        this.jdbc = jdbc;
    }

    User user(String login) {
        return users.findByLogin(login).orElseThrow();
    }

    Actor actor(String login) {
        User user = user(login);
        return posts.actor(user.getId(), user.getRoles());
    }

    /** The demo department whose executor is the given login. */
    Department departmentOf(String executorLogin) {
        long id = user(executorLogin).getId();
        // the executor's first (demo) department, though other tests may have added them to another one since
        return departments.findAll().stream()
                .filter(d -> d.hasExecutor(id))
                .min(java.util.Comparator.comparingLong(Department::getId))
                .orElseThrow();
    }

    Post register(Instant detectedAt, Instant receivedAt, Importance importance) {
        return posts.register(
                new NewPost(
                        "DL-" + UUID.randomUUID(),
                        Source.VK,
                        "https://vk.com/wall-1_1",
                        "Автор",
                        null,
                        "Когда придёт пособие на ребёнка?",
                        detectedAt,
                        receivedAt,
                        importance,
                        null),
                Set.of(),
                null);
    }

    long version(long postId) {
        return postRepository.findById(postId).orElseThrow().getVersion();
    }

    /** Routes the post to the executors given by login (one per department). */
    Post route(long postId, Importance importance, String... executors) {
        List<Routing> routings = java.util.Arrays.stream(executors)
                .map(e -> new Routing(departmentOf(e).getId(), user(e).getId()))
                .toList();
        return posts.route(postId, version(postId), routings, importance, actor("specialist"));
    }

    long assignmentOf(long postId, String executor) {
        return jdbc.sql("select id from assignment where post_id = ? and executor_id = ? order by id desc limit 1")
                .params(postId, user(executor).getId())
                .query(Long.class)
                .single();
    }

    List<Row> clocks(long postId) {
        return jdbc.sql("select * from deadline_clock where post_id = ? order by id")
                .param(postId)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("rule_code"),
                        Sql.longOrNull(rs, "assignment_id"),
                        Sql.instant(rs, "started_at"),
                        Sql.instant(rs, "due_at"),
                        Sql.instant(rs, "stopped_at"),
                        rs.getString("state")))
                .list();
    }

    Row clock(long postId, String rule) {
        List<Row> rows =
                clocks(postId).stream().filter(r -> r.rule().equals(rule)).toList();
        if (rows.size() != 1) {
            throw new AssertionError("expected one " + rule + " clock, got " + rows);
        }
        return rows.get(0);
    }

    List<String> rules(long postId) {
        return clocks(postId).stream().map(Row::rule).sorted().toList();
    }
}
