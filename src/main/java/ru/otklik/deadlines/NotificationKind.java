package ru.otklik.deadlines;

/**
 * What a notification is about. Each person chooses per kind whether it reaches them by e-mail too.
 */
public enum NotificationKind {
    /** A post was handed to the person as its executor (routed, rerouted or reassigned). */
    ASSIGNMENT,
    /** An executor returned a post (or a joint post's part) as outside their competence: route it again (п.14). */
    RETURNED,
    /** A draft waits for the person's approval: their turn on its route (п.10). */
    APPROVAL,
    /** A draft was returned to its executor for rework, with the reason (п.12). */
    REWORK,
    /** The draft was approved by the Ministry: ready for the org specialist to send to ЦУР (п.9). */
    APPROVED,
    /** ЦУР approved the draft: the org specialist posts it (п.9). */
    CUR_APPROVED,
    /** ЦУР returned the draft to its executor for rework, with ЦУР's reason (п.12). */
    CUR_RETURNED,
    /** A department's contribution to a joint answer came in (п.15). */
    CONTRIBUTION,
    /** A comment on an escalation. */
    COMMENT,
    /** A clock ran out. */
    BREACH,
    /** A clock has used 80 % of its time. */
    WARNING,
    /** A post was handed to the deputy minister (п.9). */
    ESCALATION,
    /** A post of high importance was registered (п.9). */
    HIGH_POST,
    /** A department head recorded a change in legislation (п.20). */
    LEGISLATION
}
