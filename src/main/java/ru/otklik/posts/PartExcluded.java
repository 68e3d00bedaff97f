package ru.otklik.posts;

import java.time.Instant;

/**
 * The org specialist left a returned part of a joint post out of the joint answer, with the reason (п.15).
 *
 * @param postState the post's state afterwards: {@link PostState#RETURNED_BY_EXECUTOR} when no part is left
 */
public record PartExcluded(
        long postId, long assignmentId, long departmentId, String reason, PostState postState, Instant at) {}
