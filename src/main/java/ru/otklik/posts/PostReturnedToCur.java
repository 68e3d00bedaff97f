package ru.otklik.posts;

import java.time.Instant;

/**
 * The post was returned to ЦУР as outside the Ministry's competence (п.9, п.14); it is closed.
 */
public record PostReturnedToCur(long postId, String reason, Instant at) {}
