package ru.otklik.posts;

import java.time.Instant;

/**
 * The org specialist sent a returned part of a joint post to an executor of another department (п.14, п.15): the
 * returned part's REROUTE is met, and the new assignment owes acceptance, its answer and its contribution.
 */
public record PartRerouted(
        long postId,
        long returnedAssignmentId,
        long assignmentId,
        long departmentId,
        long executorId,
        long reroutedBy,
        Instant at) {}
