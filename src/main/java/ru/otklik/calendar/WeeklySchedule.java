package ru.otklik.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Regular office hours per day of week; a day without hours is a weekly day off.
 */
public final class WeeklySchedule {

    private final EnumMap<DayOfWeek, WorkingHours> hours;

    private WeeklySchedule(Map<DayOfWeek, WorkingHours> hours) {
        this.hours = hours.isEmpty() ? new EnumMap<>(DayOfWeek.class) : new EnumMap<>(hours);
        if (this.hours.isEmpty()) {
            throw new IllegalArgumentException("a weekly schedule needs at least one working day");
        }
        this.hours.values().forEach(h -> {
            if (h == null) throw new NullPointerException("hours");
        });
    }

    /** A schedule from explicit hours; days missing from the map are off. */
    public static WeeklySchedule of(Map<DayOfWeek, WorkingHours> hours) {
        return new WeeklySchedule(hours);
    }

    /**
     * The Ministry's hours: Mon–Thu 08:30–17:30, Fri 08:30–16:30, lunch 12:00–12:48, Sat/Sun off (40 h/week).
     */
    public static WeeklySchedule ministryDefault() {
        LocalTime start = LocalTime.of(8, 30);
        LocalTime lunchStart = LocalTime.of(12, 0);
        LocalTime lunchEnd = LocalTime.of(12, 48);
        WorkingHours monThu = WorkingHours.of(start, LocalTime.of(17, 30), lunchStart, lunchEnd);
        WorkingHours fri = WorkingHours.of(start, LocalTime.of(16, 30), lunchStart, lunchEnd);
        EnumMap<DayOfWeek, WorkingHours> m = new EnumMap<>(DayOfWeek.class);
        m.put(DayOfWeek.MONDAY, monThu);
        m.put(DayOfWeek.TUESDAY, monThu);
        m.put(DayOfWeek.WEDNESDAY, monThu);
        m.put(DayOfWeek.THURSDAY, monThu);
        m.put(DayOfWeek.FRIDAY, fri);
        return new WeeklySchedule(m);
    }

    /** The hours of that day of week, empty if it is a weekly day off. */
    public Optional<WorkingHours> hours(DayOfWeek day) {
        return Optional.ofNullable(hours.get(day));
    }

    WorkingHours hoursOrNull(DayOfWeek day) {
        return hours.get(day);
    }

    /**
     * Hours worked by a weekly day off that a transfer makes working: MONDAY's, or the first working
     * weekday's if Monday is off.
     */
    WorkingHours transferHours() {
        return hours.get(
                hours.containsKey(DayOfWeek.MONDAY)
                        ? DayOfWeek.MONDAY
                        : hours.keySet().iterator().next());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeeklySchedule w && w.hours.equals(hours);
    }

    @Override
    public int hashCode() {
        return hours.hashCode();
    }

    @Override
    public String toString() {
        return "WeeklySchedule" + hours;
    }
}
