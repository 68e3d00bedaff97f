package ru.otklik.posts;

/**
 * The state of one department's assignment (поручение): waiting to be accepted, accepted, or returned (п.14).
 */
public enum AssignmentState {
    ASSIGNED,
    ACCEPTED,
    RETURNED
}
