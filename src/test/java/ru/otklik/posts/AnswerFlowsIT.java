package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.posts.internal.Draft;
import ru.otklik.posts.internal.Post;
import ru.otklik.posts.internal.Posts;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;

/**
 * The second half of a post's life through the pages, logged in as the real roles: the executor drafts, the head and
 * the deputy minister approve or return, the org specialist deals with ЦУР and posts the answer (п.9–17).
 */
@IntegrationTest
@RecordApplicationEvents
class AnswerFlowsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    PostManagement management;

    @Autowired
    Posts posts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    @Autowired
    AutowireCapableBeanFactory beans;

    AnswerFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = beans.createBean(AnswerFixtures.class);
    }

    ResultActions form(String login, String path, String... params) throws Exception {
        return form(Sessions.login(mvc, login), path, params);
    }

    ResultActions form(Cookie who, String path, String... params) throws Exception {
        MockHttpServletRequestBuilder request = post(path).cookie(who).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    String version(long postId) {
        return String.valueOf(fx.reload(postId).getVersion());
    }

    ResultActions curApi(long postId, String body) throws Exception {
        return mvc.perform(post("/api/v1/messages/" + postId + "/cur-decision")
                .header("Authorization", "Bearer demo-cur-token")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    /** Head, then deputy approve through their «На согласовании» pages. */
    void approveByHeadAndDeputy(long id) throws Exception {
        form(
                        "head",
                        "/posts/" + id + "/draft/approve",
                        "version",
                        version(id),
                        "checklist",
                        "true",
                        "from",
                        "approvals")
                .andExpect(redirectedUrl("/approvals"));
        form(
                        "deputy",
                        "/posts/" + id + "/draft/approve",
                        "version",
                        version(id),
                        "checklist",
                        "true",
                        "from",
                        "approvals")
                .andExpect(redirectedUrl("/approvals"));
    }

    // ------------------------------------------------------------------ the full cycle

    @Test
    void aFinalAnswerGoesFromTheExecutorThroughHeadDeputyAndCurToBeingPosted() throws Exception {
        Post earlier = fx.inWork();
        Post post =
                fx.inWork("Когда назначат пособие? Пишу повторно " + AnswerFixtures.unique(), Set.of(earlier.getId()));
        long id = post.getId();
        Cookie executor = Sessions.login(mvc, "executor");

        mvc.perform(get("/posts/" + id).cookie(executor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Проект ответа")))
                .andExpect(content().string(containsString("(курирующий заместитель министра)")));
        form(
                        executor,
                        "/posts/" + id + "/draft",
                        "version",
                        version(id),
                        "intermediate",
                        "false",
                        "text",
                        "<b>Здравствуйте!</b>\nПособие назначено.",
                        "action",
                        "save")
                .andExpect(redirectedUrl("/posts/" + id));
        mvc.perform(get("/posts/" + id).cookie(executor))
                .andExpect(content().string(containsString("&lt;b&gt;Здравствуйте!&lt;/b&gt;\nПособие назначено.")))
                .andExpect(content().string(containsString("post-text draft-text")));
        form(
                        executor,
                        "/posts/" + id + "/draft",
                        "version",
                        version(id),
                        "intermediate",
                        "false",
                        "text",
                        AnswerFixtures.DRAFT,
                        "action",
                        "submit",
                        "secondApprover",
                        String.valueOf(fx.id("deputy")))
                .andExpect(redirectedUrl("/posts/" + id));
        assertThat(fx.reload(id).getState()).isEqualTo(PostState.IN_APPROVAL);

        Cookie head = Sessions.login(mvc, "head");
        mvc.perform(get("/approvals").cookie(head))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(post.getExternalId())))
                .andExpect(content().string(containsString("Нормативные правовые акты указаны, только если")))
                .andExpect(content().string(containsString("выплата придёт до 25 числа")));
        mvc.perform(get("/approvals").cookie(Sessions.login(mvc, "deputy")))
                .andExpect(content().string(not(containsString(post.getExternalId()))));
        approveByHeadAndDeputy(id);
        assertThat(fx.reload(id).getState()).isEqualTo(PostState.READY_FOR_CUR);

        Cookie specialist = Sessions.login(mvc, "specialist");
        mvc.perform(get("/posts/" + id).cookie(specialist))
                .andExpect(content().string(containsString("Отправить в ЦУР")));
        form(specialist, "/posts/" + id + "/send-to-cur", "version", version(id))
                .andExpect(redirectedUrl("/posts/" + id));
        assertThat(fx.reload(id).openDraft().getSentToCurAt()).isEqualTo(clock.instant());

        curApi(id, "{\"decision\": \"APPROVED\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CUR_APPROVED"));
        mvc.perform(get("/posts/" + id).cookie(specialist))
                .andExpect(content().string(containsString("Отметить ответ размещённым")));
        form(
                        specialist,
                        "/posts/" + id + "/answer",
                        "version",
                        version(id),
                        "url",
                        "https://vk.com/wall-7_1?reply=5",
                        "text",
                        "")
                .andExpect(redirectedUrl("/posts/" + id));

        Post answered = fx.reload(id);
        assertThat(answered.getState()).isEqualTo(PostState.ANSWERED);
        assertThat(answered.getClosedAt()).isNotNull();
        assertThat(answered.lastPostedAnswer().getPostedText()).isEqualTo(AnswerFixtures.DRAFT);
        assertThat(fx.timeline(id))
                .containsSubsequence(
                        "ACCEPTED:ASSIGNED>IN_WORK",
                        "DRAFT_SAVED:IN_WORK>IN_WORK",
                        "DRAFT_SAVED:IN_WORK>IN_WORK",
                        "DRAFT_SUBMITTED:IN_WORK>IN_APPROVAL",
                        "DRAFT_APPROVED_BY_HEAD:IN_APPROVAL>IN_APPROVAL",
                        "DRAFT_APPROVED:IN_APPROVAL>READY_FOR_CUR",
                        "SENT_TO_CUR:READY_FOR_CUR>AT_CUR",
                        "CUR_APPROVED:AT_CUR>CUR_APPROVED",
                        "ANSWER_POSTED:CUR_APPROVED>ANSWERED");
        mvc.perform(get("/posts/" + id).cookie(specialist))
                .andExpect(content().string(containsString("Окончательный ответ размещён")))
                .andExpect(content().string(containsString("https://vk.com/wall-7_1?reply=5")))
                .andExpect(content().string(containsString("ЦУР согласовал проект ответа")));
        // п.16: the earlier post's page shows the answer its repeat got
        mvc.perform(get("/posts/" + earlier.getId()).cookie(specialist))
                .andExpect(content().string(containsString("выплата придёт до 25 числа")));

        assertThat(events.stream(DraftSubmitted.class).filter(e -> e.postId() == id))
                .singleElement()
                .satisfies(e -> assertThat(e.afterCurReturn()).isFalse());
        assertThat(events.stream(DraftApproved.class).filter(e -> e.postId() == id))
                .hasSize(1);
        assertThat(events.stream(SentToCur.class).filter(e -> e.postId() == id)).hasSize(1);
        assertThat(events.stream(CurApproved.class).filter(e -> e.postId() == id))
                .hasSize(1);
        assertThat(events.stream(AnswerPosted.class).filter(e -> e.postId() == id))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.intermediate()).isFalse();
                    assertThat(e.url()).isEqualTo("https://vk.com/wall-7_1?reply=5");
                });
    }

    @Test
    void theApprovalCardAsksForTheП17CheckOnceShowsTheClockAndRecordsTheCheck() throws Exception {
        long id = fx.inApproval().getId();
        String page = mvc.perform(get("/approvals").cookie(Sessions.login(mvc, "head")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String card = page.substring(page.indexOf("action=\"/posts/" + id + "/draft/approve\""));
        card = card.substring(0, card.indexOf("</form>"));
        assertThat(card.split("type=\"checkbox\"", -1))
                .as("one checkbox for the whole п.17 check")
                .hasSize(2);
        int cards = page.split("approval-card\"", -1).length - 1;
        int requirements = page.split("Требования к ответу \\(п\\.17\\)", -1).length - 1;
        assertThat(requirements).as("the requirements printed once per card").isEqualTo(cards);
        assertThat(page).contains("id=\"clock-post-" + id + "\"");

        form(
                        "head",
                        "/posts/" + id + "/draft/approve",
                        "version",
                        version(id),
                        "from",
                        "approvals",
                        "checklist",
                        "true")
                .andExpect(redirectedUrl("/approvals"));
        mvc.perform(get("/posts/" + id).cookie(Sessions.login(mvc, "specialist")))
                .andExpect(content().string(containsString("Ответ проверен по п.17")));
    }

    @Test
    void anApprovalWithoutTheП17TickIsRefusedOnTheServerAndChangesNothing() throws Exception {
        Post post = fx.inApproval();
        long id = post.getId();
        long entries = jdbc.sql("select count(*) from post_event where post_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        form("head", "/posts/" + id + "/draft/approve", "version", version(id), "from", "approvals")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Отметьте, что ответ проверен по требованиям п.17")));
        form("head", "/posts/" + id + "/draft/approve", "version", version(id), "checklist", "false")
                .andExpect(status().isBadRequest());
        Post after = fx.reload(id);
        assertThat(after.getVersion()).isEqualTo(post.getVersion());
        assertThat(after.openDraft().getCurrentApproverId()).isEqualTo(fx.id("head"));
        assertThat(jdbc.sql("select count(*) from post_event where post_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(entries);

        form("head", "/posts/" + id + "/draft/approve", "version", version(id), "checklist", "true")
                .andExpect(redirectedUrl("/posts/" + id));
        assertThat(jdbc.sql("select comment from post_event where post_id = ? and action = 'DRAFT_APPROVED_BY_HEAD'")
                        .param(id)
                        .query(String.class)
                        .single())
                .contains("Ответ проверен по п.17");
    }

    @Test
    void anApproversSmallCorrectionIsSavedAsANewVersionWithItsDifference() throws Exception {
        long id = fx.inApproval().getId();
        form(
                        "head",
                        "/posts/" + id + "/draft/approve",
                        "version",
                        version(id),
                        "from",
                        "approvals",
                        "checklist",
                        "true",
                        "text",
                        AnswerFixtures.DRAFT.replace("1 декабря", "2 декабря"))
                .andExpect(redirectedUrl("/approvals"));
        Post approved = fx.reload(id);
        assertThat(approved.openDraft().getVersions()).hasSize(2);
        assertThat(approved.openDraft().getVersions().get(1).getAuthorId()).isEqualTo(fx.id("head"));
        assertThat(approved.openDraft().getCurrentApproverId()).isNotEqualTo(fx.id("head"));
        mvc.perform(get("/posts/" + id).cookie(Sessions.login(mvc, "specialist")))
                .andExpect(content().string(containsString("<del>1</del><ins>2</ins>")))
                .andExpect(content().string(containsString("Согласующий внёс правку: версия 2")));
        // the text unchanged: no new version
        form(
                        "deputy",
                        "/posts/" + id + "/draft/approve",
                        "version",
                        version(id),
                        "checklist",
                        "true",
                        "from",
                        "approvals",
                        "text",
                        approved.openDraft().text())
                .andExpect(redirectedUrl("/approvals"));
        assertThat(fx.reload(id).openDraft().getVersions()).hasSize(2);
    }

    @Test
    void anApproverReturnsOnceWithACommentAndTheReworkedVersionShowsWhatChanged() throws Exception {
        long id = fx.inApproval().getId();
        form("head", "/posts/" + id + "/draft/return", "version", version(id), "comment", " ")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Укажите, что нужно доработать")));
        assertThat(fx.reload(id).getState()).isEqualTo(PostState.IN_APPROVAL);

        form("head", "/posts/" + id + "/draft/return", "version", version(id), "comment", "Уточните дату назначения")
                .andExpect(redirectedUrl("/posts/" + id));
        assertThat(fx.reload(id).getState()).isEqualTo(PostState.REWORK);
        Cookie executor = Sessions.login(mvc, "executor");
        mvc.perform(get("/posts/" + id).cookie(executor))
                .andExpect(content().string(containsString("Уточните дату назначения")))
                .andExpect(content().string(containsString("На доработке")));

        form(
                        executor,
                        "/posts/" + id + "/draft",
                        "version",
                        version(id),
                        "intermediate",
                        "false",
                        "text",
                        AnswerFixtures.DRAFT.replace("1 декабря", "5 декабря"),
                        "action",
                        "submit")
                .andExpect(redirectedUrl("/posts/" + id));
        Post resubmitted = fx.reload(id);
        assertThat(resubmitted.getState()).isEqualTo(PostState.IN_APPROVAL);
        assertThat(resubmitted.openDraft().getCurrentApproverId()).isEqualTo(fx.id("head"));
        assertThat(resubmitted.openDraft().getVersions()).hasSize(2);

        mvc.perform(get("/approvals").cookie(Sessions.login(mvc, "head")))
                .andExpect(content().string(containsString("<del>1</del><ins>5</ins>")))
                .andExpect(content().string(containsString("после возврата")));
        assertThat(events.stream(DraftReturned.class).filter(e -> e.postId() == id))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.byCur()).isFalse();
                    assertThat(e.comment()).isEqualTo("Уточните дату назначения");
                });
    }

    @Test
    void curReturnsTwiceAndEachReworkGoesThroughTheSameApproversAgain() throws Exception {
        long id = fx.atCur().getId();
        Cookie specialist = Sessions.login(mvc, "specialist");
        form(specialist, "/posts/" + id + "/cur-decision", "version", version(id), "decision", "RETURNED")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("укажите комментарий ЦУР")));
        form(
                        specialist,
                        "/posts/" + id + "/cur-decision",
                        "version",
                        version(id),
                        "decision",
                        "RETURNED",
                        "comment",
                        "Сократите ответ")
                .andExpect(redirectedUrl("/posts/" + id));
        assertThat(fx.reload(id).getState()).isEqualTo(PostState.REWORK);

        Cookie executor = Sessions.login(mvc, "executor");
        form(
                        executor,
                        "/posts/" + id + "/draft",
                        "version",
                        version(id),
                        "intermediate",
                        "false",
                        "text",
                        "Пособие назначено.",
                        "action",
                        "submit")
                .andExpect(redirectedUrl("/posts/" + id));
        assertThat(fx.reload(id).openDraft().getCurrentApproverId()).isEqualTo(fx.id("head"));
        approveByHeadAndDeputy(id);
        form(specialist, "/posts/" + id + "/send-to-cur", "version", version(id))
                .andExpect(redirectedUrl("/posts/" + id));
        curApi(id, "{\"decision\": \"RETURNED\", \"comment\": \"Добавьте приветствие\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REWORK"));

        form(
                        executor,
                        "/posts/" + id + "/draft",
                        "version",
                        version(id),
                        "intermediate",
                        "false",
                        "text",
                        "Здравствуйте! Пособие назначено.",
                        "action",
                        "submit")
                .andExpect(redirectedUrl("/posts/" + id));
        approveByHeadAndDeputy(id);
        form(specialist, "/posts/" + id + "/send-to-cur", "version", version(id));
        form(specialist, "/posts/" + id + "/cur-decision", "version", version(id), "decision", "APPROVED")
                .andExpect(redirectedUrl("/posts/" + id));
        assertThat(fx.reload(id).getState()).isEqualTo(PostState.CUR_APPROVED);

        assertThat(fx.actions(id).stream().filter("CUR_RETURNED"::equals)).hasSize(2);
        assertThat(fx.actions(id).stream().filter("DRAFT_APPROVED_BY_HEAD"::equals))
                .hasSize(3);
        assertThat(events.stream(DraftSubmitted.class)
                        .filter(e -> e.postId() == id)
                        .map(DraftSubmitted::afterCurReturn))
                .containsExactly(false, true, true);
        assertThat(events.stream(DraftReturned.class)
                        .filter(e -> e.postId() == id)
                        .map(DraftReturned::comment))
                .containsExactly("Сократите ответ", "Добавьте приветствие");
        mvc.perform(get("/posts/" + id).cookie(executor))
                .andExpect(content().string(containsString("Добавьте приветствие")))
                .andExpect(content().string(containsString("ЦУР вернул проект ответа на доработку")));
    }

    @Test
    void anIntermediateAnswerIsFollowedByTheFinalOneAndOnlyThatClosesThePost() throws Exception {
        Post post = fx.inWork();
        long id = post.getId();
        Cookie executor = Sessions.login(mvc, "executor");
        form(
                        executor,
                        "/posts/" + id + "/draft",
                        "version",
                        version(id),
                        "intermediate",
                        "true",
                        "text",
                        "Запрос направлен в управление соцзащиты, ответим до 10 декабря.",
                        "action",
                        "submit")
                .andExpect(redirectedUrl("/posts/" + id));
        approveByHeadAndDeputy(id);
        Cookie specialist = Sessions.login(mvc, "specialist");
        form(specialist, "/posts/" + id + "/send-to-cur", "version", version(id));
        curApi(id, "{\"decision\":\"APPROVED\"}").andExpect(status().isOk());
        form(
                        specialist,
                        "/posts/" + id + "/answer",
                        "version",
                        version(id),
                        "url",
                        "https://vk.com/wall-7_2?reply=1",
                        "text",
                        "Запрос направлен, ответим до 10 декабря.")
                .andExpect(redirectedUrl("/posts/" + id));
        assertThat(fx.reload(id).getState()).isEqualTo(PostState.AWAITING_FINAL);
        assertThat(fx.reload(id).getClosedAt()).isNull();

        mvc.perform(get("/posts/" + id).cookie(executor))
                .andExpect(content().string(containsString("Промежуточный ответ размещён")))
                .andExpect(content().string(containsString("Проект ответа")))
                .andExpect(content().string(not(containsString("id=\"kind-intermediate\""))));
        form(
                        executor,
                        "/posts/" + id + "/draft",
                        "version",
                        version(id),
                        "intermediate",
                        "true",
                        "text",
                        "Ещё промежуточный",
                        "action",
                        "save")
                .andExpect(status().isConflict());
        form(
                        executor,
                        "/posts/" + id + "/draft",
                        "version",
                        version(id),
                        "intermediate",
                        "false",
                        "text",
                        "Пособие назначено 9 декабря.",
                        "action",
                        "submit")
                .andExpect(redirectedUrl("/posts/" + id));
        approveByHeadAndDeputy(id);
        form(specialist, "/posts/" + id + "/send-to-cur", "version", version(id));
        curApi(id, "{\"decision\":\"APPROVED\"}").andExpect(status().isOk());
        form(specialist, "/posts/" + id + "/answer", "version", version(id), "url", "https://vk.com/wall-7_2?reply=2")
                .andExpect(redirectedUrl("/posts/" + id));

        Post answered = fx.reload(id);
        assertThat(answered.getState()).isEqualTo(PostState.ANSWERED);
        assertThat(answered.getDrafts())
                .extracting(Draft::isIntermediate, Draft::getPostedText)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(true, "Запрос направлен, ответим до 10 декабря."),
                        org.assertj.core.groups.Tuple.tuple(false, "Пособие назначено 9 декабря."));
        assertThat(events.stream(AnswerPosted.class)
                        .filter(e -> e.postId() == id)
                        .map(AnswerPosted::intermediate))
                .containsExactly(true, false);
        assertThat(fx.timeline(id))
                .containsSubsequence(
                        "ANSWER_POSTED:CUR_APPROVED>AWAITING_FINAL",
                        "DRAFT_SUBMITTED:AWAITING_FINAL>IN_APPROVAL",
                        "ANSWER_POSTED:CUR_APPROVED>ANSWERED");
    }

    @Test
    void aJointAnswerIsComposedFromTwoDepartmentsContributionsAndApprovedByBothDepartmentsHeads() throws Exception {
        Post post = fx.jointInWork();
        long id = post.getId();
        long familiesAssignment = post.getAssignments().get(0).getId();
        long employmentAssignment = post.getAssignments().get(1).getId();
        Cookie executor = Sessions.login(mvc, "executor");
        mvc.perform(get("/posts/" + id).cookie(executor))
                .andExpect(content().string(containsString("Информация для общего ответа")))
                .andExpect(content().string(not(containsString("id=\"draft-text\""))));
        form(executor, "/posts/" + id + "/draft", "version", version(id), "text", "Сам отвечу", "action", "save")
                .andExpect(status().isConflict());
        form(
                        executor,
                        "/posts/" + id + "/assignments/" + employmentAssignment + "/contribution",
                        "version",
                        version(id),
                        "text",
                        "Не моё")
                .andExpect(status().isConflict());
        form(
                        executor,
                        "/posts/" + id + "/assignments/" + familiesAssignment + "/contribution",
                        "version",
                        version(id),
                        "text",
                        "Пособие назначено 1 декабря.")
                .andExpect(redirectedUrl("/posts/" + id));
        form(
                        "executor2",
                        "/posts/" + id + "/assignments/" + employmentAssignment + "/contribution",
                        "version",
                        version(id),
                        "text",
                        "В центре занятости есть вакансии.")
                .andExpect(redirectedUrl("/posts/" + id));

        Cookie specialist = Sessions.login(mvc, "specialist");
        mvc.perform(get("/posts/" + id).cookie(specialist))
                .andExpect(content()
                        .string(allOf(
                                containsString("Пособие назначено 1 декабря."),
                                containsString("В центре занятости есть вакансии."),
                                containsString("Проект общего ответа (п.15)"))));
        form(
                        specialist,
                        "/posts/" + id + "/draft",
                        "version",
                        version(id),
                        "intermediate",
                        "false",
                        "text",
                        "Пособие назначено 1 декабря. В центре занятости есть вакансии.",
                        "action",
                        "submit")
                .andExpect(redirectedUrl("/posts/" + id));
        Draft draft = fx.reload(id).openDraft();
        assertThat(draft.isJoint()).isTrue();
        // each contributing department's head approves their part (п.15), then the deputy minister
        assertThat(draft.waitingFor()).containsExactlyInAnyOrder(fx.id("head"), fx.id("head2"));

        form(
                        "head2",
                        "/posts/" + id + "/draft/approve",
                        "version",
                        version(id),
                        "checklist",
                        "true",
                        "from",
                        "approvals")
                .andExpect(redirectedUrl("/approvals"));
        approveByHeadAndDeputy(id);
        form(specialist, "/posts/" + id + "/send-to-cur", "version", version(id));
        curApi(id, "{\"decision\":\"APPROVED\"}").andExpect(status().isOk());
        form(specialist, "/posts/" + id + "/answer", "version", version(id), "url", "https://vk.com/wall-7_3?reply=1")
                .andExpect(redirectedUrl("/posts/" + id));
        assertThat(fx.reload(id).getState()).isEqualTo(PostState.ANSWERED);
        assertThat(events.stream(ContributionSubmitted.class)
                        .filter(e -> e.postId() == id)
                        .map(ContributionSubmitted::departmentId))
                .containsExactly(fx.families().getId(), fx.employment().getId());
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void anApproverNotOnTheRouteCannotSeeOrActAndWrongRolesOrStatesChangeNothing() throws Exception {
        long id = fx.inApproval().getId();
        String version = version(id);
        mvc.perform(get("/posts/" + id).cookie(Sessions.login(mvc, "head2"))).andExpect(status().isNotFound());
        form("head2", "/posts/" + id + "/draft/approve", "version", version, "checklist", "true")
                .andExpect(status().isNotFound());
        form("deputy2", "/posts/" + id + "/draft/approve", "version", version, "checklist", "true")
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("ждёт согласования другого лица")));
        form("deputy", "/posts/" + id + "/draft/return", "version", version, "comment", "Не согласен")
                .andExpect(status().isForbidden());
        form("specialist", "/posts/" + id + "/draft/approve", "version", version, "checklist", "true")
                .andExpect(status().isForbidden());
        form("executor", "/posts/" + id + "/send-to-cur", "version", version).andExpect(status().isConflict());
        form("specialist", "/posts/" + id + "/send-to-cur", "version", version).andExpect(status().isConflict());
        form("specialist", "/posts/" + id + "/answer", "version", version, "url", "https://vk.com/x")
                .andExpect(status().isConflict());
        form("executor2", "/posts/" + id + "/draft", "version", version, "text", "Чужой ответ")
                .andExpect(status().isNotFound());
        mvc.perform(get("/approvals").cookie(Sessions.login(mvc, "head2")))
                .andExpect(content().string(not(containsString(fx.reload(id).getExternalId()))));
        mvc.perform(get("/approvals").cookie(Sessions.login(mvc, "executor"))).andExpect(status().isForbidden());
        assertThat(String.valueOf(fx.reload(id).getVersion())).isEqualTo(version);
        assertThat(fx.reload(id).getState()).isEqualTo(PostState.IN_APPROVAL);

        long ready = fx.readyForCur().getId();
        form("head", "/posts/" + ready + "/draft/approve", "version", version(ready), "checklist", "true")
                .andExpect(status().isConflict());
        form("specialist", "/posts/" + ready + "/cur-decision", "version", version(ready), "decision", "APPROVED")
                .andExpect(status().isConflict());
        assertThat(fx.reload(ready).getState()).isEqualTo(PostState.READY_FOR_CUR);
    }

    @Test
    void approvingAStaleVersionIsRefusedWithTheConflictMessageAndChangesNothing() throws Exception {
        Post post = fx.inApproval();
        long id = post.getId();
        String stale = String.valueOf(post.getVersion() - 1);
        form("head", "/posts/" + id + "/draft/approve", "version", stale, "checklist", "true")
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("уже изменил другой пользователь")));
        Post after = fx.reload(id);
        assertThat(after.getVersion()).isEqualTo(post.getVersion());
        assertThat(after.openDraft().getCurrentApproverId()).isEqualTo(fx.id("head"));

        // a draft edited by someone else meanwhile keeps the typed text on the page
        form("executor", "/posts/" + fx.inWork().getId() + "/draft", "version", "0", "text", "Мой несохранённый текст")
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Мой несохранённый текст")));
    }

    @Test
    void badDraftsAndBadLinksAreRefusedWithTheirMessages() throws Exception {
        long id = fx.inWork().getId();
        form("executor", "/posts/" + id + "/draft", "version", version(id), "text", "  ")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Введите текст ответа")));
        form("executor", "/posts/" + id + "/draft", "version", version(id), "text", "я".repeat(20001))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("не длиннее 20 000")));
        form(
                        "executor",
                        "/posts/" + id + "/draft",
                        "version",
                        version(id),
                        "text",
                        "Текст",
                        "action",
                        "submit",
                        "secondApprover",
                        String.valueOf(fx.id("head2")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Выберите второе согласующее лицо")));
        form(
                        "executor",
                        "/posts/" + id + "/draft",
                        "version",
                        version(id),
                        "text",
                        "Текст",
                        "action",
                        "submit",
                        "secondApprover",
                        "abc")
                .andExpect(status().isBadRequest());
        assertThat(fx.reload(id).getState()).isEqualTo(PostState.IN_WORK);
        assertThat(fx.reload(id).openDraft()).isNull();

        long cur = fx.atCur().getId();
        management.recordCurDecision(cur, fx.reload(cur).getVersion(), true, null, fx.actor("specialist"));
        form("specialist", "/posts/" + cur + "/answer", "version", version(cur), "url", "javascript:alert(1)")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("начинающуюся с http:// или https://")));
        assertThat(fx.reload(cur).getState()).isEqualTo(PostState.CUR_APPROVED);
    }

    @Test
    void theSubstituteOfAnAbsentHeadSeesAndApprovesTheDraft() throws Exception {
        long id = fx.inApproval().getId();
        LocalDate today = LocalDate.ofInstant(clock.instant(), MinistryTime.ZONE);
        Long absence = jdbc.sql("insert into absence (user_id, starts_on, ends_on, kind, substitute_id)"
                        + " values (?, ?, ?, 'VACATION', ?) returning id")
                .params(fx.id("head"), today, today, fx.id("head2"))
                .query(Long.class)
                .single();
        try {
            Cookie head2 = Sessions.login(mvc, "head2");
            mvc.perform(get("/approvals").cookie(head2))
                    .andExpect(content().string(containsString(fx.reload(id).getExternalId())))
                    .andExpect(content().string(containsString("Вы замещаете: Морозов Сергей Иванович")));
            form(
                            head2,
                            "/posts/" + id + "/draft/approve",
                            "version",
                            version(id),
                            "checklist",
                            "true",
                            "from",
                            "approvals")
                    .andExpect(redirectedUrl("/approvals"));
            assertThat(fx.reload(id).openDraft().getCurrentApproverId()).isEqualTo(fx.id("deputy"));
            assertThat(jdbc.sql(
                                    "select actor_id from post_event where post_id = ? and action = 'DRAFT_APPROVED_BY_HEAD'")
                            .param(id)
                            .query(Long.class)
                            .single())
                    .isEqualTo(fx.id("head2"));
        } finally {
            jdbc.sql("delete from absence where id = ?").param(absence).update();
        }
    }

    @Test
    void theHeadKeepsAnswerTemplatesAndTheExecutorStartsADraftFromOne() throws Exception {
        Cookie head = Sessions.login(mvc, "head");
        String title = "Шаблон " + AnswerFixtures.unique();
        form(
                        head,
                        "/posts/templates",
                        "departmentId",
                        String.valueOf(fx.families().getId()),
                        "title",
                        title,
                        "text",
                        "Здравствуйте!\nПо вопросу пособия сообщаем:")
                .andExpect(redirectedUrl("/posts/templates"));
        mvc.perform(get("/posts/templates").cookie(head)).andExpect(content().string(containsString(title)));
        form(
                        head,
                        "/posts/templates",
                        "departmentId",
                        String.valueOf(fx.employment().getId()),
                        "title",
                        "Чужой",
                        "text",
                        "Текст")
                .andExpect(status().isForbidden());
        mvc.perform(get("/posts/templates").cookie(Sessions.login(mvc, "executor")))
                .andExpect(status().isForbidden());

        Long templateId = jdbc.sql("select id from answer_template where title = ?")
                .param(title)
                .query(Long.class)
                .single();
        long id = fx.inWork().getId();
        Cookie executor = Sessions.login(mvc, "executor");
        mvc.perform(get("/posts/" + id).cookie(executor)).andExpect(content().string(containsString(title)));
        mvc.perform(get("/posts/" + id)
                        .param("template", String.valueOf(templateId))
                        .cookie(executor))
                .andExpect(content().string(containsString(">Здравствуйте!\nПо вопросу пособия сообщаем:</textarea>")));
    }

    @Test
    void theDemoHasADraftWaitingForTheHeadAndAnAnsweredPost() throws Exception {
        Post answered =
                fx.reload(posts.findByExternalId("IM-DEMO-0008").orElseThrow().getId());
        assertThat(answered.getState()).isEqualTo(PostState.ANSWERED);
        assertThat(answered.lastPostedAnswer().getPostedUrl()).startsWith("https://ok.ru/");
        mvc.perform(get("/approvals").cookie(Sessions.login(mvc, "head")))
                .andExpect(content().string(containsString("IM-DEMO-0007")));
    }
}
