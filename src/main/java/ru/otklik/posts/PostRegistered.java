package ru.otklik.posts;

import java.time.Instant;

/**
 * A post was received by the Ministry (starts ROUTE, CUR_SUBMIT, ANSWER or ANSWER_HIGH).
 *
 * @param at when it was registered in Otklik (equals {@code receivedAt} for ЦУР's API)
 */
public record PostRegistered(long postId, Importance importance, Instant detectedAt, Instant receivedAt, Instant at) {}
