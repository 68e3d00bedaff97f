package ru.otklik.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Test oracle written straight from the spec tables, independent of {@link WorkingCalendar},
 * {@link ProductionCalendars} and their precomputed arrays: fixed UTC+7, plain second-of-day arithmetic.
 */
final class IndependentOracle {

    static final int OFFSET = 7 * 3600;
    private static final int OPEN = 8 * 3600 + 30 * 60;
    private static final int LUNCH_START = 12 * 3600;
    private static final int LUNCH_END = 12 * 3600 + 48 * 60;
    private static final int CLOSE_MON_THU = 17 * 3600 + 30 * 60;
    private static final int CLOSE_FRI = 16 * 3600 + 30 * 60;

    private static final Set<LocalDate> OFF = Set.of(
            d(2025, 1, 1),
            d(2025, 1, 2),
            d(2025, 1, 3),
            d(2025, 1, 6),
            d(2025, 1, 7),
            d(2025, 1, 8),
            d(2025, 5, 1),
            d(2025, 5, 2),
            d(2025, 5, 8),
            d(2025, 5, 9),
            d(2025, 6, 12),
            d(2025, 6, 13),
            d(2025, 11, 3),
            d(2025, 11, 4),
            d(2025, 12, 31),
            d(2026, 1, 1),
            d(2026, 1, 2),
            d(2026, 1, 5),
            d(2026, 1, 6),
            d(2026, 1, 7),
            d(2026, 1, 8),
            d(2026, 1, 9),
            d(2026, 2, 23),
            d(2026, 3, 9),
            d(2026, 5, 1),
            d(2026, 5, 11),
            d(2026, 6, 12),
            d(2026, 11, 4),
            d(2026, 12, 31),
            d(2027, 1, 1),
            d(2027, 1, 4),
            d(2027, 1, 5),
            d(2027, 1, 6),
            d(2027, 1, 7),
            d(2027, 1, 8),
            d(2027, 2, 22),
            d(2027, 2, 23),
            d(2027, 3, 8),
            d(2027, 5, 3),
            d(2027, 5, 10),
            d(2027, 6, 14),
            d(2027, 11, 4),
            d(2027, 11, 5),
            d(2027, 12, 31));
    private static final Set<LocalDate> WORKING_WEEKEND = Set.of(d(2025, 11, 1), d(2027, 2, 20));
    private static final Set<LocalDate> SHORTENED = Set.of(
            d(2025, 3, 7),
            d(2025, 4, 30),
            d(2025, 6, 11),
            d(2025, 11, 1),
            d(2026, 4, 30),
            d(2026, 5, 8),
            d(2026, 6, 11),
            d(2026, 11, 3),
            d(2027, 2, 20),
            d(2027, 4, 30),
            d(2027, 6, 11),
            d(2027, 11, 3));

    private final Map<Long, int[]> cache = new HashMap<>();

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    /** Second-of-day pairs {start, end, ...} of working periods on that epoch day. */
    int[] day(long epochDay) {
        return cache.computeIfAbsent(epochDay, IndependentOracle::compute);
    }

    private static int[] compute(long epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int year = date.getYear();
        DayOfWeek dow = date.getDayOfWeek();
        boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
        boolean working;
        if (year >= 2025 && year <= 2027) {
            working = WORKING_WEEKEND.contains(date) || (!weekend && !OFF.contains(date));
        } else {
            int m = date.getMonthValue();
            int dd = date.getDayOfMonth();
            boolean holiday = (m == 1 && dd <= 8)
                    || (m == 2 && dd == 23)
                    || (m == 3 && dd == 8)
                    || (m == 5 && (dd == 1 || dd == 9))
                    || (m == 6 && dd == 12)
                    || (m == 11 && dd == 4);
            working = !weekend && !holiday;
        }
        if (!working) {
            return new int[0];
        }
        int close = dow == DayOfWeek.FRIDAY ? CLOSE_FRI : CLOSE_MON_THU; // weekend transfer -> Monday's
        if (SHORTENED.contains(date)) {
            close -= 3600;
        }
        return new int[] {OPEN, LUNCH_START, LUNCH_END, close};
    }

    static long epochDayOf(long sec) {
        return Math.floorDiv(sec + OFFSET, 86400L);
    }

    static long dayStart(long epochDay) {
        return epochDay * 86400L - OFFSET;
    }

    boolean isWorking(long sec) {
        long day = epochDayOf(sec);
        long sod = sec - dayStart(day);
        int[] p = day(day);
        for (int k = 0; k < p.length; k += 2) {
            if (sod >= p[k] && sod < p[k + 1]) {
                return true;
            }
        }
        return false;
    }

    boolean isWorkingDay(LocalDate date) {
        return day(date.toEpochDay()).length > 0;
    }

    /** Deadline by walking the periods of each day. */
    long deadlineByPeriods(long x, long n) {
        if (n == 0) {
            return x;
        }
        for (long day = epochDayOf(x); ; day++) {
            int[] p = day(day);
            long base = dayStart(day);
            for (int k = 0; k < p.length; k += 2) {
                long s = base + p[k];
                long e = base + p[k + 1];
                if (e <= x) {
                    continue;
                }
                long from = Math.max(s, x);
                if (n <= e - from) {
                    return from + n;
                }
                n -= e - from;
            }
        }
    }

    /** Deadline by stepping one second at a time with the predicate. */
    long deadlineBySeconds(long x, long n) {
        if (n == 0) {
            return x;
        }
        while (true) {
            if (isWorking(x)) {
                n--;
                x++;
                if (n == 0) {
                    return x;
                }
            } else {
                x++;
            }
        }
    }

    long workingSecondsByPeriods(long a, long b) {
        long sum = 0;
        for (long day = epochDayOf(a); day <= epochDayOf(b); day++) {
            int[] p = day(day);
            long base = dayStart(day);
            for (int k = 0; k < p.length; k += 2) {
                long from = Math.max(base + p[k], a);
                long to = Math.min(base + p[k + 1], b);
                if (to > from) {
                    sum += to - from;
                }
            }
        }
        return sum;
    }

    long workingSecondsBySeconds(long a, long b) {
        long sum = 0;
        for (long x = a; x < b; x++) {
            if (isWorking(x)) {
                sum++;
            }
        }
        return sum;
    }

    long nextWorking(long x) {
        while (!isWorking(x)) {
            x++;
        }
        return x;
    }

    /** End of the n-th working day after the date of x. */
    long endOfNthWorkingDayAfter(long x, int n) {
        long day = epochDayOf(x);
        while (n > 0) {
            day++;
            if (day(day).length > 0) {
                n--;
            }
        }
        int[] p = day(day);
        return dayStart(day) + p[p.length - 1];
    }
}
