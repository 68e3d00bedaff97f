package ru.otklik.posts;

import java.time.Instant;

/**
 * What is known about a post when the Ministry receives it (SPEC §2): from ЦУР's API, an import, or typed by hand.
 *
 * @param externalId ЦУР's id of the post; {@code null} for a post typed by hand without one
 */
public record NewPost(
        String externalId,
        Source source,
        String url,
        String authorName,
        String authorUrl,
        String text,
        Instant detectedAt,
        Instant receivedAt,
        Importance importance,
        String topic) {}
