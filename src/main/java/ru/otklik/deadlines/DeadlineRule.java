package ru.otklik.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import ru.otklik.calendar.WorkingCalendar;

/**
 * A rule of the regulation (SPEC §3) as the admin has set it: the limit, how it is counted and what a breach does.
 *
 * @param limit minutes, or days for the day kinds
 */
public record DeadlineRule(
        String code,
        String clause,
        String startEvent,
        String stopEvent,
        int limit,
        ClockKind kind,
        BreachAction action,
        int warnPercent,
        boolean running,
        int position,
        long version) {

    /** The due instant of a clock counted from {@code base}. Pure: the calendar is given. */
    public Instant dueFrom(Instant base, WorkingCalendar calendar) {
        return dueFrom(base, limit, kind, calendar);
    }

    public static Instant dueFrom(Instant base, long limit, ClockKind kind, WorkingCalendar calendar) {
        return switch (kind) {
            case WORKING -> calendar.deadline(base, limit);
            case CALENDAR -> base.plus(limit, ChronoUnit.MINUTES);
            case CALENDAR_DAYS -> base.plus(limit, ChronoUnit.DAYS);
            case WORKING_DAYS -> calendar.deadlineInWorkingDays(base, (int) limit);
        };
    }

    /**
     * The instant at which the clock has used {@code warnPercent} of its time, counted the clock's way (working
     * seconds for working clocks).
     */
    public Instant warnAt(Instant started, Instant due, WorkingCalendar calendar) {
        if (!due.isAfter(started)) {
            return due;
        }
        if (kind.working()) {
            long total = calendar.workingSeconds(started, due);
            return calendar.deadlineSeconds(started, total * warnPercent / 100);
        }
        long total = Duration.between(started, due).toSeconds();
        return started.plusSeconds(total * warnPercent / 100);
    }
}
