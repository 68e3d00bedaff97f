package ru.otklik.calendar;

import java.time.LocalTime;
import java.util.Objects;

/**
 * Office hours of one day: {@code [start, end)} minus an optional lunch break {@code [lunchStart, lunchEnd)}.
 * Both lunch bounds are {@code null} when there is no lunch break.
 */
public record WorkingHours(LocalTime start, LocalTime end, LocalTime lunchStart, LocalTime lunchEnd) {

    /** Validates that {@code start < lunchStart < lunchEnd < end} (lunch optional). */
    public WorkingHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("start " + start + " must be before end " + end);
        }
        if ((lunchStart == null) != (lunchEnd == null)) {
            throw new IllegalArgumentException("lunchStart and lunchEnd must both be set or both be null");
        }
        if (lunchStart != null
                && !(start.isBefore(lunchStart) && lunchStart.isBefore(lunchEnd) && lunchEnd.isBefore(end))) {
            throw new IllegalArgumentException(
                    "lunch " + lunchStart + "-" + lunchEnd + " must lie strictly inside " + start + "-" + end);
        }
    }

    /** Hours without a lunch break. */
    public static WorkingHours of(LocalTime start, LocalTime end) {
        return new WorkingHours(start, end, null, null);
    }

    /** Hours with a lunch break. */
    public static WorkingHours of(LocalTime start, LocalTime end, LocalTime lunchStart, LocalTime lunchEnd) {
        return new WorkingHours(start, end, lunchStart, lunchEnd);
    }

    /** Whether a lunch break is set. */
    public boolean hasLunch() {
        return lunchStart != null;
    }

    /**
     * These hours ending {@code minutes} earlier; a lunch break that is no longer strictly inside is dropped,
     * and the end is pulled back to the lunch start when it would fall inside the lunch.
     *
     * @return the shortened hours, or {@code null} if nothing of the day remains
     */
    WorkingHours endingEarlierBy(long minutes) {
        LocalTime newEnd = end.minusMinutes(minutes);
        if (newEnd.isAfter(end) || !newEnd.isAfter(start)) {
            return null; // wrapped around midnight or nothing left
        }
        if (lunchStart == null || !newEnd.isAfter(lunchEnd)) {
            if (lunchStart != null && newEnd.isAfter(lunchStart)) {
                newEnd = lunchStart;
            }
            return new WorkingHours(start, newEnd, null, null);
        }
        return new WorkingHours(start, newEnd, lunchStart, lunchEnd);
    }

    /** Working seconds of these hours. */
    public long workingSeconds() {
        long s = end.toSecondOfDay() - start.toSecondOfDay();
        if (lunchStart != null) {
            s -= lunchEnd.toSecondOfDay() - lunchStart.toSecondOfDay();
        }
        return s;
    }
}
