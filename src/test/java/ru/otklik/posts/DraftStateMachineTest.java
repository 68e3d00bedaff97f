package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.otklik.posts.PostStateMachineTest.CURATOR;
import static ru.otklik.posts.PostStateMachineTest.EMPLOYMENT;
import static ru.otklik.posts.PostStateMachineTest.EXECUTOR;
import static ru.otklik.posts.PostStateMachineTest.FAMILIES;
import static ru.otklik.posts.PostStateMachineTest.LATER;
import static ru.otklik.posts.PostStateMachineTest.MINISTER;
import static ru.otklik.posts.PostStateMachineTest.OTHER_DEPUTY;
import static ru.otklik.posts.PostStateMachineTest.OTHER_EXECUTOR;
import static ru.otklik.posts.PostStateMachineTest.SPECIALIST;
import static ru.otklik.posts.PostStateMachineTest.T0;
import static ru.otklik.posts.PostStateMachineTest.assertGuarded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.otklik.people.Role;
import ru.otklik.posts.internal.Assignment;
import ru.otklik.posts.internal.Draft;
import ru.otklik.posts.internal.Post;
import ru.otklik.posts.internal.TimelineAction;
import ru.otklik.posts.internal.TimelineEntry;

/**
 * Every transition of part 2 (draft, approval, ЦУР, posting) in every state, by every kind of person: the allowed
 * ones move the post as п.9–13 say, the forbidden ones throw and leave it exactly as it was.
 */
class DraftStateMachineTest {

    static final Actor HEAD = new Actor(40, Set.of(Role.DEPT_HEAD), Set.of(), Set.of(FAMILIES));
    static final Actor OTHER_HEAD = new Actor(41, Set.of(Role.DEPT_HEAD), Set.of(), Set.of(EMPLOYMENT));
    /** Stands in for the absent head of FAMILIES today. */
    static final Actor SUBSTITUTE = new Actor(50, Set.of(Role.DEPT_HEAD), Set.of(), Set.of(), Set.of(HEAD.id()));

    static final Actor ADMIN = new Actor(99, Set.of(Role.ADMIN));

    static final Map<String, Actor> ACTORS = Map.of(
            "specialist",
            SPECIALIST,
            "executor",
            EXECUTOR,
            "otherExecutor",
            OTHER_EXECUTOR,
            "head",
            HEAD,
            "otherHead",
            OTHER_HEAD,
            "substitute",
            SUBSTITUTE,
            "curator",
            CURATOR,
            "otherDeputy",
            OTHER_DEPUTY,
            "minister",
            MINISTER,
            "admin",
            ADMIN);

    enum Transition {
        SAVE,
        SUBMIT,
        APPROVE,
        RETURN_DRAFT,
        SEND_TO_CUR,
        CUR_APPROVE,
        CUR_RETURN,
        POST
    }

    static final List<PostState> STATES = List.of(
            PostState.ASSIGNED,
            PostState.IN_WORK,
            PostState.IN_APPROVAL,
            PostState.REWORK,
            PostState.READY_FOR_CUR,
            PostState.AT_CUR,
            PostState.CUR_APPROVED,
            PostState.AWAITING_FINAL,
            PostState.ANSWERED,
            PostState.RETURNED_TO_CUR);

    /** A post in the given state, assigned to {@link PostStateMachineTest#EXECUTOR} in FAMILIES. */
    static Post postIn(PostState state) {
        return switch (state) {
            case ASSIGNED, RETURNED_TO_CUR -> PostStateMachineTest.postIn(state);
            case IN_WORK -> drafted(false);
            case IN_APPROVAL -> submitted(drafted(false));
            case REWORK -> {
                Post post = submitted(drafted(false));
                post.returnDraft("Уточните сроки", HEAD, T0);
                yield post;
            }
            case READY_FOR_CUR -> approved(drafted(false));
            case AT_CUR -> atCur(drafted(false));
            case CUR_APPROVED -> {
                Post post = atCur(drafted(false));
                post.curApprove(SPECIALIST, T0);
                yield post;
            }
            case AWAITING_FINAL, ANSWERED -> {
                Post post = atCur(drafted(state == PostState.AWAITING_FINAL));
                post.curApprove(SPECIALIST, T0);
                post.postAnswer("https://vk.com/wall-1_1?reply=1", null, SPECIALIST, T0);
                yield post;
            }
            default -> throw new IllegalArgumentException(state.name());
        };
    }

    static Post drafted(boolean intermediate) {
        Post post = PostStateMachineTest.postIn(PostState.IN_WORK);
        post.saveDraft(intermediate, "Здравствуйте!\nПособие назначено.", EXECUTOR, T0);
        return post;
    }

    static Post submitted(Post post) {
        post.submitDraft(HEAD.id(), CURATOR.id(), EXECUTOR, T0);
        return post;
    }

    static Post approved(Post post) {
        submitted(post);
        post.approveDraft(HEAD, T0);
        post.approveDraft(CURATOR, T0);
        return post;
    }

    static Post atCur(Post post) {
        approved(post);
        post.sendToCur(SPECIALIST, T0);
        return post;
    }

    static boolean allowed(PostState state, Transition transition, String actor) {
        return switch (transition) {
            case SAVE ->
                (state == PostState.IN_WORK || state == PostState.REWORK || state == PostState.AWAITING_FINAL)
                        && actor.equals("executor");
            // after an intermediate answer there is no open draft to send until the final one is written
            case SUBMIT -> (state == PostState.IN_WORK || state == PostState.REWORK) && actor.equals("executor");
            case APPROVE, RETURN_DRAFT ->
                state == PostState.IN_APPROVAL && (actor.equals("head") || actor.equals("substitute"));
            case SEND_TO_CUR -> state == PostState.READY_FOR_CUR && actor.equals("specialist");
            case CUR_APPROVE, CUR_RETURN -> state == PostState.AT_CUR && actor.equals("specialist");
            case POST -> state == PostState.CUR_APPROVED && actor.equals("specialist");
        };
    }

    static Stream<Arguments> everyCase() {
        List<Arguments> cases = new ArrayList<>();
        for (PostState state : STATES) {
            for (Transition transition : Transition.values()) {
                for (String actor : ACTORS.keySet().stream().sorted().toList()) {
                    cases.add(Arguments.of(state, transition, actor, allowed(state, transition, actor)));
                }
            }
        }
        return cases.stream();
    }

    static void perform(Post post, Transition transition, Actor actor) {
        switch (transition) {
            case SAVE -> post.saveDraft(false, "Новый текст ответа", actor, LATER);
            case SUBMIT -> post.submitDraft(HEAD.id(), CURATOR.id(), actor, LATER);
            case APPROVE -> post.approveDraft(actor, LATER);
            case RETURN_DRAFT -> post.returnDraft("Не по существу", actor, LATER);
            case SEND_TO_CUR -> post.sendToCur(actor, LATER);
            case CUR_APPROVE -> post.curApprove(actor, LATER);
            case CUR_RETURN -> post.curReturn("Сократите ответ", actor, LATER);
            case POST -> post.postAnswer("https://vk.com/wall-1_1?reply=2", null, actor, LATER);
        }
    }

    static String snapshot(Post post) {
        StringBuilder out = new StringBuilder(PostStateMachineTest.snapshot(post));
        for (Draft d : post.getDrafts()) {
            out.append('|')
                    .append(d.isIntermediate())
                    .append(':')
                    .append(d.getVersions().size())
                    .append(':')
                    .append(d.getApprovalLevel())
                    .append(':')
                    .append(d.getCurrentApproverId())
                    .append(':')
                    .append(d.getSentToCurAt())
                    .append(':')
                    .append(d.getPostedAt())
                    .append(':')
                    .append(d.isReturnedByCur());
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{1} of a {0} post by {2}: allowed={3}")
    @MethodSource("everyCase")
    void eachDraftTransitionIsAllowedOnlyInItsStatesForItsPeople(
            PostState state, Transition transition, String actorName, boolean allowed) {
        Post post = postIn(state);
        Actor actor = ACTORS.get(actorName);
        assertGuarded(post, allowed, () -> perform(post, transition, actor), DraftStateMachineTest::snapshot);
    }

    @Test
    void theDraftGoesToTheHeadThenToTheChosenSecondApproverThenIsReadyForCur() {
        Post post = drafted(false);
        post.submitDraft(HEAD.id(), MINISTER.id(), EXECUTOR, LATER);
        Draft draft = post.openDraft();
        assertThat(post.getState()).isEqualTo(PostState.IN_APPROVAL);
        assertThat(draft.getCurrentApproverId()).isEqualTo(HEAD.id());
        assertThat(post.mayApprove(MINISTER)).isFalse();

        assertThat(post.approveDraft(HEAD, LATER)).isFalse();
        assertThat(post.getState()).isEqualTo(PostState.IN_APPROVAL);
        assertThat(draft.getCurrentApproverId()).isEqualTo(MINISTER.id());
        assertThat(post.mayApprove(HEAD)).isFalse();

        assertThat(post.approveDraft(MINISTER, LATER)).isTrue();
        assertThat(post.getState()).isEqualTo(PostState.READY_FOR_CUR);
        assertThat(post.getTimeline())
                .extracting(TimelineEntry::getAction)
                .endsWith(
                        TimelineAction.DRAFT_SAVED,
                        TimelineAction.DRAFT_SUBMITTED,
                        TimelineAction.DRAFT_APPROVED_BY_HEAD,
                        TimelineAction.DRAFT_APPROVED);
    }

    @Test
    void aReturnNeedsACommentAndAfterReworkTheRouteStartsAgainAtTheHead() {
        Post post = submitted(drafted(false));
        post.approveDraft(HEAD, LATER);
        String before = snapshot(post);
        assertThatThrownBy(() -> post.returnDraft(" ", CURATOR, LATER)).isInstanceOf(ForbiddenTransition.class);
        assertThat(snapshot(post)).isEqualTo(before);

        post.returnDraft("Ответьте на второй вопрос", CURATOR, LATER);
        assertThat(post.getState()).isEqualTo(PostState.REWORK);
        post.saveDraft(false, "Здравствуйте!\nПособие назначено 5 декабря.", EXECUTOR, LATER);
        assertThat(post.openDraft().latest().isAfterReturn()).isTrue();
        assertThat(post.submitDraft(HEAD.id(), CURATOR.id(), EXECUTOR, LATER)).isFalse();
        assertThat(post.openDraft().getCurrentApproverId()).isEqualTo(HEAD.id());
    }

    @Test
    void aResubmissionAfterCurReturnedItIsMarkedSoTheTwentyMinuteClocksRun() {
        Post post = atCur(drafted(false));
        post.curReturn("Уберите ссылку на закон", null, LATER);
        assertThat(post.getState()).isEqualTo(PostState.REWORK);
        assertThat(post.getTimeline().get(post.getTimeline().size() - 1).getActorId())
                .isNull();
        assertThat(post.submitDraft(HEAD.id(), CURATOR.id(), EXECUTOR, LATER)).isTrue();
        post.approveDraft(HEAD, LATER);
        post.approveDraft(CURATOR, LATER);
        post.sendToCur(SPECIALIST, LATER);
        post.curApprove(null, LATER);
        assertThat(post.getState()).isEqualTo(PostState.CUR_APPROVED);
    }

    @Test
    void anIntermediateAnswerLeavesThePostAwaitingTheFinalOneWhichClosesIt() {
        Post post = postIn(PostState.AWAITING_FINAL);
        assertThat(post.isJoint()).isFalse();
        assertThat(post.lastPostedAnswer().getPostedText()).isEqualTo("Здравствуйте!\nПособие назначено.");
        assertThat(post.getClosedAt()).isNull();
        assertThatThrownBy(() -> post.saveDraft(true, "Ещё один промежуточный", EXECUTOR, LATER))
                .isInstanceOf(ForbiddenTransition.class);

        post.saveDraft(false, "Окончательный ответ", EXECUTOR, LATER);
        atCurAgain(post);
        post.curApprove(SPECIALIST, LATER);
        post.postAnswer("https://vk.com/wall-1_1?reply=9", "Окончательный ответ (размещён)", SPECIALIST, LATER);
        assertThat(post.getState()).isEqualTo(PostState.ANSWERED);
        assertThat(post.getClosedAt()).isEqualTo(LATER);
        assertThat(post.getDrafts()).extracting(Draft::isIntermediate).containsExactly(true, false);
        assertThat(post.lastPostedAnswer().getPostedText()).isEqualTo("Окончательный ответ (размещён)");
    }

    private static void atCurAgain(Post post) {
        post.submitDraft(HEAD.id(), CURATOR.id(), EXECUTOR, LATER);
        post.approveDraft(HEAD, LATER);
        post.approveDraft(CURATOR, LATER);
        post.sendToCur(SPECIALIST, LATER);
    }

    @Test
    void aPostedLinkMustBeHttp() {
        Post post = postIn(PostState.CUR_APPROVED);
        String before = snapshot(post);
        assertThatThrownBy(() -> post.postAnswer("javascript:alert(1)", null, SPECIALIST, LATER))
                .isInstanceOf(ForbiddenTransition.class);
        assertThat(snapshot(post)).isEqualTo(before);
    }

    @Test
    void aJointAnswerIsComposedByTheSpecialistFromTheDepartmentsContributions() {
        Post post = PostStateMachineTest.newPost();
        post.route(
                List.of(new Routing(FAMILIES, EXECUTOR.id()), new Routing(EMPLOYMENT, OTHER_EXECUTOR.id())),
                Importance.NORMAL,
                SPECIALIST,
                T0);
        Assignment families = post.getAssignments().get(0);
        Assignment employment = post.getAssignments().get(1);
        post.accept(families, EXECUTOR, T0);
        post.accept(employment, OTHER_EXECUTOR, T0);
        assertThat(post.isJoint()).isTrue();
        assertThat(post.mayDraft(EXECUTOR)).isFalse();
        assertThat(post.mayDraft(SPECIALIST)).isTrue();
        assertThatThrownBy(() -> post.contribute(employment, "Чужая часть", EXECUTOR, LATER))
                .isInstanceOf(ForbiddenTransition.class);

        post.contribute(families, "Пособие назначено.", EXECUTOR, LATER);
        post.contribute(employment, "Вакансии есть в центре занятости.", OTHER_EXECUTOR, LATER);
        assertThat(families.getContribution()).isEqualTo("Пособие назначено.");
        Draft draft = post.saveDraft(false, "Пособие назначено. Вакансии есть.", SPECIALIST, LATER);
        assertThat(draft.isJoint()).isTrue();
        assertThat(draft.getDepartmentId()).isEqualTo(FAMILIES);
        post.submitDraft(HEAD.id(), CURATOR.id(), SPECIALIST, LATER);
        assertThat(post.getState()).isEqualTo(PostState.IN_APPROVAL);
        assertThat(post.mayContribute(families, EXECUTOR)).isFalse();
    }

    @Test
    void theSubstituteOfAnApproverSeesThePostAndOthersDoNot() {
        Post post = postIn(PostState.IN_APPROVAL);
        assertThat(post.maySee(SUBSTITUTE)).isTrue();
        assertThat(post.maySee(OTHER_HEAD)).isFalse();
        assertThat(post.mayApprove(SUBSTITUTE)).isTrue();
        assertThat(post.mayApprove(OTHER_DEPUTY)).isFalse();
    }

    @Test
    void savingTheSameTextAgainAddsNoVersion() {
        Post post = drafted(false);
        int timeline = post.getTimeline().size();
        post.saveDraft(false, "Здравствуйте!\r\nПособие назначено.  ", EXECUTOR, LATER);
        assertThat(post.openDraft().getVersions()).hasSize(1);
        assertThat(post.getTimeline()).hasSize(timeline);
    }
}
