package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

/**
 * Every hand-off tells the person who must act now, once, with a link to the post (issue 17 point 1): the executor of
 * a new assignment, the approver whose turn it is, the executor of a returned draft with the reason on top, the org
 * specialist once the draft is approved, ЦУР has approved it or a contribution came in; the substitute of an absent
 * person instead of them.
 */
@IntegrationTest
class HandOffNotificationsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

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

    @Test
    void eachHandOffOnTheWayToAnApprovedAnswerReachesThePersonWhoMustActOnce() {
        Post post = fx.atCur();
        fx.tx.executeWithoutResult(s -> fx.management.recordCurDecision(
                post.getId(), fx.reload(post.getId()).getVersion(), true, null, fx.actor("specialist")));

        assertThat(handOffs(post.getId()))
                .containsExactly(
                        "ASSIGNMENT executor",
                        "APPROVAL head",
                        "APPROVAL deputy",
                        "APPROVED specialist",
                        "CUR_APPROVED specialist");
    }

    @Test
    void aDraftReturnedForReworkTellsTheExecutorWithTheReasonOnTopAndLinksToTheDraft() throws Exception {
        Post post = fx.inApproval();
        String reason = "Уточните сумму пособия " + AnswerFixtures.unique();
        fx.tx.executeWithoutResult(s -> fx.management.returnDraft(
                post.getId(), fx.reload(post.getId()).getVersion(), reason, fx.actor("head")));

        assertThat(handOffs(post.getId())).containsExactly("ASSIGNMENT executor", "APPROVAL head", "REWORK executor");
        String page = mvc.perform(get("/notifications").cookie(Sessions.login(mvc, "executor")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String line = page.substring(page.indexOf(reason) - 1000, page.indexOf(reason) + 1000);
        assertThat(line).contains("/posts/" + post.getId() + "#draft-text");
        assertThat(line.indexOf(reason))
                .as("the reason is on top of the line")
                .isLessThan(line.indexOf("возвращён вам на доработку"));
    }

    @Test
    void curReturningTheDraftTellsTheExecutorWithCursReason() {
        Post post = fx.atCur();
        fx.tx.executeWithoutResult(s -> fx.management.recordCurDecision(
                post.getId(),
                fx.reload(post.getId()).getVersion(),
                false,
                "Нет ссылки на закон",
                fx.actor("specialist")));

        assertThat(handOffs(post.getId())).endsWith("CUR_RETURNED executor");
        assertThat(detailOf(post.getId(), "CUR_RETURNED")).isEqualTo("Нет ссылки на закон");
    }

    @Test
    void anAbsentApproversTurnGoesToTheirSubstitute() {
        absent("head", "head2");

        Post post = fx.inApproval();

        assertThat(handOffs(post.getId())).containsExactly("ASSIGNMENT executor", "APPROVAL head2");
    }

    @Test
    void aContributionToAJointAnswerTellsTheOrgSpecialist() {
        Post post = fx.jointInWork();
        long second = post.getAssignments().get(1).getId();
        fx.tx.executeWithoutResult(s -> fx.management.contribute(
                post.getId(), second, fx.reload(post.getId()).getVersion(), "Вакансии есть", fx.actor("executor2")));

        assertThat(handOffs(post.getId()))
                .containsExactly("ASSIGNMENT executor", "ASSIGNMENT executor2", "CONTRIBUTION specialist");
    }

    @Test
    void aPostReturnedAsOutOfCompetenceTellsTheOrgSpecialistWithTheReasonAndTheNewExecutorGetsIt() {
        Post post = fx.tx.execute(s -> {
            Post registered = fx.registered("Где найти работу? " + AnswerFixtures.unique(), java.util.Set.of());
            return fx.management.route(
                    registered.getId(),
                    registered.getVersion(),
                    List.of(new Routing(fx.families().getId(), fx.id("executor"))),
                    Importance.NORMAL,
                    fx.actor("specialist"));
        });
        long assignment = fx.reload(post.getId()).getAssignments().get(0).getId();
        fx.tx.executeWithoutResult(s -> fx.management.returnAssignment(
                post.getId(),
                assignment,
                fx.reload(post.getId()).getVersion(),
                "Это вопрос занятости",
                fx.actor("executor")));
        fx.tx.executeWithoutResult(s -> fx.management.route(
                post.getId(),
                fx.reload(post.getId()).getVersion(),
                List.of(new Routing(fx.employment().getId(), fx.id("executor2"))),
                Importance.NORMAL,
                fx.actor("specialist")));

        assertThat(handOffs(post.getId()))
                .containsExactly("ASSIGNMENT executor", "RETURNED specialist", "ASSIGNMENT executor2");
        assertThat(detailOf(post.getId(), "RETURNED")).isEqualTo("Это вопрос занятости");
    }

    @Test
    void aHandOffThatRollsBackLeavesNoNotification() {
        Post post = fx.inWork();
        try {
            fx.tx.executeWithoutResult(s -> {
                fx.management.submitDraft(
                        post.getId(),
                        fx.reload(post.getId()).getVersion(),
                        false,
                        AnswerFixtures.DRAFT,
                        null,
                        fx.actor("executor"));
                s.setRollbackOnly();
            });
        } catch (RuntimeException ignored) {
            // rolled back on purpose
        }

        assertThat(handOffs(post.getId())).containsExactly("ASSIGNMENT executor");
    }

    /** The post's hand-off notifications as {@code KIND login}, in order. */
    private List<String> handOffs(long postId) {
        return jdbc.sql("""
                        select n.kind || ' ' || u.login from notification n join app_user u on u.id = n.recipient_id
                        where n.post_id = ? and n.kind not in ('WARNING', 'BREACH', 'ESCALATION', 'HIGH_POST')
                        order by n.id""").param(postId).query(String.class).list();
    }

    private String detailOf(long postId, String kind) {
        return jdbc.sql("select detail from notification where post_id = ? and kind = ?")
                .params(postId, kind)
                .query(String.class)
                .single();
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
