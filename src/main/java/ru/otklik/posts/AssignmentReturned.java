package ru.otklik.posts;

import java.time.Instant;

/**
 * The executor returned the assignment as outside the department's competence (п.14).
 *
 * @param postState the post's state afterwards: {@link PostState#RETURNED_BY_EXECUTOR} when every assignment is
 *                  returned and the org specialist has to route it again (starts REROUTE)
 */
public record AssignmentReturned(
        long postId,
        long assignmentId,
        long departmentId,
        long executorId,
        String reason,
        PostState postState,
        Instant at) {}
