package ru.otklik.reports;

/**
 * What the monthly report counts about posts (п.21).
 */
public enum Measure {
    /** Posts received by the Ministry during the month. */
    RECEIVED,
    /** Final answers posted during the month (the post became ANSWERED). */
    ANSWERED,
    /** Intermediate answers posted during the month (п.13). */
    INTERMEDIATE,
    /** Posts returned to ЦУР during the month (п.9, п.14). */
    RETURNED_TO_CUR,
    /** Posts not processed under п.18 during the month. */
    NOT_PROCESSED,
    /** Posts received before the end of the month and still open at its end. */
    OPEN_AT_END
}
