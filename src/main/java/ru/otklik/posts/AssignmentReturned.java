package ru.otklik.posts;

import java.time.Instant;

/**
 * The executor returned the assignment as outside the department's competence (п.14), or the curating deputy minister
 * handed it back to the org specialist (an escalation, п.9).
 *
 * @param postState the post's state afterwards: {@link PostState#RETURNED_BY_EXECUTOR} when every assignment is
 *                  returned and the org specialist has to route it again (starts REROUTE)
 * @param partAwaitsReroute a joint post's part returned while other parts go on: it waits for the org specialist
 *                  on its own (starts its own REROUTE, п.14)
 * @param returnedBy who returned it: the executor, or the deputy minister who handed it back
 */
public record AssignmentReturned(
        long postId,
        long assignmentId,
        long departmentId,
        long executorId,
        String reason,
        PostState postState,
        boolean partAwaitsReroute,
        long returnedBy,
        Instant at) {}
