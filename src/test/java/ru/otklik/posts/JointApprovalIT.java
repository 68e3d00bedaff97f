package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.Users;
import ru.otklik.posts.internal.Draft;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;
import ru.otklik.support.ThirdDepartment;
import ru.otklik.web.MenuCounts;

/**
 * Issue 21 point 4: a joint answer (п.15) carries several departments' information, so the head of every contributing
 * department approves their part, in parallel and in any order, before the second-level approver (п.10); any head's
 * return sends it back to the org specialist and every head approves again after the rework (п.12). A draft of one
 * department goes to its head alone, as before.
 */
@IntegrationTest
class JointApprovalIT {

    static final String TEXT = "Пособие назначено 1 декабря. В центре занятости есть вакансии.";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    @Autowired
    MenuCounts menu;

    @Autowired
    PostLookup lookup;

    @Autowired
    PeopleManagement people;

    @Autowired
    Users users;

    @Autowired
    Departments departments;

    @Autowired
    AutowireCapableBeanFactory beans;

    AnswerFixtures fx;
    final List<Long> absences = new ArrayList<>();

    @BeforeEach
    void fixtures() {
        fx = beans.createBean(AnswerFixtures.class);
    }

    @AfterEach
    void presentAgain() {
        absences.forEach(
                a -> jdbc.sql("delete from absence where id = ?").param(a).update());
    }

    /** A joint post to families and employment whose draft the org specialist has just sent to the approvers. */
    long jointSubmitted() {
        Post post = fx.jointInWork();
        fx.tx.executeWithoutResult(s ->
                fx.management.submitDraft(post.getId(), post.getVersion(), false, TEXT, null, fx.actor("specialist")));
        return post.getId();
    }

    void approve(long id, String login) {
        fx.tx.executeWithoutResult(
                s -> fx.management.approveDraft(id, fx.reload(id).getVersion(), fx.actor(login)));
    }

    Draft draft(long id) {
        return fx.reload(id).openDraft();
    }

    String version(long id) {
        return String.valueOf(fx.reload(id).getVersion());
    }

    ResultActions form(String login, String path, String... params) throws Exception {
        MockHttpServletRequestBuilder request =
                post(path).cookie(Sessions.login(mvc, login)).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    @Test
    void bothHeadsSeeTheJointDraftAndMustBothApproveBeforeTheDeputySeesIt() throws Exception {
        long id = jointSubmitted();
        String number = fx.reload(id).getRegistrationNumber();
        Draft submitted = draft(id);
        assertThat(submitted.getApprovalLevel()).isEqualTo(1);
        assertThat(submitted.waitingFor()).containsExactlyInAnyOrder(fx.id("head"), fx.id("head2"));
        assertThat(fx.reload(id).mayApprove(fx.actor("deputy"))).isFalse();

        for (String head : List.of("head", "head2")) {
            mvc.perform(get("/approvals").cookie(Sessions.login(mvc, head)))
                    .andExpect(content().string(containsString(number)));
            mvc.perform(get("/posts/" + id).cookie(Sessions.login(mvc, head)))
                    .andExpect(content()
                            .string(allOf(
                                    containsString("/posts/" + id + "/draft/approve"),
                                    containsString("/posts/" + id + "/draft/return"),
                                    containsString("ожидает согласования"))));
            assertThat(lookup.awaitingApprovalOf(java.util.Set.of(fx.id(head))))
                    .extracting(PostBrief::id)
                    .contains(id);
        }
        mvc.perform(get("/approvals").cookie(Sessions.login(mvc, "deputy")))
                .andExpect(content().string(not(containsString(number))));

        // head2 read the page before head approved: their form still carries the text they read
        String head2Version = version(id);
        String draftVersion = String.valueOf(draft(id).latest().getNumber());
        form(
                        "head",
                        "/posts/" + id + "/draft/approve",
                        "version",
                        version(id),
                        "draftVersion",
                        draftVersion,
                        "checklist",
                        "true",
                        "from",
                        "approvals")
                .andExpect(redirectedUrl("/approvals"));

        assertThat(fx.reload(id).getState()).isEqualTo(PostState.IN_APPROVAL);
        assertThat(draft(id).getApprovalLevel()).isEqualTo(1);
        assertThat(draft(id).waitingFor()).containsExactly(fx.id("head2"));
        assertThat(fx.reload(id).mayApprove(fx.actor("deputy"))).isFalse();
        mvc.perform(get("/approvals").cookie(Sessions.login(mvc, "head")))
                .andExpect(content().string(not(containsString(number))));
        mvc.perform(get("/approvals").cookie(Sessions.login(mvc, "deputy")))
                .andExpect(content().string(not(containsString(number))));
        mvc.perform(get("/posts/" + id).cookie(Sessions.login(mvc, "head")))
                .andExpect(content()
                        .string(allOf(
                                containsString("Морозов Сергей Иванович</strong>:"),
                                containsString("согласовано"),
                                containsString("Волкова Ирина Александровна</strong>:"),
                                containsString("ожидает согласования"),
                                not(containsString("/posts/" + id + "/draft/approve")))));

        form(
                        "head2",
                        "/posts/" + id + "/draft/approve",
                        "version",
                        head2Version,
                        "draftVersion",
                        draftVersion,
                        "checklist",
                        "true",
                        "from",
                        "approvals")
                .andExpect(redirectedUrl("/approvals"));

        Draft withDeputy = draft(id);
        assertThat(withDeputy.getApprovalLevel()).isEqualTo(2);
        assertThat(withDeputy.getCurrentApproverId()).isEqualTo(fx.id("deputy"));
        mvc.perform(get("/approvals").cookie(Sessions.login(mvc, "deputy")))
                .andExpect(content().string(containsString(number)));
        approve(id, "deputy");
        assertThat(fx.reload(id).getState()).isEqualTo(PostState.READY_FOR_CUR);

        assertThat(jdbc.sql("select u.login || ' ' || e.comment from post_event e join app_user u on u.id = e.actor_id"
                                + " where e.post_id = ? and e.action = 'DRAFT_APPROVED_BY_HEAD' order by e.id")
                        .param(id)
                        .query(String.class)
                        .list())
                .hasSize(2)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("head часть: " + fx.families().getName()))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("head2 часть: " + fx.employment().getName()));
        mvc.perform(get("/posts/" + id).cookie(Sessions.login(mvc, "specialist")))
                .andExpect(content()
                        .string(containsString("часть: " + fx.employment().getName())));
    }

    @Test
    void theOrderOfTheHeadsDoesNotMatter() {
        long id = jointSubmitted();
        approve(id, "head2");
        assertThat(draft(id).waitingFor()).containsExactly(fx.id("head"));
        approve(id, "head");
        assertThat(draft(id).getCurrentApproverId()).isEqualTo(fx.id("deputy"));
        assertThat(draft(id).getApprovalLevel()).isEqualTo(2);
    }

    @Test
    void oneHeadsReturnSendsTheDraftBackAndEveryHeadApprovesAgainAfterTheRework() {
        long id = jointSubmitted();
        approve(id, "head");
        fx.tx.executeWithoutResult(
                s -> fx.management.returnDraft(id, fx.reload(id).getVersion(), "Уточните вакансии", fx.actor("head2")));

        Post returned = fx.reload(id);
        assertThat(returned.getState()).isEqualTo(PostState.REWORK);
        assertThat(returned.openDraft().getParts()).isEmpty();
        assertThat(jdbc.sql("select count(*) from draft_part_approval where draft_id = ?")
                        .param(returned.openDraft().getId())
                        .query(Long.class)
                        .single())
                .isZero();

        fx.tx.executeWithoutResult(s -> fx.management.submitDraft(
                id,
                fx.reload(id).getVersion(),
                false,
                TEXT + " Адрес центра: ул. Ленина, 1.",
                null,
                fx.actor("specialist")));
        assertThat(draft(id).waitingFor()).containsExactlyInAnyOrder(fx.id("head"), fx.id("head2"));
        assertThat(draft(id).getParts()).noneMatch(p -> p.isApproved());
    }

    @Test
    void theSubstituteOfAnAbsentHeadApprovesTheirPartAndTheTimelineSaysForWhom() {
        ThirdDepartment.ensure(people, users, departments);
        absent("head2", "head-pensions");
        long id = jointSubmitted();
        assertThat(handOffs(id)).contains("APPROVAL head", "APPROVAL head-pensions");

        approve(id, "head-pensions");
        approve(id, "head");

        assertThat(draft(id).getCurrentApproverId()).isEqualTo(fx.id("deputy"));
        assertThat(jdbc.sql("select on_behalf_of from post_event where post_id = ? and actor_id = ?"
                                + " and action = 'DRAFT_APPROVED_BY_HEAD'")
                        .params(id, fx.id("head-pensions"))
                        .query(Long.class)
                        .single())
                .isEqualTo(fx.id("head2"));
        assertThat(draft(id).getParts())
                .anySatisfy(p -> assertThat(p.getApprovedBy()).isEqualTo(fx.id("head-pensions")));
    }

    @Test
    void aHeadWhoCorrectedTheTextDoesNotApproveAnotherHeadsPartAsTheirSubstitute() {
        long id = jointSubmitted();
        fx.tx.executeWithoutResult(s -> fx.management.approveDraft(
                id, fx.reload(id).getVersion(), TEXT + " Телефон центра: 122.", null, fx.actor("head2")));
        assertThat(draft(id).writtenBy(fx.id("head2"))).isTrue();
        assertThat(draft(id).waitingFor()).containsExactly(fx.id("head"));

        absent("head", "head2");
        Actor substitute = fx.actor("head2");
        assertThat(fx.reload(id).isOwnDraftOnRoute(substitute)).isTrue();
        assertThatThrownBy(() -> fx.management.approveDraft(id, fx.reload(id).getVersion(), substitute))
                .isInstanceOf(OwnDraftApproval.class);
        assertThat(draft(id).waitingFor()).containsExactly(fx.id("head"));
    }

    @Test
    void aHeadCannotCorrectTheTextAnotherHeadHasAlreadyApproved() throws Exception {
        long id = jointSubmitted();
        approve(id, "head");
        mvc.perform(get("/posts/" + id).cookie(Sessions.login(mvc, "head2")))
                .andExpect(content().string(containsString("правку внести нельзя")));
        form(
                        "head2",
                        "/posts/" + id + "/draft/approve",
                        "version",
                        version(id),
                        "checklist",
                        "true",
                        "text",
                        TEXT + " Исправлено.")
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("правку внести нельзя")));
        assertThat(draft(id).text()).isEqualTo(TEXT);
        assertThat(draft(id).waitingFor()).containsExactly(fx.id("head2"));
    }

    @Test
    void twoHeadsApprovingAtTheSameInstantBothCount() throws Exception {
        long id = jointSubmitted();
        long version = fx.reload(id).getVersion();
        int draftVersion = draft(id).latest().getNumber();
        Actor head = fx.actor("head");
        Actor head2 = fx.actor("head2");
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Post>> both = new ArrayList<>();
            for (Actor who : List.of(head, head2)) {
                both.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return fx.management.approveDraft(id, version, draftVersion, null, null, who);
                }));
            }
            for (Future<Post> one : both) {
                one.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Draft after = draft(id);
        assertThat(after.getParts()).allMatch(p -> p.isApproved());
        assertThat(after.getApprovalLevel()).isEqualTo(2);
        assertThat(after.getCurrentApproverId()).isEqualTo(fx.id("deputy"));
        assertThat(fx.actions(id).stream().filter("DRAFT_APPROVED_BY_HEAD"::equals))
                .hasSize(2);
        assertThat(handOffs(id)).containsOnlyOnce("APPROVAL deputy");
    }

    @Test
    void everyHeadIsToldAndCountedAndTheDeputyOnlyAfterTheLastHead() {
        long head = menu.of(fx.actor("head")).approvals();
        long head2 = menu.of(fx.actor("head2")).approvals();
        long id = jointSubmitted();

        assertThat(handOffs(id)).contains("APPROVAL head", "APPROVAL head2").doesNotContain("APPROVAL deputy");
        assertThat(menu.of(fx.actor("head")).approvals()).isEqualTo(head + 1);
        assertThat(menu.of(fx.actor("head2")).approvals()).isEqualTo(head2 + 1);

        approve(id, "head");
        assertThat(menu.of(fx.actor("head")).approvals()).isEqualTo(head);
        assertThat(menu.of(fx.actor("head2")).approvals()).isEqualTo(head2 + 1);
        assertThat(handOffs(id)).doesNotContain("APPROVAL deputy");

        approve(id, "head2");
        assertThat(menu.of(fx.actor("head2")).approvals()).isEqualTo(head2);
        assertThat(handOffs(id)).containsOnlyOnce("APPROVAL deputy");
    }

    @Test
    void aDraftOfOneDepartmentStillGoesToItsHeadAloneThenToTheDeputy() {
        long head2 = menu.of(fx.actor("head2")).approvals();
        long id = fx.inApproval().getId();
        Draft draft = draft(id);
        assertThat(draft.getParts()).isEmpty();
        assertThat(draft.getCurrentApproverId()).isEqualTo(fx.id("head"));
        assertThat(menu.of(fx.actor("head2")).approvals()).isEqualTo(head2);
        assertThat(handOffs(id)).containsExactly("ASSIGNMENT executor", "APPROVAL head");

        approve(id, "head");
        assertThat(draft(id).getCurrentApproverId()).isEqualTo(fx.id("deputy"));
        assertThat(handOffs(id)).endsWith("APPROVAL deputy");
    }

    @Test
    void theHelpTellsApproversHowAJointAnswerIsApproved() throws Exception {
        mvc.perform(get("/help").cookie(Sessions.login(mvc, "head2")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("каждый согласует свою часть, не дожидаясь других")));
    }

    private List<String> handOffs(long postId) {
        return jdbc.sql("""
                        select n.kind || ' ' || u.login from notification n join app_user u on u.id = n.recipient_id
                        where n.post_id = ? and n.kind not in ('WARNING', 'BREACH', 'ESCALATION', 'HIGH_POST')
                        order by n.id""").param(postId).query(String.class).list();
    }

    private void absent(String login, String substitute) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), MinistryTime.ZONE);
        absences.add(jdbc.sql("insert into absence (user_id, starts_on, ends_on, kind, substitute_id)"
                        + " values (?, ?, ?, 'VACATION', ?) returning id")
                .params(fx.id(login), today, today.plusDays(1), fx.id(substitute))
                .query(Long.class)
                .single());
    }
}
