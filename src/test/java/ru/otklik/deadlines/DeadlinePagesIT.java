package ru.otklik.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.posts.Importance;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.Sessions;
import ru.otklik.support.TestConfig;

/**
 * What people see of deadlines: live clocks, the bell, rules, escalations, legislation notices and absences.
 */
class DeadlinePagesIT extends DeadlineIT {

    @Autowired
    MockMvc mvc;

    @AfterEach
    void resetClock() {
        clock.set(TestConfig.START);
        jdbc.sql("delete from absence where created_by = ?")
                .param(fx.user("admin").getId())
                .update();
    }

    @Test
    void thePostPageShowsEveryClockAndTheRemainingWorkingMinutes() throws Exception {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        clock.advance(Duration.ofMinutes(3));
        Cookie specialist = Sessions.login(mvc, "specialist");

        mvc.perform(get("/posts/" + post.getId()).cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Направить исполнителю")))
                .andExpect(content().string(containsString("осталось 7 мин (рабочих)")))
                .andExpect(content().string(containsString("clock-ok")));

        clock.advance(Duration.ofMinutes(5)); // 8 of 10 minutes used: amber
        mvc.perform(get("/clocks/post/" + post.getId()).cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("осталось 2 мин (рабочих)")))
                .andExpect(content().string(containsString("clock-warn")));

        clock.advance(Duration.ofMinutes(14));
        mvc.perform(get("/clocks/post/" + post.getId() + "/all").cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("просрочено на 12 мин (рабочих)")))
                .andExpect(content().string(containsString("clock-breached")));
    }

    @Test
    void aReturnedPostsPageShowsItsCancelledClocksApartWithTheReason() throws Exception {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        clock.advance(Duration.ofMinutes(3));
        posts.returnToCur(
                post.getId(), fx.version(post.getId()), "Вне компетенции Министерства", fx.actor("specialist"));
        Cookie specialist = Sessions.login(mvc, "specialist");

        mvc.perform(get("/posts/" + post.getId()).cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("clock-cancelled")))
                .andExpect(content().string(containsString("отменён: сообщение возвращено в ЦУР")))
                .andExpect(content()
                        .string(containsString("Срок «Разместить ответ»: отменён: сообщение возвращено в ЦУР")));
        mvc.perform(get("/clocks/post/" + post.getId() + "/all").cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("clock-cancelled")))
                .andExpect(content().string(containsString("clock-met")));
        mvc.perform(get("/help").cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("«Отменён»")));
    }

    @Test
    void theHelpPageListsTheQuestionsTheMinistryMaySettleAndEachIsARuleTheAdminEdits() throws Exception {
        String help = mvc.perform(get("/help").cookie(Sessions.login(mvc, "specialist")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(help).contains("Вопросы, которые министерство может решить");
        assertThat(help)
                .as("the help page tells where the earlier answers are, with the way there")
                .contains("Библиотека ответов")
                .contains("href=\"/answers\"");
        Cookie admin = Sessions.login(mvc, "admin");
        for (String rule : new String[] {"EXECUTOR_ANSWER", "CONTRIBUTION", "POST", "RETURN_TO_CUR", "FINAL_ANSWER"}) {
            assertThat(help).as("the help page names the rule that settles it").contains(rule);
            mvc.perform(get("/admin/deadline-rules/" + rule).cookie(admin))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("name=\"limit\"")))
                    .andExpect(content().string(containsString("name=\"kind\"")));
        }
    }

    @Test
    void thePostPageShowsRunningClocksFirstFoldsFinishedOnesAndExplainsTheUnit() throws Exception {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        fx.route(post.getId(), Importance.NORMAL, "executor");
        String page = mvc.perform(get("/posts/" + post.getId()).cookie(Sessions.login(mvc, "specialist")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int running = page.indexOf("data-rule=\"ACCEPT\"");
        int folded = page.indexOf("<details class=\"small mb-2 finished-clocks\">");
        int finished = page.indexOf("data-rule=\"ROUTE\"");
        assertThat(running).as("the running clock").isPositive();
        assertThat(folded).as("finished clocks folded after the running ones").isGreaterThan(running);
        assertThat(finished).as("the met ROUTE clock inside the fold").isGreaterThan(folded);
        assertThat(page).contains("Завершённые сроки: 1").contains("«(рабочих)» — считаются только рабочие часы");
    }

    @Test
    void eachViewerSeesTheClocksTheyMustActOnFirst() throws Exception {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        fx.route(post.getId(), Importance.NORMAL, "executor");
        // the executor's acceptance (15 min) is due before the org department's draft to ЦУР (1 h)
        String specialists = mvc.perform(get("/posts/" + post.getId()).cookie(Sessions.login(mvc, "specialist")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(specialists.indexOf("data-rule=\"CUR_SUBMIT\""))
                .as("the specialist's own clock first")
                .isPositive()
                .isLessThan(specialists.indexOf("data-rule=\"ACCEPT\""));
        String executors = mvc.perform(get("/posts/" + post.getId()).cookie(Sessions.login(mvc, "executor")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(executors.indexOf("data-rule=\"ACCEPT\""))
                .as("the executor's own clock first")
                .isPositive()
                .isLessThan(executors.indexOf("data-rule=\"CUR_SUBMIT\""));
    }

    @Test
    void outsideOfficeHoursABannerSaysWhenWorkingClocksGoOn() throws Exception {
        Cookie specialist = Sessions.login(mvc, "specialist");
        mvc.perform(get("/inbox").cookie(specialist))
                .andExpect(content().string(not(containsString("Нерабочее время"))));
        clock.set(java.time.Instant.parse("2026-12-01T12:00:00Z")); // Tuesday 19:00 in Novokuznetsk
        mvc.perform(get("/inbox").cookie(specialist))
                .andExpect(content().string(containsString("Нерабочее время: сроки продолжатся ср 08:30")));
    }

    @Test
    void theInboxListsEachPostsNearestClockAndPollsThemInOneRequest() throws Exception {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        Cookie specialist = Sessions.login(mvc, "specialist");

        mvc.perform(get("/inbox").param("q", post.getExternalId()).cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("clock-post-" + post.getId())))
                .andExpect(content().string(containsString("/clocks/posts?ids=")));
        mvc.perform(get("/clocks/posts").param("ids", post.getId() + ",abc,").cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"clock-post-" + post.getId() + "\"")))
                .andExpect(content().string(containsString("hx-swap-oob")));
    }

    @Test
    void anExecutorSeesOnlyTheClocksOfTheirOwnPosts() throws Exception {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        fx.route(post.getId(), Importance.NORMAL, "executor");

        mvc.perform(get("/clocks/post/" + post.getId()).cookie(Sessions.login(mvc, "executor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Принять в работу")));
        mvc.perform(get("/clocks/post/" + post.getId()).cookie(Sessions.login(mvc, "executor2")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/clocks/posts")
                        .param("ids", String.valueOf(post.getId()))
                        .cookie(Sessions.login(mvc, "executor2")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("clock-post-" + post.getId()))));
        mvc.perform(get("/assignments").cookie(Sessions.login(mvc, "executor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("clock-post-" + post.getId())));
    }

    @Test
    void theBellCountsUnreadNotificationsAndMarkingReadClearsThem() throws Exception {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.HIGH);
        Cookie deputy = Sessions.login(mvc, "deputy");
        long id = jdbc.sql("select id from notification where post_id = ? and kind = 'HIGH_POST'")
                .param(post.getId())
                .query(Long.class)
                .single();

        mvc.perform(get("/notifications").cookie(deputy))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "Поступило сообщение повышенной важности " + post.getRegistrationNumber())));
        mvc.perform(get("/notifications/bell").cookie(deputy))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Уведомления: непрочитанных")));
        mvc.perform(post("/notifications/" + id + "/read")
                        .cookie(Sessions.login(mvc, "deputy2"))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/notifications/" + id + "/read").cookie(deputy).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select read_at is not null from notification where id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void theAdminChangesARuleItsRunningClocksMoveAndTheHistoryShowsWhoAndWhat() throws Exception {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        Cookie admin = Sessions.login(mvc, "admin");
        long version = jdbc.sql("select version from deadline_rule where code = 'POST'")
                .query(Long.class)
                .single();
        mvc.perform(post("/admin/deadline-rules/POST")
                        .cookie(admin)
                        .with(csrf())
                        .param("limit", "abc")
                        .param("kind", "CALENDAR")
                        .param("action", "NOTIFY_ORG_HEAD")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Срок должен быть целым числом")));
        try {
            mvc.perform(post("/admin/deadline-rules/ROUTE")
                            .cookie(admin)
                            .with(csrf())
                            .param("limit", "12")
                            .param("kind", "WORKING")
                            .param("action", "NOTIFY_ORG_HEAD")
                            .param("version", String.valueOf(ruleVersion("ROUTE"))))
                    .andExpect(status().is3xxRedirection());
            assertThat(fx.clock(post.getId(), "ROUTE").dueAt())
                    .isEqualTo(TestConfig.START.plus(Duration.ofMinutes(12)));
            mvc.perform(get("/admin/deadline-rules").cookie(admin))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("12 мин (рабочих)")))
                    .andExpect(content().string(containsString("Администратор системы")));
            // a second edit from the page the admin opened before: refused, nothing lost
            mvc.perform(post("/admin/deadline-rules/ROUTE")
                            .cookie(admin)
                            .with(csrf())
                            .param("limit", "20")
                            .param("kind", "WORKING")
                            .param("action", "NOTIFY_ORG_HEAD")
                            .param("version", String.valueOf(ruleVersion("ROUTE") - 1)))
                    .andExpect(status().isConflict())
                    .andExpect(content().string(containsString("уже изменил кто-то другой")));
        } finally {
            mvc.perform(post("/admin/deadline-rules/ROUTE")
                    .cookie(admin)
                    .with(csrf())
                    .param("limit", "10")
                    .param("kind", "WORKING")
                    .param("action", "NOTIFY_ORG_HEAD")
                    .param("version", String.valueOf(ruleVersion("ROUTE"))));
        }
        assertThat(fx.clock(post.getId(), "ROUTE").dueAt()).isEqualTo(TestConfig.START.plus(Duration.ofMinutes(10)));
        mvc.perform(get("/admin/deadline-rules").cookie(Sessions.login(mvc, "deputy")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theDeputySeesTheEscalationAndReassignsThePostWhichClosesIt() throws Exception {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        fx.route(post.getId(), Importance.NORMAL, "executor");
        clock.advance(Duration.ofMinutes(16));
        sweep.sweep();
        long escalation = jdbc.sql("select id from escalation where post_id = ?")
                .param(post.getId())
                .query(Long.class)
                .single();
        Cookie deputy = Sessions.login(mvc, "deputy");

        mvc.perform(get("/escalations").cookie(deputy))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(post.getRegistrationNumber())));
        mvc.perform(get("/escalations").cookie(Sessions.login(mvc, "deputy2")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-post=\"" + post.getId() + "\""))));

        mvc.perform(post("/escalations/" + escalation + "/comment")
                        .cookie(deputy)
                        .with(csrf())
                        .param("version", "0")
                        .param("text", "Позвонил руководителю"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/escalations/" + escalation + "/comment")
                        .cookie(deputy)
                        .with(csrf())
                        .param("version", "0")
                        .param("text", "Ещё раз"))
                .andExpect(status().isConflict());
        mvc.perform(post("/escalations/" + escalation + "/close")
                        .cookie(deputy)
                        .with(csrf())
                        .param("version", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select closed_by from escalation where id = ?")
                        .param(escalation)
                        .query(Long.class)
                        .single())
                .isEqualTo(fx.user("deputy").getId());
    }

    @Test
    void anAbsentDeputysEscalationGoesToTheSubstitute() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        LocalDate today = LocalDate.of(2026, 12, 1);
        mvc.perform(post("/absences")
                        .cookie(admin)
                        .with(csrf())
                        .param("userId", String.valueOf(fx.user("deputy").getId()))
                        .param("startsOn", today.toString())
                        .param("endsOn", today.plusDays(3).toString())
                        .param("kind", "VACATION")
                        .param("substituteId", String.valueOf(fx.user("deputy2").getId())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/absences")
                        .cookie(admin)
                        .with(csrf())
                        .param("userId", "1")
                        .param("startsOn", "завтра")
                        .param("kind", "VACATION"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Укажите даты начала и окончания")));

        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        fx.route(post.getId(), Importance.NORMAL, "executor");
        clock.advance(Duration.ofMinutes(16));
        sweep.sweep();

        assertThat(jdbc.sql("select deputy_id from escalation where post_id = ?")
                        .param(post.getId())
                        .query(Long.class)
                        .single())
                .isEqualTo(fx.user("deputy2").getId());
        assertThat(jdbc.sql("select recipient_id from notification where post_id = ? and kind = 'ESCALATION'")
                        .param(post.getId())
                        .query(Long.class)
                        .list())
                .containsExactlyInAnyOrder(
                        fx.user("deputy2").getId(), fx.user("executor").getId());
        mvc.perform(get("/escalations").cookie(Sessions.login(mvc, "deputy2")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(post.getRegistrationNumber())));
    }

    @Test
    void aChangeInLegislationGivesEachConcernedHeadThreeDaysFromTheActAndTheirNoticeReachesSpecialistsAndExecutors()
            throws Exception {
        String title = "Изменён порядок выплаты пособия " + System.nanoTime();
        long families = fx.departmentOf("executor").getId();
        long employment = fx.departmentOf("executor2").getId();
        Cookie specialist = Sessions.login(mvc, "specialist");
        mvc.perform(post("/legislation")
                        .cookie(specialist)
                        .with(csrf())
                        .param("title", title)
                        .param("actDate", "2026-11-30")
                        .param("body", "Постановление от 30.11.2026"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Отметьте хотя бы одно подразделение")));
        // an org specialist registers the change: the amending act is of 30 November, it takes effect later
        mvc.perform(post("/legislation")
                        .cookie(specialist)
                        .with(csrf())
                        .param("title", title)
                        .param("actDate", "2026-11-30")
                        .param("effectiveOn", "2027-01-01")
                        .param("body", "Постановление от 30.11.2026")
                        .param("departmentIds", String.valueOf(families), String.valueOf(employment)))
                .andExpect(status().is3xxRedirection());
        long notice = jdbc.sql("select id from legislation_notice where title = ?")
                .param(title)
                .query(Long.class)
                .single();
        // one clock per concerned department's head, to the end of 3 December (the day of the act is not counted),
        // Novokuznetsk time: 4 December 00:00 +07
        assertThat(jdbc.sql("select department_id, responsible_id, due_at from deadline_clock where notice_id = ?"
                                + " order by department_id")
                        .param(notice)
                        .query((rs, n) -> List.of(
                                rs.getLong("department_id"),
                                rs.getLong("responsible_id"),
                                rs.getObject("due_at", OffsetDateTime.class).toInstant()))
                        .list())
                .containsExactlyInAnyOrder(
                        List.of(families, fx.user("head").getId(), Instant.parse("2026-12-03T17:00:00Z")),
                        List.of(employment, fx.user("head2").getId(), Instant.parse("2026-12-03T17:00:00Z")));

        // the head of another department may not record the families' notice; the executor may read the change
        Cookie head2 = Sessions.login(mvc, "head2");
        mvc.perform(post("/legislation/" + notice + "/departments/" + families + "/notice")
                        .cookie(head2)
                        .with(csrf())
                        .param("text", "Чужое извещение"))
                .andExpect(status().isNotFound());
        Cookie executor = Sessions.login(mvc, "executor");
        mvc.perform(get("/legislation").cookie(executor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(title)));

        clock.advance(Duration.ofDays(1));
        Cookie head = Sessions.login(mvc, "head");
        String text = "Пособие теперь назначается без справки о доходах: в ответах не просить справку " + notice;
        mvc.perform(post("/legislation/" + notice + "/departments/" + families + "/notice")
                        .cookie(head)
                        .with(csrf())
                        .param("text", " "))
                .andExpect(redirectedUrl("/legislation#notice-" + notice));
        assertThat(clockState(notice, families)).isEqualTo("RUNNING");
        mvc.perform(post("/legislation/" + notice + "/departments/" + families + "/notice")
                        .cookie(head)
                        .with(csrf())
                        .param("text", text))
                .andExpect(redirectedUrl("/legislation#notice-" + notice));
        assertThat(clockState(notice, families)).isEqualTo("MET");
        assertThat(clockState(notice, employment)).isEqualTo("RUNNING");
        // the notice reached every org specialist and the department's executors, not another department's
        assertThat(legislationNotes("specialist", title)).isEqualTo(1);
        assertThat(legislationNotes("executor", title)).isEqualTo(1);
        assertThat(legislationNotes("executor2", title)).isZero();
        mvc.perform(get("/legislation").cookie(Sessions.login(mvc, "executor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(text)));
        // recording it again changes nothing
        mvc.perform(post("/legislation/" + notice + "/departments/" + families + "/notice")
                        .cookie(head)
                        .with(csrf())
                        .param("text", "Другой текст"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql(
                                "select notice_text from legislation_notice_department where notice_id = ? and department_id = ?")
                        .params(notice, families)
                        .query(String.class)
                        .single())
                .isEqualTo(text);

        // the other head let the time run out: the coordinating deputy minister is informed
        clock.set(Instant.parse("2026-12-03T17:00:01Z"));
        sweep.sweep();
        assertThat(clockState(notice, employment)).isEqualTo("BREACHED");
        assertThat(jdbc.sql("select count(*) from notification where recipient_id = ? and kind = 'BREACH'"
                                + " and rule_code = 'LEGISLATION_NOTICE' and ? = any(group_labels)")
                        .params(fx.user("deputy").getId(), title)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private String clockState(long notice, long department) {
        return jdbc.sql("select state from deadline_clock where notice_id = ? and department_id = ?")
                .params(notice, department)
                .query(String.class)
                .single();
    }

    private long legislationNotes(String login, String title) {
        return jdbc.sql("select count(*) from notification where recipient_id = ? and kind = 'LEGISLATION'"
                        + " and post_label = ?")
                .params(fx.user(login).getId(), title)
                .query(Long.class)
                .single();
    }

    private long ruleVersion(String code) {
        return jdbc.sql("select version from deadline_rule where code = ?")
                .param(code)
                .query(Long.class)
                .single();
    }
}
