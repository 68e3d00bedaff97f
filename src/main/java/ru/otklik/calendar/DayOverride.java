package ru.otklik.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One date of the production calendar (производственный календарь) that differs from the weekly schedule.
 * The times are only used for {@link DayKind#CUSTOM} and are ignored for every other kind.
 */
public record DayOverride(
        LocalDate date, DayKind kind, LocalTime start, LocalTime end, LocalTime lunchStart, LocalTime lunchEnd) {

    /** Validates the record; a CUSTOM override must carry valid {@link WorkingHours}. */
    public DayOverride {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        if (kind == DayKind.CUSTOM) {
            new WorkingHours(start, end, lunchStart, lunchEnd); // validates
        }
    }

    /** A day off. */
    public static DayOverride dayOff(LocalDate date) {
        return new DayOverride(date, DayKind.DAY_OFF, null, null, null, null);
    }

    /** A working day (a transferred weekend day works MONDAY's hours). */
    public static DayOverride working(LocalDate date) {
        return new DayOverride(date, DayKind.WORKING, null, null, null, null);
    }

    /** A shortened pre-holiday working day (one hour shorter). */
    public static DayOverride shortened(LocalDate date) {
        return new DayOverride(date, DayKind.SHORTENED, null, null, null, null);
    }

    /** A working day with explicit hours; lunch bounds may both be {@code null}. */
    public static DayOverride custom(
            LocalDate date, LocalTime start, LocalTime end, LocalTime lunchStart, LocalTime lunchEnd) {
        return new DayOverride(date, DayKind.CUSTOM, start, end, lunchStart, lunchEnd);
    }

    /** The explicit hours of a CUSTOM override, {@code null} for other kinds. */
    public WorkingHours customHours() {
        return kind == DayKind.CUSTOM ? new WorkingHours(start, end, lunchStart, lunchEnd) : null;
    }
}
