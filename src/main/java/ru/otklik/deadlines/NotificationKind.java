package ru.otklik.deadlines;

/**
 * What a notification is about.
 */
public enum NotificationKind {
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
