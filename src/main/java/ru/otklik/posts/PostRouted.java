package ru.otklik.posts;

import java.time.Instant;

/**
 * The post was sent to an executor of a department (п.9): one event per assignment. Carries the post's importance
 * after routing, since the org specialist may set or clear HIGH while routing.
 */
public record PostRouted(
        long postId, long assignmentId, long departmentId, long executorId, Importance importance, Instant at) {}
