package ru.otklik.calendar;

/**
 * How a {@link DayOverride} changes one calendar date relative to the {@link WeeklySchedule}.
 */
public enum DayKind {
    /** Non-working day (holiday or a weekday made free by a transfer). */
    DAY_OFF,
    /**
     * Working day. A date on which the weekly schedule does not work (a transferred Saturday)
     * works MONDAY's hours; a normally working date keeps its own hours.
     */
    WORKING,
    /**
     * Pre-holiday shortened day (сокращённый день): a working day whose end is one hour earlier
     * than the base hours (the weekday's own hours, or MONDAY's on a transferred weekend day).
     * It implies {@link #WORKING}.
     */
    SHORTENED,
    /** Working day with explicit hours given in the override (start, end, optional lunch). */
    CUSTOM
}
