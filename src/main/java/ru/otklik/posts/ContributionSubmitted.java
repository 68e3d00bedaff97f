package ru.otklik.posts;

import java.time.Instant;

/**
 * An executor of a joint post sent their department's contribution (информация для общего ответа) to the org
 * specialist (п.15).
 */
public record ContributionSubmitted(long postId, long assignmentId, long departmentId, Instant at) {}
