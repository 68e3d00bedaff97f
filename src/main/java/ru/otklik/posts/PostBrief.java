package ru.otklik.posts;

import java.time.Instant;

/**
 * A post in a short list of another module's page («Сегодня»): what to show and where to link.
 *
 * @param registrationNumber the Ministry's registration number, by which the post is named
 * @param excerpt the first characters of the text
 * @param departments the departments working on it, by name, comma-separated, or {@code null} while none
 */
public record PostBrief(
        long id,
        String registrationNumber,
        String externalId,
        PostState state,
        Importance importance,
        Instant receivedAt,
        String excerpt,
        String departments) {}
