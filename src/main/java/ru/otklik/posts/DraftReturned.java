package ru.otklik.posts;

import java.time.Instant;

/**
 * An approver or ЦУР returned the draft for rework with a comment (п.12): the post is {@code REWORK}.
 *
 * @param byCur whether ЦУР returned it (otherwise an approver inside the Ministry)
 */
public record DraftReturned(
        long postId, long draftId, boolean intermediate, boolean byCur, String comment, Instant at) {}
