package ru.otklik.posts;

import java.time.Instant;

/**
 * An assignment was handed to another executor of the same department, who must accept it anew.
 */
public record PostReassigned(
        long postId,
        long assignmentId,
        long departmentId,
        long previousExecutorId,
        long executorId,
        String comment,
        long reassignedBy,
        Instant at) {}
