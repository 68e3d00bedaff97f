package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;
import ru.otklik.web.MenuCounts;

/**
 * Issue 17, points 3 and 4: the menu counts what waits for each person (and for whom they stand in); every list puts
 * what burns first on top and marks the specialist's own next steps; saved inbox filters are each person's own; several
 * new posts are routed in one step, each as on its own page, a stale one reported.
 */
@IntegrationTest
class QueuesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    AutowireCapableBeanFactory beans;

    @Autowired
    MenuCounts menu;

    @Autowired
    PostLookup lookup;

    AnswerFixtures fx;
    final List<Long> absences = new ArrayList<>();

    @BeforeEach
    void fixtures() {
        fx = beans.createBean(AnswerFixtures.class);
    }

    @AfterEach
    void backFromLeave() {
        absences.forEach(
                a -> jdbc.sql("delete from absence where id = ?").param(a).update());
    }

    @Test
    void theMenuCountsWhatWaitsForEachPersonAndForWhomTheyStandIn() throws Exception {
        long inbox = menu.of(fx.actor("specialist")).inbox();
        long assignments = menu.of(fx.actor("executor")).assignments();
        long approvals = menu.of(fx.actor("head")).approvals();
        long escalations = menu.of(fx.actor("deputy2")).escalations();

        fx.registered("Где получить справку? " + AnswerFixtures.unique(), Set.of());
        Post routed = routed(fx.registered("Когда придёт пособие? " + AnswerFixtures.unique(), Set.of()));
        fx.inApproval();
        Post ready = fx.readyForCur();

        // new + ready for ЦУР wait for the specialist; the routed one waits for the executor; the draft for the head
        assertThat(menu.of(fx.actor("specialist")).inbox()).isEqualTo(inbox + 2);
        assertThat(menu.of(fx.actor("executor")).assignments()).isEqualTo(assignments + 1);
        assertThat(menu.of(fx.actor("head")).approvals()).isEqualTo(approvals + 1);
        assertThat(menu.of(fx.actor("executor")).approvals())
                .as("not an approver")
                .isZero();
        assertThat(menu.of(fx.actor("specialist")).assignments())
                .as("not an executor")
                .isZero();

        // the head is absent: head2 stands in and sees the head's drafts counted as their own; a joint draft that
        // waits for both heads (п.15) counts once
        Set<Long> either = new HashSet<>();
        lookup.awaitingApprovalOf(Set.of(fx.id("head"))).forEach(p -> either.add(p.id()));
        lookup.awaitingApprovalOf(Set.of(fx.id("head2"))).forEach(p -> either.add(p.id()));
        absent("head", "head2");
        assertThat(menu.of(fx.actor("head2")).approvals()).isEqualTo(either.size());

        long clockId = jdbc.sql("select id from deadline_clock where post_id = ? order by id limit 1")
                .param(routed.getId())
                .query(Long.class)
                .single();
        long escalation = jdbc.sql("insert into escalation (clock_id, post_id, assignment_id, deputy_id, opened_at)"
                        + " values (?, ?, ?, ?, ?) returning id")
                .params(
                        clockId,
                        routed.getId(),
                        routed.getAssignments().get(0).getId(),
                        fx.id("deputy2"),
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        assertThat(menu.of(fx.actor("deputy2")).escalations()).isEqualTo(escalations + 1);
        jdbc.sql("update escalation set closed_at = ?, close_reason = 'CLOSED' where id = ?")
                .params(Timestamp.from(clock.instant()), escalation)
                .update();
        assertThat(menu.of(fx.actor("deputy2")).escalations()).isEqualTo(escalations);

        long waiting = menu.of(fx.actor("specialist")).inbox();
        mvc.perform(get("/help").cookie(Sessions.login(mvc, "specialist")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(">" + waiting + "</span>"),
                                containsString(
                                        "<span class=\"visually-hidden\">, " + waiting + " ждут действий</span>"))));
        assertThat(ready.getState()).isEqualTo(PostState.READY_FOR_CUR);
    }

    @Test
    void theInboxPutsTheSpecialistsStepsFirstThenBreachedThenNearestDueOnPageOneOfMany() throws Exception {
        String token = "queue" + AnswerFixtures.unique().replaceAll("[0-9]", "q");
        Instant now = clock.instant();
        List<Post> fresh = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            fresh.add(fx.registered("Вопрос о пособии " + token + " номер " + i, Set.of()));
        }
        Post inWork = fx.inWork("Вопрос в работе " + token, Set.of());
        Post ready = readyForCur("Готовый ответ " + token);
        Post nearest = fx.registered("Срок ближе всех " + token, Set.of());
        Post breached = fx.registered("Срок нарушен " + token, Set.of());

        for (int i = 0; i < fresh.size(); i++) {
            due(fresh.get(i), now.plus(Duration.ofMinutes(60 + i)));
        }
        due(ready, now.plus(Duration.ofMinutes(30)));
        due(nearest, now.plus(Duration.ofMinutes(1)));
        breach(breached, now.minus(Duration.ofMinutes(5)));
        breach(inWork, now.minus(Duration.ofMinutes(50)));

        String page = mvc.perform(get("/inbox").param("q", token).cookie(Sessions.login(mvc, "specialist")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Найдено: 30");
        int b = page.indexOf(breached.getExternalId());
        int n = page.indexOf(nearest.getExternalId());
        int r = page.indexOf(ready.getExternalId());
        assertThat(b).as("the breached post, received last, on page 1").isPositive();
        assertThat(b).as("breached before nearest due").isLessThan(n);
        assertThat(n).as("nearest due before the ready one").isLessThan(r);
        assertThat(r)
                .as("ready for ЦУР: before the new posts due later")
                .isLessThan(page.indexOf(fresh.get(0).getExternalId()));
        String readyRow = page.substring(r, page.indexOf("</tr>", r));
        assertThat(readyRow).contains("ждёт ваших действий");
        assertThat(page)
                .as("a breached post in work waits for the executor: after every post waiting for the specialist")
                .doesNotContain(inWork.getExternalId());
        assertThat(page.substring(b, page.indexOf("</tr>", b))).contains("срок нарушен");
    }

    @Test
    void aSavedFilterIsAppliedInOneClickAndDeletedAndIsThePersonsOwn() throws Exception {
        Cookie specialist = Sessions.login(mvc, "specialist");
        String name = "Новые из ВК " + AnswerFixtures.unique();
        mvc.perform(post("/inbox/filters")
                        .cookie(specialist)
                        .with(csrf())
                        .param("name", name)
                        .param("state", "NEW")
                        .param("source", "VK")
                        .param("sort", "urgent")
                        .param("q", "пособие {x}"))
                .andExpect(redirectedUrl(
                        "/inbox?q=%D0%BF%D0%BE%D1%81%D0%BE%D0%B1%D0%B8%D0%B5%20%7Bx%7D&state=NEW&source=VK"));
        long id = jdbc.sql("select id from saved_filter where name = ?")
                .param(name)
                .query(Long.class)
                .single();

        mvc.perform(get("/inbox").cookie(specialist))
                .andExpect(
                        content()
                                .string(
                                        allOf(
                                                containsString(name),
                                                containsString(
                                                        "href=\"/inbox?q=%D0%BF%D0%BE%D1%81%D0%BE%D0%B1%D0%B8%D0%B5%20%7Bx%7D&amp;state=NEW&amp;source=VK\""))));
        mvc.perform(get(java.net.URI.create(
                                "/inbox?q=%D0%BF%D0%BE%D1%81%D0%BE%D0%B1%D0%B8%D0%B5%20%7Bx%7D&state=NEW&source=VK"))
                        .cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"пособие {x}\"")));

        Cookie orghead = Sessions.login(mvc, "orghead");
        mvc.perform(get("/inbox").cookie(orghead))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(name))));
        mvc.perform(post("/inbox/filters/" + id + "/delete").cookie(orghead).with(csrf()))
                .andExpect(flash().attribute("warning", "posts.inbox.saved.error.gone"));
        assertThat(savedNamed(name)).as("another person cannot delete it").isEqualTo(1);

        mvc.perform(post("/inbox/filters").cookie(specialist).with(csrf()).param("name", "  "))
                .andExpect(flash().attribute("warning", "posts.inbox.saved.error.name"));
        mvc.perform(post("/inbox/filters")
                        .cookie(specialist)
                        .with(csrf())
                        .param("name", name + " длинный")
                        .param("q", "я".repeat(3000)))
                .andExpect(flash().attribute("warning", "posts.inbox.saved.error.long"));
        assertThat(savedNamed(name + " длинный")).isZero();

        mvc.perform(post("/inbox/filters/" + id + "/delete").cookie(specialist).with(csrf()))
                .andExpect(redirectedUrl("/inbox"));
        assertThat(savedNamed(name)).isZero();
    }

    @Test
    void threeNewPostsAreRoutedInOneStepEachWithItsClocksAndAStaleOneIsReported() throws Exception {
        List<Post> chosen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            chosen.add(fx.registered("После импорта " + i + " " + AnswerFixtures.unique(), Set.of()));
        }
        Post stale = fx.registered("Изменится до направления " + AnswerFixtures.unique(), Set.of());
        // meanwhile the org head routes it elsewhere: the version the specialist's list showed is stale
        fx.management.route(
                stale.getId(),
                stale.getVersion(),
                List.of(new Routing(fx.employment().getId(), fx.id("executor2"))),
                null,
                fx.actor("orghead"));

        var request = post("/inbox/route")
                .cookie(Sessions.login(mvc, "specialist"))
                .with(csrf())
                .param("target", fx.families().getId() + ":" + fx.id("executor"));
        for (Post p : chosen) {
            request.param("posts", p.getId() + ":" + p.getVersion());
        }
        request.param("posts", stale.getId() + ":" + stale.getVersion());
        mvc.perform(request)
                .andExpect(redirectedUrl("/inbox"))
                .andExpect(flash().attribute(
                                "warningText",
                                allOf(
                                        containsString("Направлено сообщений: 3"),
                                        containsString(chosen.get(0).getRegistrationNumber()),
                                        containsString("Не направлено: 1 — " + stale.getRegistrationNumber()
                                                + " — сообщение изменилось"))));

        for (Post p : chosen) {
            Post now = fx.reload(p.getId());
            assertThat(now.getState()).isEqualTo(PostState.ASSIGNED);
            assertThat(now.getAssignments()).hasSize(1);
            long assignment = now.getAssignments().get(0).getId();
            assertThat(jdbc.sql("select count(*) from deadline_clock where assignment_id = ? and stopped_at is null")
                            .param(assignment)
                            .query(Long.class)
                            .single())
                    .as("the assignment's own clock")
                    .isPositive();
            assertThat(fx.actions(p.getId())).contains("ROUTED");
        }
        assertThat(fx.reload(stale.getId()).getAssignments())
                .as("only the org head's routing")
                .singleElement()
                .satisfies(a -> assertThat(a.getExecutorId()).isEqualTo(fx.id("executor2")));
    }

    @Test
    void aBulkRoutingWithNothingChosenOrNoExecutorSaysWhatIsMissing() throws Exception {
        Cookie specialist = Sessions.login(mvc, "specialist");
        mvc.perform(post("/inbox/route").cookie(specialist).with(csrf()).param("target", "1:2"))
                .andExpect(redirectedUrl("/inbox"))
                .andExpect(flash().attribute("warningText", containsString("Отметьте в списке")));
        Post p = fx.registered("Без исполнителя " + AnswerFixtures.unique(), Set.of());
        mvc.perform(post("/inbox/route")
                        .cookie(specialist)
                        .with(csrf())
                        .param("posts", p.getId() + ":" + p.getVersion())
                        .param("target", "x"))
                .andExpect(flash().attribute("warning", "posts.inbox.bulk.error.target"));
        assertThat(fx.reload(p.getId()).getState()).isEqualTo(PostState.NEW);
    }

    private long savedNamed(String name) {
        return jdbc.sql("select count(*) from saved_filter where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private Post routed(Post post) {
        fx.management.route(
                post.getId(),
                post.getVersion(),
                List.of(new Routing(fx.families().getId(), fx.id("executor"))),
                Importance.NORMAL,
                fx.actor("specialist"));
        return fx.reload(post.getId());
    }

    private Post readyForCur(String text) {
        Post post = fx.inWork(text, Set.of());
        post = fx.management.submitDraft(
                post.getId(), post.getVersion(), false, AnswerFixtures.DRAFT, null, fx.actor("executor"));
        post = fx.management.approveDraft(post.getId(), post.getVersion(), fx.actor("head"));
        fx.management.approveDraft(post.getId(), post.getVersion(), fx.actor("deputy"));
        return fx.reload(post.getId());
    }

    /** Every open clock of the post due then, running. */
    private void due(Post post, Instant at) {
        jdbc.sql("update deadline_clock set due_at = ?, state = 'RUNNING' where post_id = ? and stopped_at is null")
                .params(Timestamp.from(at), post.getId())
                .update();
    }

    private void breach(Post post, Instant dueAt) {
        jdbc.sql("update deadline_clock set due_at = ?, state = 'BREACHED', breached_at = ? where post_id = ?"
                        + " and stopped_at is null")
                .params(Timestamp.from(dueAt), Timestamp.from(dueAt), post.getId())
                .update();
    }

    private long absent(String login, String substitute) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), MinistryTime.ZONE);
        long id = jdbc.sql("insert into absence (user_id, starts_on, ends_on, kind, substitute_id)"
                        + " values (?, ?, ?, 'VACATION', ?) returning id")
                .params(fx.id(login), today, today.plusDays(1), fx.id(substitute))
                .query(Long.class)
                .single();
        absences.add(id);
        return id;
    }
}
