package ru.otklik.posts;

import java.time.Instant;

/**
 * The executor sent a draft answer (проект ответа) to the approvers (п.10), or sent it again after rework (п.12).
 *
 * @param intermediate whether it is an intermediate answer (промежуточный ответ)
 * @param afterCurReturn whether ЦУР had returned the previous version of this draft
 */
public record DraftSubmitted(long postId, long draftId, boolean intermediate, boolean afterCurReturn, Instant at) {}
