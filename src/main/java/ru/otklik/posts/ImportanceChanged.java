package ru.otklik.posts;

import java.time.Instant;

/**
 * The org specialist set or cleared HIGH (п.9 ¶3–4) after the post was received: while routing it or later on its
 * page. Published once per change, before any {@link PostRouted} of the same routing; a post received as HIGH
 * announces it in {@link PostRegistered} instead.
 */
public record ImportanceChanged(long postId, Importance importance, Instant at) {}
