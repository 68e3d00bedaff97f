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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.otklik.deadlines.internal.Sql;
import ru.otklik.posts.Importance;
import ru.otklik.posts.PostState;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.Sessions;
import ru.otklik.support.TestConfig;

/**
 * An escalation (п.9) closes itself once its assignment moves on, is told on the post's timeline with every comment of
 * the deputy, and the deputy may send the post to another department through the org specialist.
 */
class EscalationResolutionIT extends DeadlineIT {

    @Autowired
    MockMvc mvc;

    @AfterEach
    void resetClock() {
        clock.set(TestConfig.START);
    }

    record Escalation(long id, long version, Long closedBy, String reason, String note) {}

    /** A post routed to the families executor and left unaccepted until the sweep escalated it to {@code deputy}. */
    Post escalated(String... executors) {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        fx.route(post.getId(), Importance.NORMAL, executors);
        clock.advance(Duration.ofMinutes(16));
        sweep.sweep();
        return post;
    }

    Escalation escalationOf(long postId) {
        return jdbc.sql("select id, version, closed_by, close_reason, close_note from escalation where post_id = ?")
                .param(postId)
                .query((rs, n) -> new Escalation(
                        rs.getLong("id"),
                        rs.getLong("version"),
                        Sql.longOrNull(rs, "closed_by"),
                        rs.getString("close_reason"),
                        rs.getString("close_note")))
                .single();
    }

    List<String> timeline(long postId) {
        return jdbc.sql(
                        "select action || coalesce(':' || comment, '') from post_event where post_id = ? order by at, id")
                .param(postId)
                .query(String.class)
                .list();
    }

    ResultActions form(Cookie who, String path, String... params) throws Exception {
        MockHttpServletRequestBuilder request = post(path).cookie(who).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    @Test
    void theEscalationAndTheDeputysCommentsAreOnTheTimelineAndItClosesItselfWhenTheExecutorAccepts() throws Exception {
        Post post = escalated("executor");
        long id = post.getId();
        Escalation escalation = escalationOf(id);
        assertThat(escalation.reason()).isNull();
        assertThat(timeline(id)).last().isEqualTo("ESCALATED");

        Cookie deputy = Sessions.login(mvc, "deputy");
        form(
                        deputy,
                        "/escalations/" + escalation.id() + "/comment",
                        "version",
                        "0",
                        "text",
                        "Позвонил начальнику отдела")
                .andExpect(status().is3xxRedirection());
        assertThat(timeline(id)).last().isEqualTo("ESCALATION_COMMENTED:Позвонил начальнику отдела");
        // the executor is told, with the comment; the deputy who wrote it is not (issue 17)
        assertThat(jdbc.sql("select u.login || ': ' || n.detail from notification n join app_user u"
                                + " on u.id = n.recipient_id where n.post_id = ? and n.kind = 'COMMENT'")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("executor: Позвонил начальнику отдела");

        posts.accept(id, fx.assignmentOf(id, "executor"), fx.version(id), fx.actor("executor"));

        Escalation closed = escalationOf(id);
        assertThat(closed.closedBy()).isEqualTo(fx.user("executor").getId());
        assertThat(closed.reason()).isEqualTo("ACCEPTED");
        assertThat(timeline(id))
                .last()
                .isEqualTo("ESCALATION_CLOSED:Эскалация закрыта автоматически: исполнитель принял сообщение в работу");
        mvc.perform(get("/escalations").cookie(deputy))
                .andExpect(content().string(not(containsString("data-post=\"" + id + "\""))));
        mvc.perform(get("/posts/" + id).cookie(Sessions.login(mvc, "specialist")))
                .andExpect(content()
                        .string(allOf(
                                containsString("Отклик (автоматически)"),
                                containsString("сообщение передано курирующему заместителю министра"),
                                containsString("Соколов Алексей Дмитриевич"),
                                containsString("Позвонил начальнику отдела"),
                                containsString("исполнитель принял сообщение в работу"))));
        // closed: the deputy's later comment on it is refused as out of date
        form(deputy, "/escalations/" + escalation.id() + "/comment", "version", "1", "text", "Ещё")
                .andExpect(status().isConflict());
    }

    @Test
    void reassigningThePostFromItsPageClosesTheEscalationWithWhoAndWhy() throws Exception {
        Post post = escalated("executor");
        long id = post.getId();
        long second = secondFamiliesExecutor();

        form(
                        Sessions.login(mvc, "orghead"),
                        "/posts/" + id + "/assignments/" + fx.assignmentOf(id, "executor") + "/reassign",
                        "version",
                        String.valueOf(fx.version(id)),
                        "executorId",
                        String.valueOf(second),
                        "comment",
                        "Кузнецов на выезде")
                .andExpect(redirectedUrl("/posts/" + id));

        Escalation closed = escalationOf(id);
        assertThat(closed.closedBy()).isEqualTo(fx.user("orghead").getId());
        assertThat(closed.reason()).isEqualTo("REASSIGNED");
        assertThat(closed.note()).isEqualTo("Кузнецов на выезде");
        assertThat(timeline(id))
                .last()
                .isEqualTo(
                        "ESCALATION_CLOSED:Эскалация закрыта автоматически: поручение переназначено: Кузнецов на выезде");
    }

    @Test
    void theDeputyHandsTheEscalatedPostBackForAnotherDepartmentWithTheReason() throws Exception {
        Post post = escalated("executor");
        long id = post.getId();
        Escalation escalation = escalationOf(id);
        long assignment = fx.assignmentOf(id, "executor");
        Cookie deputy = Sessions.login(mvc, "deputy");
        String path = "/escalations/" + escalation.id() + "/hand-back";

        form(
                        deputy,
                        path,
                        "version",
                        "0",
                        "postId",
                        String.valueOf(id),
                        "postVersion",
                        String.valueOf(fx.version(id)),
                        "assignmentId",
                        String.valueOf(assignment),
                        "reason",
                        " ")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Напишите, почему сообщение нужно передать")));
        form(
                        Sessions.login(mvc, "deputy2"),
                        path,
                        "version",
                        "0",
                        "postId",
                        String.valueOf(id),
                        "postVersion",
                        String.valueOf(fx.version(id)),
                        "assignmentId",
                        String.valueOf(assignment),
                        "reason",
                        "Не мой отдел")
                .andExpect(status().isNotFound());
        mvc.perform(get("/escalations").cookie(deputy))
                .andExpect(content().string(containsString("Передать в другое подразделение")));

        form(
                        deputy,
                        path,
                        "version",
                        "0",
                        "postId",
                        String.valueOf(id),
                        "postVersion",
                        String.valueOf(fx.version(id)),
                        "assignmentId",
                        String.valueOf(assignment),
                        "reason",
                        "Вопрос о пенсии, не о пособиях")
                .andExpect(redirectedUrl("/escalations"));

        assertThat(postRepository.findById(id).orElseThrow().getState()).isEqualTo(PostState.RETURNED_BY_EXECUTOR);
        assertThat(fx.clock(id, "REROUTE").state()).isEqualTo("RUNNING");
        Escalation closed = escalationOf(id);
        assertThat(closed.closedBy()).isEqualTo(fx.user("deputy").getId());
        assertThat(closed.reason()).isEqualTo("RETURNED");
        assertThat(timeline(id))
                .endsWith(
                        "HANDED_BACK:Вопрос о пенсии, не о пособиях",
                        "ESCALATION_CLOSED:Эскалация закрыта автоматически: поручение возвращено специалисту для"
                                + " направления в другое подразделение: Вопрос о пенсии, не о пособиях");
        mvc.perform(get("/posts/" + id).cookie(Sessions.login(mvc, "specialist")))
                .andExpect(content().string(containsString("Направить исполнителю")));
    }

    @Test
    void aDeputyHandingBackOneDepartmentOfAJointPostLeavesThatPartToTheSpecialist() throws Exception {
        Post post = escalated("executor", "executor2");
        long id = post.getId();
        posts.accept(id, fx.assignmentOf(id, "executor2"), fx.version(id), fx.actor("executor2"));
        Escalation escalation = jdbc.sql("select id, version from escalation where post_id = ? and closed_at is null")
                .param(id)
                .query((rs, n) -> new Escalation(rs.getLong("id"), rs.getLong("version"), null, null, null))
                .single();
        long families = fx.assignmentOf(id, "executor");

        form(
                        Sessions.login(mvc, "deputy"),
                        "/escalations/" + escalation.id() + "/hand-back",
                        "version",
                        String.valueOf(escalation.version()),
                        "postId",
                        String.valueOf(id),
                        "postVersion",
                        String.valueOf(fx.version(id)),
                        "assignmentId",
                        String.valueOf(families),
                        "reason",
                        "Пособия тут ни при чём")
                .andExpect(redirectedUrl("/escalations"));

        assertThat(postRepository.findById(id).orElseThrow().getState()).isEqualTo(PostState.IN_WORK);
        assertThat(fx.clocks(id))
                .filteredOn(r -> r.rule().equals("REROUTE"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.assignmentId()).isEqualTo(families);
                    assertThat(r.state()).isEqualTo("RUNNING");
                });
        mvc.perform(get("/posts/" + id).cookie(Sessions.login(mvc, "specialist")))
                .andExpect(content().string(containsString("Исключить из общего ответа")));
    }

    /** A second executor in the families department, so that there is someone to reassign to. */
    long secondFamiliesExecutor() {
        Long existing = jdbc.sql("select u.id from app_user u where u.login = 'escalation-executor'")
                .query(Long.class)
                .optional()
                .orElse(null);
        if (existing == null) {
            existing = jdbc.sql("insert into app_user (login, full_name, password_hash) values "
                            + "('escalation-executor', 'Белова Ксения Андреевна', 'x') returning id")
                    .query(Long.class)
                    .single();
            jdbc.sql("insert into user_role (user_id, role) values (?, 'EXECUTOR')")
                    .param(existing)
                    .update();
            jdbc.sql("insert into department_executor (department_id, user_id) values (?, ?)")
                    .params(fx.departmentOf("executor").getId(), existing)
                    .update();
        }
        return existing;
    }
}
