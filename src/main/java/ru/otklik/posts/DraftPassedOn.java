package ru.otklik.posts;

import java.time.Instant;

/**
 * The department head approved the draft and it went on to the second-level approver, whose turn it is now (п.10).
 * The last approval publishes {@link DraftApproved} instead.
 */
public record DraftPassedOn(long postId, long draftId, long approverId, Instant at) {}
