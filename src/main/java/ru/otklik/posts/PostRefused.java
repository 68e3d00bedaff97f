package ru.otklik.posts;

import java.time.Instant;

/**
 * The post was refused under п.18 (threats, obscenity or insults) and is closed as NOT_PROCESSED.
 */
public record PostRefused(long postId, String reason, Instant at) {}
