package ru.otklik.deadlines;

/**
 * How a rule's limit is counted: working minutes of the calendar, plain minutes, plain days, or to the end of the
 * n-th working day (п.13).
 */
public enum ClockKind {
    WORKING,
    CALENDAR,
    CALENDAR_DAYS,
    WORKING_DAYS;

    /** Whether the limit is in days rather than minutes. */
    public boolean inDays() {
        return this == CALENDAR_DAYS || this == WORKING_DAYS;
    }

    /** Whether the remaining time is shown in working time. */
    public boolean working() {
        return this == WORKING || this == WORKING_DAYS;
    }
}
