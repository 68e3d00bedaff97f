package ru.otklik.posts;

import java.time.Instant;

/**
 * The answer was posted where the citizen wrote (п.9): an intermediate answer moves the post to
 * {@code AWAITING_FINAL} (the final one is due in 7 working days, п.13), a final one closes it as {@code ANSWERED}.
 */
public record AnswerPosted(long postId, long draftId, boolean intermediate, String url, Instant at) {}
