package ru.otklik.posts;

import java.time.Instant;
import java.util.List;

/**
 * A post as other modules read it: what ЦУР's API shows and what a caller needs for the next command (the version for
 * optimistic locking, the ids of its assignments). The aggregate itself stays inside the module.
 *
 * @param registrationNumber the Ministry's registration number, e.g. СОЦ-2026/0123
 * @param answer the last posted answer (final or intermediate), {@code null} while none is posted
 * @param changedAt when the post last changed (any transition, a draft saved)
 * @param closingReason why the post was returned to ЦУР or refused under п.18; {@code null} in any other state
 * @param closedAt when it was closed, {@code null} while open
 * @param draftAtCur the draft awaiting ЦУР's approval while the post is {@link PostState#AT_CUR}, else {@code null}
 * @param answers every posted answer, oldest first
 */
public record PostSummary(
        long id,
        long version,
        String externalId,
        String registrationNumber,
        PostState state,
        Instant receivedAt,
        List<Long> assignmentIds,
        PostedAnswer answer,
        Instant changedAt,
        String closingReason,
        Instant closedAt,
        DraftAtCur draftAtCur,
        List<PostedAnswer> answers) {

    /** A posted answer: where it was published, its text, whether it was the intermediate one (п.13), and when. */
    public record PostedAnswer(String url, String text, boolean intermediate, Instant postedAt) {}

    /**
     * The draft sent to ЦУР for approval.
     *
     * @param draftId the draft's id: an intermediate and a final draft of one post have different ids
     * @param version the number of the draft's version ЦУР is asked to approve (1, 2, … as it was reworked)
     */
    public record DraftAtCur(long draftId, boolean intermediate, int version, String text, Instant sentToCurAt) {}
}
