package ru.otklik.posts;

import java.time.Instant;
import java.util.List;

/**
 * A post as other modules read it: what ЦУР's API shows and what a caller needs for the next command (the version for
 * optimistic locking, the ids of its assignments). The aggregate itself stays inside the module.
 *
 * @param answer the last posted answer (final or intermediate), {@code null} while none is posted
 */
public record PostSummary(
        long id,
        long version,
        String externalId,
        PostState state,
        Instant receivedAt,
        List<Long> assignmentIds,
        PostedAnswer answer) {

    /** A posted answer: where it was published and its text. */
    public record PostedAnswer(String url, String text) {}
}
