package ru.otklik.deadlines;

/**
 * Why a clock was cancelled (отменён): the post left the path the clock measures, so its stop event will never come.
 */
public enum CancelReason {
    /** The post was returned to ЦУР as outside the Ministry's competence (п.9, п.14). */
    RETURNED_TO_CUR,
    /** The post was refused under п.18. */
    REFUSED,
    /** A department returned its part as outside its competence (п.14): its answer and contribution are not owed. */
    PART_RETURNED,
    /**
     * The final answer was posted while the clock still ran: what it waited for (a joint post's contribution never
     * sent, say) was no longer needed.
     */
    ANSWER_POSTED
}
