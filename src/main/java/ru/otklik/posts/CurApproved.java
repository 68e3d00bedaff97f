package ru.otklik.posts;

import java.time.Instant;

/**
 * ЦУР approved the draft (п.9): the post is {@code CUR_APPROVED} and must be posted.
 */
public record CurApproved(long postId, long draftId, boolean intermediate, Instant at) {}
