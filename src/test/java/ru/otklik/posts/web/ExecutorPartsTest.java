package ru.otklik.posts.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.otklik.posts.AssignmentState;
import ru.otklik.posts.PostState;
import ru.otklik.posts.web.ExecutorParts.Stage;

/** The executor's part is said by their assignment and their answer, not by the post's state alone. */
class ExecutorPartsTest {

    @Test
    void anOwnAnswerFollowsTheDraftThroughApprovalReworkAndCur() {
        assertThat(ExecutorParts.stage(AssignmentState.ASSIGNED, PostState.IN_WORK, false, false))
                .as("another executor accepted, this one not yet")
                .isEqualTo(Stage.NEW);
        assertThat(ExecutorParts.stage(AssignmentState.ACCEPTED, PostState.IN_WORK, false, false))
                .isEqualTo(Stage.ACCEPTED);
        assertThat(ExecutorParts.stage(AssignmentState.ACCEPTED, PostState.REWORK, false, false))
                .isEqualTo(Stage.REWORK);
        assertThat(ExecutorParts.stage(AssignmentState.ACCEPTED, PostState.IN_APPROVAL, false, false))
                .isEqualTo(Stage.IN_APPROVAL);
        assertThat(ExecutorParts.stage(AssignmentState.ACCEPTED, PostState.READY_FOR_CUR, false, false))
                .isEqualTo(Stage.APPROVED);
        assertThat(ExecutorParts.stage(AssignmentState.ACCEPTED, PostState.AT_CUR, false, false))
                .isEqualTo(Stage.AT_CUR);
        assertThat(ExecutorParts.stage(AssignmentState.ACCEPTED, PostState.CUR_APPROVED, false, false))
                .isEqualTo(Stage.CUR_APPROVED);
        assertThat(ExecutorParts.stage(AssignmentState.ACCEPTED, PostState.ANSWERED, false, false))
                .isEqualTo(Stage.ANSWERED);
        assertThat(ExecutorParts.stage(AssignmentState.RETURNED, PostState.IN_WORK, false, false))
                .isEqualTo(Stage.HANDED_BACK);
    }

    @Test
    void onAJointPostTheSpecialistsDraftIsNotTheExecutorsRework() {
        assertThat(ExecutorParts.stage(AssignmentState.ACCEPTED, PostState.REWORK, true, true))
                .isEqualTo(Stage.CONTRIBUTED);
        assertThat(ExecutorParts.stage(AssignmentState.ACCEPTED, PostState.IN_APPROVAL, true, false))
                .as("contribution still owed")
                .isEqualTo(Stage.ACCEPTED);
        assertThat(Stage.REWORK.theirMove()).isTrue();
        assertThat(Stage.IN_APPROVAL.theirMove()).isFalse();
    }
}
