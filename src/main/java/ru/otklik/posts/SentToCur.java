package ru.otklik.posts;

import java.time.Instant;

/**
 * The org specialist sent the approved draft to ЦУР for approval (п.9): the post is {@code AT_CUR}.
 */
public record SentToCur(long postId, long draftId, boolean intermediate, Instant at) {}
