package ru.otklik.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.otklik.calendar.WorkingTime;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.internal.Department;
import ru.otklik.posts.Importance;
import ru.otklik.posts.PostState;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.Sessions;
import ru.otklik.support.TestConfig;
import ru.otklik.support.ThirdDepartment;

/**
 * A joint post (п.15) whose one department returns its part (п.14): the part waits for the org specialist with its own
 * REROUTE clock, and the specialist sends it to another department or leaves it out of the joint answer. And the
 * clocks the final answer leaves unneeded are cancelled, not met (SPEC §3).
 */
class JointPartsIT extends DeadlineIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    PeopleManagement people;

    @Autowired
    WorkingTime workingTime;

    Department pensions;

    @BeforeEach
    void thirdDepartment() {
        pensions = ThirdDepartment.ensure(people, users, departments);
    }

    @AfterEach
    void resetClock() {
        clock.set(TestConfig.START);
    }

    ResultActions form(Cookie who, String path, String... params) throws Exception {
        MockHttpServletRequestBuilder request = post(path).cookie(who).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    /** A joint post to families and employment; families accepted it, employment returned its part 3 minutes later. */
    Post jointWithEmploymentReturned(Instant detected) {
        Post post = fx.register(detected, TestConfig.START, Importance.NORMAL);
        fx.route(post.getId(), Importance.NORMAL, "executor", "executor2");
        posts.accept(
                post.getId(),
                fx.assignmentOf(post.getId(), "executor"),
                fx.version(post.getId()),
                fx.actor("executor"));
        clock.advance(Duration.ofMinutes(3));
        posts.returnAssignment(
                post.getId(),
                fx.assignmentOf(post.getId(), "executor2"),
                fx.version(post.getId()),
                "Вопрос не о занятости",
                fx.actor("executor2"));
        return postRepository.findById(post.getId()).orElseThrow();
    }

    List<DeadlineFixtures.Row> clocksOf(long postId, long assignmentId, String rule) {
        return fx.clocks(postId).stream()
                .filter(r -> r.rule().equals(rule) && r.assignmentId() != null && r.assignmentId() == assignmentId)
                .toList();
    }

    String cancelledBecause(long clockId) {
        return jdbc.sql("select cancelled_because from deadline_clock where id = ?")
                .param(clockId)
                .query(String.class)
                .single();
    }

    List<String> timeline(long postId) {
        return jdbc.sql("select action from post_event where post_id = ? order by at, id")
                .param(postId)
                .query(String.class)
                .list();
    }

    @Test
    void aReturnedPartWaitsForTheSpecialistWithItsOwnRerouteClockAndItsContributionCancelled() throws Exception {
        Post post = jointWithEmploymentReturned(TestConfig.START.minus(Duration.ofMinutes(30)));
        long id = post.getId();
        long employment = fx.assignmentOf(id, "executor2");

        assertThat(post.getState()).isEqualTo(PostState.IN_WORK);
        DeadlineFixtures.Row reroute = clocksOf(id, employment, "REROUTE").get(0);
        assertThat(reroute.state()).isEqualTo("RUNNING");
        assertThat(reroute.dueAt()).isEqualTo(TestConfig.START.plus(Duration.ofMinutes(13)));
        DeadlineFixtures.Row contribution =
                clocksOf(id, employment, "CONTRIBUTION").get(0);
        assertThat(contribution.state()).isEqualTo("CANCELLED");
        assertThat(cancelledBecause(contribution.id())).isEqualTo("PART_RETURNED");
        assertThat(clocksOf(id, employment, "EXECUTOR_ANSWER").get(0).state()).isEqualTo("CANCELLED");
        assertThat(clocksOf(id, employment, "ACCEPT").get(0).state()).isEqualTo("MET");

        Cookie specialist = Sessions.login(mvc, "specialist");
        mvc.perform(get("/posts/" + id).cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Часть общего ответа возвращена"),
                                containsString("Ждёт решения специалиста"),
                                containsString("Вопрос не о занятости"),
                                containsString("Направить в другое подразделение"),
                                containsString("Исключить из общего ответа"),
                                containsString(ThirdDepartment.EXECUTOR_NAME))));
        mvc.perform(get("/inbox").param("q", post.getExternalId()).cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("часть общего ответа ждёт решения")));
        mvc.perform(get("/posts/" + id).cookie(Sessions.login(mvc, "executor")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Исключить из общего ответа"))));
    }

    @Test
    void theSpecialistSendsTheReturnedPartToAThirdDepartmentWhoseExecutorOwesAcceptanceAndContribution()
            throws Exception {
        Instant detected = TestConfig.START.minus(Duration.ofMinutes(30));
        Post post = jointWithEmploymentReturned(detected);
        long id = post.getId();
        long employment = fx.assignmentOf(id, "executor2");
        long families = fx.assignmentOf(id, "executor");
        String path = "/posts/" + id + "/assignments/" + employment + "/reroute-part";
        Cookie specialist = Sessions.login(mvc, "specialist");
        long pensionsExecutor = fx.user(ThirdDepartment.EXECUTOR).getId();

        form(specialist, path, "version", String.valueOf(fx.version(id)), "assignTo", "")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Выберите подразделение и исполнителя")));
        form(
                        specialist,
                        path,
                        "version",
                        String.valueOf(fx.version(id)),
                        "assignTo",
                        fx.departmentOf("executor").getId() + ":"
                                + fx.user("executor").getId())
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Выберите другое подразделение")));
        form(
                        Sessions.login(mvc, "executor"),
                        path,
                        "version",
                        String.valueOf(fx.version(id)),
                        "assignTo",
                        pensions.getId() + ":" + pensionsExecutor)
                .andExpect(status().isConflict());
        assertThat(clocksOf(id, employment, "REROUTE").get(0).state()).isEqualTo("RUNNING");

        clock.advance(Duration.ofMinutes(4));
        form(
                        specialist,
                        path,
                        "version",
                        String.valueOf(fx.version(id)),
                        "assignTo",
                        pensions.getId() + ":" + pensionsExecutor)
                .andExpect(redirectedUrl("/posts/" + id));

        assertThat(clocksOf(id, employment, "REROUTE").get(0).state()).isEqualTo("MET");
        long added = fx.assignmentOf(id, ThirdDepartment.EXECUTOR);
        assertThat(clocksOf(id, added, "ACCEPT").get(0).state()).isEqualTo("RUNNING");
        assertThat(clocksOf(id, added, "EXECUTOR_ANSWER").get(0).state()).isEqualTo("RUNNING");
        DeadlineFixtures.Row contribution = clocksOf(id, added, "CONTRIBUTION").get(0);
        assertThat(contribution.state()).isEqualTo("RUNNING");
        assertThat(contribution.dueAt()).isEqualTo(workingTime.current().deadline(detected, 345));
        assertThat(clocksOf(id, families, "CONTRIBUTION")).hasSize(1);
        assertThat(timeline(id)).endsWith("RETURNED_BY_EXECUTOR", "PART_REROUTED");
        mvc.perform(get("/posts/" + id).cookie(specialist))
                .andExpect(content()
                        .string(allOf(
                                containsString("Направлено в другое подразделение"),
                                containsString("Возвращённая часть общего ответа направлена"),
                                not(containsString("Исключить из общего ответа")))));

        Cookie third = Sessions.login(mvc, ThirdDepartment.EXECUTOR);
        form(third, "/posts/" + id + "/assignments/" + added + "/accept", "version", String.valueOf(fx.version(id)))
                .andExpect(redirectedUrl("/posts/" + id));
        form(
                        third,
                        "/posts/" + id + "/assignments/" + added + "/contribution",
                        "version",
                        String.valueOf(fx.version(id)),
                        "text",
                        "Перерасчёт пенсии сделан в ноябре.")
                .andExpect(redirectedUrl("/posts/" + id));
        assertThat(clocksOf(id, added, "ACCEPT").get(0).state()).isEqualTo("MET");
        assertThat(clocksOf(id, added, "CONTRIBUTION").get(0).state()).isEqualTo("MET");
    }

    @Test
    void leavingThePartOutStopsItsRerouteAndTheJointAnswerGoesOnWithTheOtherParts() throws Exception {
        Post post = jointWithEmploymentReturned(TestConfig.START.minus(Duration.ofMinutes(30)));
        long id = post.getId();
        long employment = fx.assignmentOf(id, "executor2");
        String path = "/posts/" + id + "/assignments/" + employment + "/exclude-part";
        Cookie specialist = Sessions.login(mvc, "specialist");

        form(specialist, path, "version", String.valueOf(fx.version(id)), "reason", "  ")
                .andExpect(status().isBadRequest());
        clock.advance(Duration.ofMinutes(12));
        form(specialist, path, "version", String.valueOf(fx.version(id)), "reason", "Занятость в вопросе не упомянута")
                .andExpect(redirectedUrl("/posts/" + id));

        assertThat(clocksOf(id, employment, "REROUTE").get(0).state())
                .as("decided 12 minutes after the return: late")
                .isEqualTo("BREACHED");
        assertThat(postRepository.findById(id).orElseThrow().getState()).isEqualTo(PostState.IN_WORK);
        assertThat(timeline(id)).endsWith("PART_EXCLUDED");
        mvc.perform(get("/posts/" + id).cookie(specialist))
                .andExpect(content()
                        .string(allOf(
                                containsString("Исключено из общего ответа"),
                                containsString("Занятость в вопросе не упомянута"),
                                containsString("Проект общего ответа (п.15)"))));
        mvc.perform(get("/inbox").param("q", post.getExternalId()).cookie(specialist))
                .andExpect(content().string(not(containsString("часть общего ответа ждёт решения"))));
        // the remaining department still sends its part to the specialist, who composes the answer (п.15)
        form(
                        Sessions.login(mvc, "executor"),
                        "/posts/" + id + "/assignments/" + fx.assignmentOf(id, "executor") + "/contribution",
                        "version",
                        String.valueOf(fx.version(id)),
                        "text",
                        "Пособие назначено.")
                .andExpect(redirectedUrl("/posts/" + id));
    }

    @Test
    void postingTheFinalAnswerCancelsAContributionThatWasNeverSentInsteadOfMeetingIt() {
        Post post = fx.register(TestConfig.START.minus(Duration.ofMinutes(30)), TestConfig.START, Importance.NORMAL);
        long id = post.getId();
        fx.route(id, Importance.NORMAL, "executor", "executor2");
        posts.accept(id, fx.assignmentOf(id, "executor"), fx.version(id), fx.actor("executor"));
        posts.accept(id, fx.assignmentOf(id, "executor2"), fx.version(id), fx.actor("executor2"));
        posts.contribute(
                id, fx.assignmentOf(id, "executor"), fx.version(id), "Пособие назначено.", fx.actor("executor"));
        posts.submitDraft(id, fx.version(id), false, "Пособие назначено.", null, fx.actor("specialist"));
        posts.approveDraft(id, fx.version(id), fx.actor("head"));
        posts.approveDraft(id, fx.version(id), fx.actor("head2"));
        posts.approveDraft(id, fx.version(id), fx.actor("deputy"));
        posts.sendToCur(id, fx.version(id), fx.actor("specialist"));
        posts.recordCurDecision(id, fx.version(id), true, null, fx.actor("specialist"));
        posts.postAnswer(id, fx.version(id), "https://vk.com/wall-1_1?reply=5", null, fx.actor("specialist"));

        DeadlineFixtures.Row sent =
                clocksOf(id, fx.assignmentOf(id, "executor"), "CONTRIBUTION").get(0);
        DeadlineFixtures.Row neverSent =
                clocksOf(id, fx.assignmentOf(id, "executor2"), "CONTRIBUTION").get(0);
        assertThat(sent.state()).isEqualTo("MET");
        assertThat(neverSent.state()).isEqualTo("CANCELLED");
        assertThat(cancelledBecause(neverSent.id())).isEqualTo("ANSWER_POSTED");
        assertThat(fx.clock(id, "ANSWER").state()).isEqualTo("MET");
    }
}
