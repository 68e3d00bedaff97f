package ru.otklik.deadlines;

/**
 * A clock is running until its stop event; it is met if stopped by its due instant, breached otherwise, and cancelled
 * when the post leaves the path the clock measures before its due instant (see {@link CancelReason}): a cancelled
 * clock counts neither as met nor as breached (SPEC §3).
 */
public enum ClockState {
    RUNNING,
    MET,
    BREACHED,
    CANCELLED
}
