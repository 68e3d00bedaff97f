package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.otklik.people.Role;
import ru.otklik.posts.internal.Assignment;
import ru.otklik.posts.internal.Post;
import ru.otklik.posts.internal.RegistrationNumbers;
import ru.otklik.posts.internal.TimelineAction;
import ru.otklik.posts.internal.TimelineEntry;

/**
 * Every transition of part 1 in every state, by every kind of person: the allowed ones change the post as the
 * regulation says, the forbidden ones throw and leave the post exactly as it was.
 */
class PostStateMachineTest {

    static final Instant T0 = Instant.parse("2026-12-01T03:00:00Z");
    static final Instant LATER = T0.plus(Duration.ofMinutes(5));
    static final long FAMILIES = 100;
    static final long EMPLOYMENT = 200;

    static final Actor SPECIALIST = new Actor(1, Set.of(Role.ORG_SPECIALIST));
    static final Actor ORG_HEAD = new Actor(2, Set.of(Role.ORG_HEAD));
    static final Actor EXECUTOR = new Actor(10, Set.of(Role.EXECUTOR));
    static final Actor OTHER_EXECUTOR = new Actor(11, Set.of(Role.EXECUTOR));
    static final Actor CURATOR = new Actor(20, Set.of(Role.DEPUTY_MINISTER), Set.of(FAMILIES), Set.of());
    static final Actor OTHER_DEPUTY = new Actor(21, Set.of(Role.DEPUTY_MINISTER), Set.of(EMPLOYMENT), Set.of());
    static final Actor MINISTER = new Actor(30, Set.of(Role.MINISTER));
    static final Actor ADMIN = new Actor(99, Set.of(Role.ADMIN));

    static final Map<String, Actor> ACTORS = Map.of(
            "specialist",
            SPECIALIST,
            "orghead",
            ORG_HEAD,
            "executor",
            EXECUTOR,
            "otherExecutor",
            OTHER_EXECUTOR,
            "curator",
            CURATOR,
            "otherDeputy",
            OTHER_DEPUTY,
            "minister",
            MINISTER,
            "admin",
            ADMIN);

    enum Transition {
        ROUTE,
        RETURN_TO_CUR,
        REFUSE,
        ACCEPT,
        RETURN,
        REASSIGN
    }

    static Post newPost() {
        return Post.register(
                new NewPost(
                        "IM-1",
                        Source.VK,
                        "https://vk.com/wall-1_1",
                        "Иван",
                        "https://vk.com/id1",
                        "Когда выплатят пособие?",
                        T0.minusSeconds(600),
                        T0,
                        Importance.NORMAL,
                        null),
                false,
                null,
                Set.of(),
                null,
                new RegistrationNumbers.Registration(2026, 1, "СОЦ-2026/0001"),
                T0);
    }

    /** A post in the given state; its one assignment (when it has one) is to {@link #EXECUTOR} in FAMILIES. */
    static Post postIn(PostState state) {
        Post post = newPost();
        switch (state) {
            case NEW -> {}
            case ASSIGNED -> route(post);
            case IN_WORK -> {
                route(post);
                post.accept(post.getAssignments().get(0), EXECUTOR, T0);
            }
            case RETURNED_BY_EXECUTOR -> {
                route(post);
                post.returnAssignment(post.getAssignments().get(0), "Не наш вопрос", EXECUTOR, T0);
            }
            case RETURNED_TO_CUR -> post.returnToCur("Вопрос муниципалитета", SPECIALIST, T0);
            case NOT_PROCESSED -> post.refuse("Угрозы", SPECIALIST, T0);
            default -> throw new IllegalArgumentException(state.name());
        }
        return post;
    }

    static void route(Post post) {
        post.route(List.of(new Routing(FAMILIES, EXECUTOR.id())), Importance.NORMAL, SPECIALIST, T0);
    }

    static boolean allowed(PostState state, Transition transition, String actor) {
        boolean org = actor.equals("specialist") || actor.equals("orghead");
        boolean routable = state == PostState.NEW || state == PostState.RETURNED_BY_EXECUTOR;
        return switch (transition) {
            case ROUTE, RETURN_TO_CUR, REFUSE -> org && routable;
            case ACCEPT, RETURN -> state == PostState.ASSIGNED && actor.equals("executor");
            case REASSIGN ->
                (state == PostState.ASSIGNED || state == PostState.IN_WORK)
                        && (actor.equals("orghead") || actor.equals("curator"));
        };
    }

    static Stream<Arguments> everyCase() {
        List<Arguments> cases = new ArrayList<>();
        for (PostState state : List.of(
                PostState.NEW,
                PostState.ASSIGNED,
                PostState.IN_WORK,
                PostState.RETURNED_BY_EXECUTOR,
                PostState.RETURNED_TO_CUR,
                PostState.NOT_PROCESSED)) {
            for (Transition transition : Transition.values()) {
                for (String actor : ACTORS.keySet().stream().sorted().toList()) {
                    cases.add(Arguments.of(state, transition, actor, allowed(state, transition, actor)));
                }
            }
        }
        return cases.stream();
    }

    static void perform(Post post, Transition transition, Actor actor) {
        Assignment assignment = post.getAssignments().isEmpty()
                ? postIn(PostState.ASSIGNED).getAssignments().get(0)
                : post.getAssignments().get(post.getAssignments().size() - 1);
        switch (transition) {
            case ROUTE ->
                post.route(List.of(new Routing(EMPLOYMENT, OTHER_EXECUTOR.id())), Importance.HIGH, actor, LATER);
            case RETURN_TO_CUR -> post.returnToCur("Не в компетенции министерства", actor, LATER);
            case REFUSE -> post.refuse("Нецензурные выражения", actor, LATER);
            case ACCEPT -> post.accept(assignment, actor, LATER);
            case RETURN -> post.returnAssignment(assignment, "Не в компетенции отдела", actor, LATER);
            case REASSIGN -> post.reassign(assignment, 12, "Исполнитель в отпуске", actor, LATER);
        }
    }

    /** Everything a transition could change. */
    static String snapshot(Post post) {
        StringBuilder out = new StringBuilder();
        out.append(post.getState())
                .append('|')
                .append(post.getImportance())
                .append('|')
                .append(post.getClosingReason())
                .append('|')
                .append(post.getClosedAt())
                .append('|')
                .append(post.getLastActionAt())
                .append('|')
                .append(post.getTimeline().size());
        for (Assignment a : post.getAssignments()) {
            out.append('|')
                    .append(a.getDepartmentId())
                    .append(':')
                    .append(a.getExecutorId())
                    .append(':')
                    .append(a.getState())
                    .append(':')
                    .append(a.getAcceptedAt())
                    .append(':')
                    .append(a.getReturnedAt())
                    .append(':')
                    .append(a.getPartState());
        }
        return out.toString();
    }

    @ParameterizedTest(name = "{1} of a {0} post by {2}: allowed={3}")
    @MethodSource("everyCase")
    void eachTransitionIsAllowedOnlyInItsStatesForItsRoles(
            PostState state, Transition transition, String actorName, boolean allowed) {
        Post post = postIn(state);
        Actor actor = ACTORS.get(actorName);
        assertGuarded(post, allowed, () -> perform(post, transition, actor), PostStateMachineTest::snapshot);
    }

    /**
     * A permitted transition adds to the timeline and moves the post's last action to {@link #LATER}; a forbidden
     * one throws {@link ForbiddenTransition} and leaves the post as it was, as {@code snapshot} describes it.
     */
    static void assertGuarded(Post post, boolean allowed, Runnable transition, Function<Post, String> snapshot) {
        String before = snapshot.apply(post);
        int timeline = post.getTimeline().size();
        if (allowed) {
            transition.run();
            assertThat(post.getTimeline()).hasSizeGreaterThan(timeline);
            assertThat(post.getLastActionAt()).isEqualTo(LATER);
        } else {
            assertThatThrownBy(transition::run).isInstanceOf(ForbiddenTransition.class);
            assertThat(snapshot.apply(post)).isEqualTo(before);
        }
    }

    @Test
    void aRegisteredPostIsNewWithOneTimelineLine() {
        Post post = newPost();
        assertThat(post.getState()).isEqualTo(PostState.NEW);
        assertThat(post.getTimeline()).singleElement().satisfies(e -> {
            assertThat(e.getAction()).isEqualTo(TimelineAction.REGISTERED);
            assertThat(e.getFromState()).isNull();
            assertThat(e.getToState()).isEqualTo(PostState.NEW);
            assertThat(e.getActorId()).isNull();
        });
    }

    @Test
    void routingToTwoDepartmentsMakesOneAssignmentEachAndCanSetHigh() {
        Post post = newPost();
        post.route(
                List.of(new Routing(FAMILIES, EXECUTOR.id()), new Routing(EMPLOYMENT, OTHER_EXECUTOR.id())),
                Importance.HIGH,
                SPECIALIST,
                LATER);
        assertThat(post.getState()).isEqualTo(PostState.ASSIGNED);
        assertThat(post.getImportance()).isEqualTo(Importance.HIGH);
        assertThat(post.getAssignments())
                .extracting(Assignment::getDepartmentId, Assignment::getExecutorId, Assignment::getState)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(FAMILIES, EXECUTOR.id(), AssignmentState.ASSIGNED),
                        org.assertj.core.groups.Tuple.tuple(EMPLOYMENT, OTHER_EXECUTOR.id(), AssignmentState.ASSIGNED));
        assertThat(post.getTimeline())
                .extracting(TimelineEntry::getAction)
                .containsExactly(
                        TimelineAction.REGISTERED,
                        TimelineAction.ROUTED,
                        TimelineAction.ROUTED,
                        TimelineAction.IMPORTANCE_CHANGED);
    }

    @Test
    void aJointPostIsInWorkOnceOneDepartmentAcceptsAndReturnedOnlyWhenAllReturn() {
        Post post = newPost();
        post.route(
                List.of(new Routing(FAMILIES, EXECUTOR.id()), new Routing(EMPLOYMENT, OTHER_EXECUTOR.id())),
                Importance.NORMAL,
                SPECIALIST,
                T0);
        Assignment families = post.getAssignments().get(0);
        Assignment employment = post.getAssignments().get(1);

        post.returnAssignment(families, "Не наш вопрос", EXECUTOR, LATER);
        assertThat(post.getState()).isEqualTo(PostState.ASSIGNED);
        post.returnAssignment(employment, "И не наш", OTHER_EXECUTOR, LATER);
        assertThat(post.getState()).isEqualTo(PostState.RETURNED_BY_EXECUTOR);

        post.route(List.of(new Routing(FAMILIES, 12)), Importance.NORMAL, SPECIALIST, LATER);
        assertThat(post.getState()).isEqualTo(PostState.ASSIGNED);
        post.accept(post.getAssignments().get(2), new Actor(12, Set.of(Role.EXECUTOR)), LATER);
        assertThat(post.getState()).isEqualTo(PostState.IN_WORK);
        assertThat(post.getAssignments())
                .extracting(Assignment::getState)
                .containsExactly(AssignmentState.RETURNED, AssignmentState.RETURNED, AssignmentState.ACCEPTED);
    }

    /** A joint post to families and employment; families accepted, employment returned its part. */
    static Post jointWithEmploymentReturned() {
        Post post = newPost();
        post.route(
                List.of(new Routing(FAMILIES, EXECUTOR.id()), new Routing(EMPLOYMENT, OTHER_EXECUTOR.id())),
                Importance.NORMAL,
                SPECIALIST,
                T0);
        post.accept(post.getAssignments().get(0), EXECUTOR, LATER);
        post.returnAssignment(post.getAssignments().get(1), "Не наш вопрос", OTHER_EXECUTOR, LATER);
        return post;
    }

    @Test
    void aJointPostsReturnedPartWaitsForTheSpecialistWhoSendsItToAnotherDepartment() {
        Post post = jointWithEmploymentReturned();
        Assignment employment = post.getAssignments().get(1);
        assertThat(post.getState()).isEqualTo(PostState.IN_WORK);
        assertThat(employment.getPartState()).isEqualTo(PartState.AWAITING_REROUTE);
        assertThat(post.isJoint()).as("the part may still come back").isTrue();
        assertThat(post.mayReroutePart(employment, SPECIALIST)).isTrue();
        assertThat(post.mayReroutePart(employment, EXECUTOR)).isFalse();
        assertThat(post.mayExcludePart(employment, CURATOR)).isFalse();

        String before = snapshot(post);
        assertThatThrownBy(() -> post.reroutePart(employment, new Routing(FAMILIES, 12), SPECIALIST, LATER))
                .isInstanceOf(ForbiddenTransition.class);
        assertThatThrownBy(() -> post.reroutePart(employment, new Routing(EMPLOYMENT, 12), SPECIALIST, LATER))
                .isInstanceOf(ForbiddenTransition.class);
        assertThatThrownBy(() -> post.reroutePart(employment, new Routing(300, 12), EXECUTOR, LATER))
                .isInstanceOf(ForbiddenTransition.class);
        assertThat(snapshot(post)).isEqualTo(before);

        Assignment added = post.reroutePart(employment, new Routing(300, 12), SPECIALIST, LATER);
        assertThat(employment.getPartState()).isEqualTo(PartState.REROUTED);
        assertThat(added.getDepartmentId()).isEqualTo(300);
        assertThat(added.getState()).isEqualTo(AssignmentState.ASSIGNED);
        assertThat(post.getState()).isEqualTo(PostState.IN_WORK);
        assertThat(post.isJoint()).isTrue();
        assertThat(post.mayReroutePart(employment, SPECIALIST)).isFalse();
        TimelineEntry last = post.getTimeline().get(post.getTimeline().size() - 1);
        assertThat(last.getAction()).isEqualTo(TimelineAction.PART_REROUTED);
        assertThat(last.getPreviousExecutorId()).isEqualTo(OTHER_EXECUTOR.id());
        assertThat(last.getExecutorId()).isEqualTo(12);
    }

    @Test
    void aReturnedPartLeftOutKeepsTheAnswerJointWithTheOtherDepartment() {
        Post post = jointWithEmploymentReturned();
        Assignment employment = post.getAssignments().get(1);
        assertThatThrownBy(() -> post.excludePart(employment, " ", SPECIALIST, LATER))
                .isInstanceOf(ForbiddenTransition.class);

        post.excludePart(employment, "Занятость не упомянута", SPECIALIST, LATER);
        assertThat(employment.getPartState()).isEqualTo(PartState.EXCLUDED);
        assertThat(post.getState()).isEqualTo(PostState.IN_WORK);
        assertThat(post.isJoint())
                .as("the specialist composes the answer from the remaining part")
                .isTrue();
        assertThat(post.mayDraft(SPECIALIST)).isTrue();
        assertThat(post.mayDraft(EXECUTOR)).isFalse();
        assertThat(post.mayContribute(post.getAssignments().get(0), EXECUTOR)).isTrue();
        assertThat(post.getTimeline().get(post.getTimeline().size() - 1).getComment())
                .isEqualTo("Занятость не упомянута");
    }

    @Test
    void aSinglePostReturnedByItsOnlyDepartmentHasNoPartWaiting() {
        Post post = postIn(PostState.ASSIGNED);
        Assignment only = post.getAssignments().get(0);
        post.returnAssignment(only, "Не наш вопрос", EXECUTOR, LATER);
        assertThat(post.getState()).isEqualTo(PostState.RETURNED_BY_EXECUTOR);
        assertThat(only.getPartState()).isNull();
    }

    @Test
    void theCuratorHandsAnUnacceptedAssignmentBackToTheSpecialist() {
        Post post = postIn(PostState.ASSIGNED);
        Assignment only = post.getAssignments().get(0);
        assertThatThrownBy(() -> post.handBack(only, "Не их вопрос", OTHER_DEPUTY, LATER))
                .isInstanceOf(ForbiddenTransition.class);
        post.handBack(only, "Не их вопрос", CURATOR, LATER);
        assertThat(post.getState()).isEqualTo(PostState.RETURNED_BY_EXECUTOR);
        assertThat(only.getReturnReason()).isEqualTo("Не их вопрос");
        assertThat(post.getTimeline().get(post.getTimeline().size() - 1).getAction())
                .isEqualTo(TimelineAction.HANDED_BACK);
    }

    @Test
    void reassigningAnAcceptedAssignmentWaitsForTheNewExecutorToAccept() {
        Post post = postIn(PostState.IN_WORK);
        Assignment assignment = post.getAssignments().get(0);
        post.reassign(assignment, 12, "Кузнецов в командировке", CURATOR, LATER);
        assertThat(assignment.getExecutorId()).isEqualTo(12);
        assertThat(assignment.getState()).isEqualTo(AssignmentState.ASSIGNED);
        assertThat(post.getState()).isEqualTo(PostState.ASSIGNED);
        TimelineEntry last = post.getTimeline().get(post.getTimeline().size() - 1);
        assertThat(last.getAction()).isEqualTo(TimelineAction.REASSIGNED);
        assertThat(last.getPreviousExecutorId()).isEqualTo(EXECUTOR.id());
        assertThat(last.getExecutorId()).isEqualTo(12);
        assertThat(last.getComment()).isEqualTo("Кузнецов в командировке");
    }

    @Test
    void aReasonIsRequiredAndABlankOneChangesNothing() {
        Post post = newPost();
        String before = snapshot(post);
        assertThatThrownBy(() -> post.returnToCur("  ", SPECIALIST, LATER)).isInstanceOf(ForbiddenTransition.class);
        assertThatThrownBy(() -> post.refuse(null, SPECIALIST, LATER)).isInstanceOf(ForbiddenTransition.class);
        assertThat(snapshot(post)).isEqualTo(before);
    }

    @Test
    void routingTwiceToOneDepartmentOrToNobodyIsRefused() {
        Post post = newPost();
        String before = snapshot(post);
        assertThatThrownBy(() -> post.route(List.of(), Importance.NORMAL, SPECIALIST, LATER))
                .isInstanceOf(ForbiddenTransition.class);
        assertThatThrownBy(() -> post.route(
                        List.of(new Routing(FAMILIES, 10), new Routing(FAMILIES, 12)),
                        Importance.NORMAL,
                        SPECIALIST,
                        LATER))
                .isInstanceOf(ForbiddenTransition.class);
        assertThat(snapshot(post)).isEqualTo(before);
    }

    @Test
    void whoSeesThePost() {
        Post post = postIn(PostState.ASSIGNED);
        assertThat(post.maySee(SPECIALIST)).isTrue();
        assertThat(post.maySee(OTHER_DEPUTY)).isTrue();
        assertThat(post.maySee(MINISTER)).isTrue();
        assertThat(post.maySee(EXECUTOR)).isTrue();
        assertThat(post.maySee(OTHER_EXECUTOR)).isFalse();
        assertThat(post.maySee(ADMIN)).isFalse();
        assertThat(post.maySee(new Actor(40, Set.of(Role.DEPT_HEAD), Set.of(), Set.of(FAMILIES))))
                .isTrue();
        assertThat(post.maySee(new Actor(41, Set.of(Role.DEPT_HEAD), Set.of(), Set.of(EMPLOYMENT))))
                .isFalse();
    }
}
