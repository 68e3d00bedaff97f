package ru.otklik.deadlines;

/**
 * A clock is running until its stop event; it is met if stopped by its due instant, breached otherwise.
 */
public enum ClockState {
    RUNNING, MET, BREACHED
}
