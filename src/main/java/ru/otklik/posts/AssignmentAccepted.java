package ru.otklik.posts;

import java.time.Instant;

/**
 * The executor accepted the assignment («принято в работу», п.9).
 *
 * @param postState the post's state afterwards
 */
public record AssignmentAccepted(
        long postId, long assignmentId, long departmentId, long executorId, PostState postState, Instant at) {}
