package ru.otklik.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.internal.Department;
import ru.otklik.posts.Importance;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.Sessions;
import ru.otklik.support.TestConfig;
import ru.otklik.support.ThirdDepartment;

/**
 * «Сегодня» (issue 17 point 5): the deputy ministers, the coordinator and the minister see what is open now — high
 * importance posts, breached and at-risk clocks by department, escalations and drafts waiting for their approval —
 * each a link; a deputy only his curated departments; an executor may not open it.
 */
class TodayPageIT extends DeadlineIT {

    private static final String EMPLOYMENT = "Отдел содействия занятости населения";
    private static final String FAMILIES = "Отдел социальной поддержки семей с детьми";

    @Autowired
    MockMvc mvc;

    @Autowired
    Clocks clocks;

    @Autowired
    PeopleManagement people;

    @AfterEach
    void resetClock() {
        clock.set(TestConfig.START);
    }

    @Test
    void eachLeaderSeesTheItemsOfTheirDepartmentsWithLinksAndAnExecutorIsRefused() throws Exception {
        // the demo's leaders as the test needs them, whatever earlier tests changed: deputy is the coordinator and
        // curates families, deputy2 curates employment, and no leader is away or stands in for another
        jdbc.sql("update app_user set coordinator = false where coordinator and login <> 'deputy'")
                .update();
        jdbc.sql("update app_user set coordinator = true where login = 'deputy'")
                .update();
        jdbc.sql("update department set curator_id = (select id from app_user where login = 'deputy') where name = ?")
                .param(FAMILIES)
                .update();
        jdbc.sql("update department set curator_id = (select id from app_user where login = 'deputy2') where name = ?")
                .param(EMPLOYMENT)
                .update();
        jdbc.sql("delete from absence where user_id in (select id from app_user where login in"
                        + " ('deputy', 'deputy2', 'minister', 'head', 'head2'))")
                .update();
        // a working day before the other tests' posts, so that these clocks are their departments' most urgent however
        // many breached clocks earlier tests left in the shared database («Сегодня» lists the 20 most urgent of each)
        clock.set(TestConfig.START.minus(Duration.ofDays(1)));
        Instant day = clock.instant();
        // deputy2 curates employment (executor2); deputy is the coordinator; the minister sees all
        Post high = fx.register(day, day, Importance.HIGH);
        fx.route(high.getId(), Importance.HIGH, "executor2");
        Post families = fx.register(day, day, Importance.NORMAL);
        fx.route(families.getId(), Importance.NORMAL, "executor");
        // a joint post: its families part is the coordinator's to watch, its employment part deputy2's
        Post joint = fx.register(day, day, Importance.NORMAL);
        fx.route(joint.getId(), Importance.NORMAL, "executor", "executor2");
        Post toDeputy2 = draftApprovedByHead("executor2", "head2", null);
        Post toMinister =
                draftApprovedByHead("executor2", "head2", fx.user("minister").getId());
        clock.advance(Duration.ofMinutes(16)); // both acceptances breached: escalated to the curators
        sweep.sweep();

        String deputy2 = today("deputy2");
        assertThat(between(deputy2, "today-drafts", "today-escalations"))
                .as("the draft waiting for deputy2, a link to the post")
                .contains(link(toDeputy2))
                .doesNotContain(toMinister.getRegistrationNumber());
        assertThat(between(deputy2, "today-escalations", "today-high"))
                .contains(link(high))
                .doesNotContain(families.getRegistrationNumber());
        assertThat(between(deputy2, "today-high", "today-clocks")).contains(link(high));
        String deputy2Clocks = between(deputy2, "today-clocks", "</table>");
        assertThat(deputy2Clocks)
                .contains(EMPLOYMENT)
                .contains(link(high))
                .contains(link(joint))
                .doesNotContain(FAMILIES)
                .doesNotContain(families.getRegistrationNumber());
        assertThat(deputy2).contains("в курируемых вами подразделениях").contains("href=\"/escalations\"");

        String coordinator = today("deputy");
        assertThat(between(coordinator, "today-escalations", "today-high"))
                .contains(link(high))
                .contains(link(families));
        assertThat(between(coordinator, "today-clocks", "</table>"))
                .contains(EMPLOYMENT)
                .contains(FAMILIES);
        assertThat(between(coordinator, "today-drafts", "today-escalations"))
                .doesNotContain(toDeputy2.getRegistrationNumber())
                .doesNotContain(toMinister.getRegistrationNumber());

        String minister = today("minister");
        assertThat(between(minister, "today-drafts", "today-escalations"))
                .contains(link(toMinister))
                .doesNotContain(toDeputy2.getRegistrationNumber())
                .contains("href=\"/approvals\"");
        assertThat(between(minister, "today-escalations", "today-high"))
                .contains(link(high))
                .contains(link(families));
        assertThat(between(minister, "today-high", "today-clocks")).contains(link(high));
        assertThat(minister).contains("во всём министерстве");

        mvc.perform(get("/today").cookie(Sessions.login(mvc, "executor"))).andExpect(status().isForbidden());
        mvc.perform(get("/today").cookie(Sessions.login(mvc, "head"))).andExpect(status().isForbidden());
    }

    @Test
    void aDepartmentWithManyBurningClocksShowsTheirTrueCountAndItsMostUrgentOnesByName() throws Exception {
        Department pensions = ThirdDepartment.ensure(people, users, departments);
        int routed = Clocks.SHOWN_PER_DEPARTMENT + 3;
        for (int i = 0; i < routed; i++) {
            Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
            fx.route(post.getId(), Importance.NORMAL, ThirdDepartment.EXECUTOR);
            clock.advance(Duration.ofSeconds(10));
        }
        clock.set(TestConfig.START.plus(Duration.ofMinutes(30))); // every acceptance breached
        sweep.sweep();

        BurningDepartment row = clocks.burning(Set.of(pensions.getId())).stream()
                .filter(d -> pensions.getId().equals(d.departmentId()))
                .findFirst()
                .orElseThrow();
        long burningNow = jdbc.sql("select count(*) from deadline_clock where department_id = ? and stopped_at is null"
                        + " and (state = 'BREACHED' or due_at <= ? or warn_at <= ?)")
                .param(pensions.getId())
                .param(java.sql.Timestamp.from(clock.instant()))
                .param(java.sql.Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        assertThat(row.total()).as("every burning clock counted, listed or not").isEqualTo(burningNow);
        assertThat(row.breached()).isGreaterThanOrEqualTo(routed);
        assertThat(row.mostUrgent()).hasSize(Clocks.SHOWN_PER_DEPARTMENT);
        assertThat(row.mostUrgent())
                .as("breached first, then the soonest due")
                .isSortedAccordingTo(java.util.Comparator.comparing((BurningClock c) -> !c.breached())
                        .thenComparing(BurningClock::dueAt));

        String deputy2 = between(today("deputy2"), "today-clocks", "</table>");
        assertThat(deputy2)
                .contains(ThirdDepartment.NAME)
                .contains("Сообщения (" + row.total() + ")")
                .contains("и ещё " + row.notListed() + " — здесь показаны " + Clocks.SHOWN_PER_DEPARTMENT
                        + " самых срочных");
    }

    /** A post with the executor's draft approved by the head, now waiting for the second approver. */
    private Post draftApprovedByHead(String executor, String head, Long secondApprover) {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        fx.route(post.getId(), Importance.NORMAL, executor);
        posts.accept(
                post.getId(), fx.assignmentOf(post.getId(), executor), fx.version(post.getId()), fx.actor(executor));
        posts.submitDraft(
                post.getId(),
                fx.version(post.getId()),
                false,
                "Пособие будет выплачено до 10 декабря.",
                secondApprover,
                fx.actor(executor));
        posts.approveDraft(post.getId(), fx.version(post.getId()), fx.actor(head));
        return post;
    }

    private String today(String login) throws Exception {
        Cookie session = Sessions.login(mvc, login);
        return mvc.perform(get("/today").cookie(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String link(Post post) {
        return "href=\"/posts/" + post.getId() + "\">" + post.getRegistrationNumber() + "</a>";
    }

    /** The page from the heading with this id up to the given marker after it. */
    private static String between(String page, String id, String end) {
        int from = page.indexOf("id=\"" + id + "\"");
        assertThat(from).as(id).isPositive();
        int to = page.indexOf(end, from + id.length() + 5);
        return to < 0 ? page.substring(from) : page.substring(from, to);
    }
}
