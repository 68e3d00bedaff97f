package ru.otklik.deadlines;

/**
 * What happens when a clock runs out (SPEC §3).
 */
public enum BreachAction {
    /** Notify the head of the organisational department. */
    NOTIFY_ORG_HEAD,
    /** Hand the post to the deputy minister curating the department and notify them (п.9). */
    ESCALATE_TO_CURATOR,
    /** Inform the coordinating deputy minister (п.3, п.9). */
    INFORM_COORDINATOR,
    /** Inform the deputy minister curating the department. */
    INFORM_CURATOR,
    /** Only counted in the monthly report. */
    REPORT_ONLY
}
