package ru.otklik.posts;

import java.time.Instant;

/**
 * The draft passed the last level of internal approval (п.10, п.11): the post is {@code READY_FOR_CUR}.
 */
public record DraftApproved(long postId, long draftId, boolean intermediate, Instant at) {}
