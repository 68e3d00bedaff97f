package ru.otklik.calendar;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working-time calendar (рабочее время): office hours in one zone, minus lunch and days off, following a
 * production calendar (производственный календарь) given as {@link DayOverride}s over a {@link WeeklySchedule}.
 *
 * <p><b>Semantics.</b> Working periods are half-open {@code [start, end)} and lie on whole seconds. All
 * inputs are truncated (floored) to the whole second before computing, so results carry no sub-second part
 * (except {@link #deadline}/{@link #deadlineSeconds} with zero and {@link #nextWorkingInstant} on a working
 * instant, which return the input unchanged). {@link #workingMinutes} is the floor of
 * {@link #workingSeconds} / 60.
 *
 * <p><b>Years.</b> Dates without an override use the weekly schedule; in a year that is not loaded
 * (see {@link #isYearLoaded}) the fixed holidays of Art. 112 of the Labour Code
 * ({@link ProductionCalendars#ART_112_HOLIDAYS}) are also off, without transfers.
 *
 * <p><b>Performance.</b> For a contiguous range of dates (default 2000-01-01..2100-12-31, see
 * {@link Builder#precomputedRange}) the working periods are precomputed as epoch-second arrays with a
 * prefix sum of working seconds, plus an index from each 24-hour bucket to its first period. Locating an
 * instant is one division and a scan of at most a few periods; the deadline is then found on the prefix sums
 * by galloping plus {@link Arrays#binarySearch}. No walk over days or minutes happens inside the range.
 * Outside that range the same rules are applied by a slower day-by-day walk, so results are identical;
 * supported dates are years 1..9999 (beyond that a {@link DateTimeException} is thrown).
 *
 * <p>Instances are immutable and thread-safe; to change the data, build a new instance.
 */
public final class WorkingCalendar {

    private static final LocalDate DEFAULT_FIRST = LocalDate.of(2000, 1, 1);
    private static final LocalDate DEFAULT_LAST = LocalDate.of(2100, 12, 31);
    private static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
    private static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);
    private static final long[] NO_PERIODS = new long[0];
    private static final long BUCKET_SECONDS = 86_400L;

    private final ZoneId zone;
    private final WeeklySchedule weekly;
    private final Map<LocalDate, WorkingHours> overrideHours; // null value = day off
    private final NavigableSet<Integer> loadedYears;
    private final LocalDate rangeFirst;
    private final LocalDate rangeLast;
    private final long rangeStartSec;
    private final long rangeEndSec;
    // Precomputed working periods [starts[i], ends[i]) in the range, ascending; cumEnd[i] = working seconds
    // from rangeStartSec up to ends[i].
    private final long[] starts;
    private final long[] ends;
    private final long[] cumEnd;
    private final long total;
    // bucketFirst[b] = index of the first period whose end is after rangeStartSec + b * BUCKET_SECONDS, so a
    // lookup is one division plus a scan over the few periods of one bucket.
    private final int[] bucketFirst;
    // Working days in the range: epoch day and the epoch second of the end of the day's last period.
    private final long[] workDayEpochDays;
    private final long[] workDayEnds;

    private WorkingCalendar(Builder b) {
        this.zone = b.zone;
        this.weekly = b.weekly;
        this.overrideHours = new HashMap<>();
        for (DayOverride o : b.overrides.values()) {
            overrideHours.put(o.date(), resolve(o));
        }
        TreeSet<Integer> years = new TreeSet<>();
        if (b.loadedYears != null) {
            years.addAll(b.loadedYears);
        } else {
            b.overrides.keySet().forEach(d -> years.add(d.getYear()));
        }
        this.loadedYears = Collections.unmodifiableNavigableSet(years);
        this.rangeFirst = b.rangeFirst;
        this.rangeLast = b.rangeLast;
        this.rangeStartSec = startOfDay(rangeFirst);
        this.rangeEndSec = startOfDay(rangeLast.plusDays(1));

        int days = (int) (rangeLast.toEpochDay() - rangeFirst.toEpochDay() + 1);
        long[] s = new long[days * 2];
        long[] e = new long[days * 2];
        long[] c = new long[days * 2];
        long[] wd = new long[days];
        long[] we = new long[days];
        int n = 0;
        int w = 0;
        long sum = 0;
        long prevEnd = Long.MIN_VALUE;
        for (LocalDate d = rangeFirst; !d.isAfter(rangeLast); d = d.plusDays(1)) {
            long[] p = periodsOf(d);
            for (int k = 0; k < p.length; k += 2) {
                if (p[k] < prevEnd) {
                    throw new IllegalStateException("overlapping working periods around " + d);
                }
                s[n] = p[k];
                e[n] = p[k + 1];
                sum += p[k + 1] - p[k];
                c[n] = sum;
                prevEnd = p[k + 1];
                n++;
            }
            if (p.length > 0) {
                wd[w] = d.toEpochDay();
                we[w] = p[p.length - 1];
                w++;
            }
        }
        this.starts = Arrays.copyOf(s, n);
        this.ends = Arrays.copyOf(e, n);
        this.cumEnd = Arrays.copyOf(c, n);
        this.total = sum;
        int buckets = (int) ((rangeEndSec - rangeStartSec + BUCKET_SECONDS - 1) / BUCKET_SECONDS);
        this.bucketFirst = new int[buckets];
        int p = 0;
        for (int k = 0; k < buckets; k++) {
            long bucketStart = rangeStartSec + (long) k * BUCKET_SECONDS;
            while (p < n && ends[p] <= bucketStart) {
                p++;
            }
            bucketFirst[k] = p;
        }
        this.workDayEpochDays = Arrays.copyOf(wd, w);
        this.workDayEnds = Arrays.copyOf(we, w);
    }

    /** A new builder (zone Asia/Novokuznetsk, the Ministry's weekly schedule, no overrides). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The Ministry's calendar: Asia/Novokuznetsk, {@link WeeklySchedule#ministryDefault()} and
     * {@link ProductionCalendars#russia2025to2027()} with 2025–2027 loaded.
     */
    public static WorkingCalendar ministryDefault() {
        return builder()
                .overrides(ProductionCalendars.russia2025to2027())
                .loadedYears(Set.of(2025, 2026, 2027))
                .build();
    }

    // ------------------------------------------------------------------ queries

    /**
     * The instant at which {@code workingMinutes} working minutes have passed since {@code t}.
     * Counting starts at the next working instant if {@code t} is outside working time; a deadline that
     * falls exactly on the end of a working period (lunch start or end of day) is that end, not the next
     * period's start. Zero returns {@code t} unchanged.
     *
     * @throws IllegalArgumentException if {@code workingMinutes} is negative
     */
    public Instant deadline(Instant t, long workingMinutes) {
        if (workingMinutes < 0) {
            throw new IllegalArgumentException("workingMinutes must be >= 0: " + workingMinutes);
        }
        return deadlineSeconds(t, Math.multiplyExact(workingMinutes, 60L));
    }

    /**
     * Same as {@link #deadline} with a duration in working seconds.
     *
     * @throws IllegalArgumentException if {@code workingSeconds} is negative
     */
    public Instant deadlineSeconds(Instant t, long workingSeconds) {
        if (workingSeconds < 0) {
            throw new IllegalArgumentException("workingSeconds must be >= 0: " + workingSeconds);
        }
        if (workingSeconds == 0) {
            return t;
        }
        long x = t.getEpochSecond();
        long n = workingSeconds;
        if (x >= rangeStartSec && x < rangeEndSec) {
            int i = firstPeriodEndingAfter(x);
            long pos = positionAt(x, i);
            if (n <= total - pos) {
                return Instant.ofEpochSecond(locateFrom(i, pos + n));
            }
            return Instant.ofEpochSecond(slowAdvance(rangeEndSec, n - (total - pos), null)[1]);
        }
        if (x < rangeStartSec) {
            long[] r = slowAdvance(x, n, rangeFirst);
            if (r[0] == FOUND) {
                return Instant.ofEpochSecond(r[1]);
            }
            n = r[1];
            if (n <= total) {
                return Instant.ofEpochSecond(locateFrom(0, n));
            }
            return Instant.ofEpochSecond(slowAdvance(rangeEndSec, n - total, null)[1]);
        }
        return Instant.ofEpochSecond(slowAdvance(x, n, null)[1]);
    }

    /** Working minutes in {@code [a, b)}: floor of {@link #workingSeconds} / 60; 0 if {@code b <= a}. */
    public long workingMinutes(Instant a, Instant b) {
        return workingSeconds(a, b) / 60L;
    }

    /** Working seconds in {@code [a, b)} (both truncated to the second); 0 if {@code b <= a}. */
    public long workingSeconds(Instant a, Instant b) {
        long x = a.getEpochSecond();
        long y = b.getEpochSecond();
        if (y <= x) {
            return 0;
        }
        long sum = 0;
        if (x < rangeStartSec) {
            long yy = Math.min(y, rangeStartSec);
            sum += slowSum(x, yy);
            x = yy;
        }
        if (x < y && x < rangeEndSec) {
            long yy = Math.min(y, rangeEndSec);
            sum += position(yy) - position(x);
            x = yy;
        }
        if (x < y) {
            sum += slowSum(x, y);
        }
        return sum;
    }

    /**
     * The end of the {@code n}-th working day after the calendar day of {@code t} (in the calendar's zone),
     * i.e. the end of that day's last working period.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Instant deadlineInWorkingDays(Instant t, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1: " + n);
        }
        long count = n;
        LocalDate d = dateOf(t.getEpochSecond()).plusDays(1);
        while (d.isBefore(rangeFirst)) {
            long[] p = periodsOf(checked(d));
            if (p.length > 0 && --count == 0) {
                return Instant.ofEpochSecond(p[p.length - 1]);
            }
            d = d.plusDays(1);
        }
        if (!d.isAfter(rangeLast)) {
            int k = Arrays.binarySearch(workDayEpochDays, d.toEpochDay());
            if (k < 0) {
                k = -k - 1;
            }
            long idx = k + count - 1;
            if (idx < workDayEnds.length) {
                return Instant.ofEpochSecond(workDayEnds[(int) idx]);
            }
            count -= workDayEnds.length - k;
            d = rangeLast.plusDays(1);
        }
        while (true) {
            long[] p = periodsOf(checked(d));
            if (p.length > 0 && --count == 0) {
                return Instant.ofEpochSecond(p[p.length - 1]);
            }
            d = d.plusDays(1);
        }
    }

    /** Whether {@code t} lies inside a working period {@code [start, end)}. */
    public boolean isWorkingTime(Instant t) {
        long x = t.getEpochSecond();
        if (x >= rangeStartSec && x < rangeEndSec) {
            int i = firstPeriodEndingAfter(x);
            return i < starts.length && starts[i] <= x;
        }
        long[] p = periodsOf(checked(dateOf(x)));
        for (int k = 0; k < p.length; k += 2) {
            if (x >= p[k] && x < p[k + 1]) {
                return true;
            }
        }
        return false;
    }

    /** {@code t} itself if it is working time, otherwise the start of the next working period. */
    public Instant nextWorkingInstant(Instant t) {
        if (isWorkingTime(t)) {
            return t;
        }
        long x = t.getEpochSecond();
        LocalDate d = dateOf(x);
        while (d.isBefore(rangeFirst)) {
            for (long s : startsOf(periodsOf(checked(d)))) {
                if (s > x) {
                    return Instant.ofEpochSecond(s);
                }
            }
            d = d.plusDays(1);
        }
        if (!d.isAfter(rangeLast)) {
            int i = x < rangeStartSec ? 0 : firstPeriodEndingAfter(x); // x is not working: starts[i] > x
            if (i < starts.length) {
                return Instant.ofEpochSecond(starts[i]);
            }
            d = rangeLast.plusDays(1);
        }
        while (true) {
            for (long s : startsOf(periodsOf(checked(d)))) {
                if (s > x) {
                    return Instant.ofEpochSecond(s);
                }
            }
            d = d.plusDays(1);
        }
    }

    /** Whether the date has any working time. */
    public boolean isWorkingDay(LocalDate date) {
        return hoursFor(date) != null;
    }

    /** The working hours of the date, {@code null} on a day off. */
    public WorkingHours hoursOn(LocalDate date) {
        return hoursFor(date);
    }

    /** Whether the production calendar of that year is loaded (otherwise Art. 112 fallback applies). */
    public boolean isYearLoaded(int year) {
        return loadedYears.contains(year);
    }

    /** The loaded years, ascending. */
    public NavigableSet<Integer> loadedYears() {
        return loadedYears;
    }

    /** The years in {@code [fromYear, toYear]} that are NOT loaded and use the Art. 112 fallback, ascending. */
    public NavigableSet<Integer> fallbackYearsBetween(int fromYear, int toYear) {
        TreeSet<Integer> out = new TreeSet<>();
        for (int y = fromYear; y <= toYear; y++) {
            if (!loadedYears.contains(y)) {
                out.add(y);
            }
        }
        return Collections.unmodifiableNavigableSet(out);
    }

    /** The calendar's zone. */
    public ZoneId zone() {
        return zone;
    }

    @Override
    public String toString() {
        return "WorkingCalendar[zone=" + zone + ", loadedYears=" + loadedYears + ", precomputed=" + rangeFirst + ".."
                + rangeLast + ", periods=" + starts.length + "]";
    }

    // ------------------------------------------------------------------ fast path

    /** Index of the first precomputed period whose end is after x (or the period count), x in the range. */
    private int firstPeriodEndingAfter(long x) {
        int i = bucketFirst[(int) ((x - rangeStartSec) / BUCKET_SECONDS)];
        long[] e = ends;
        while (i < e.length && e[i] <= x) {
            i++;
        }
        return i;
    }

    /** Working seconds from rangeStartSec up to x, given i = firstPeriodEndingAfter(x). */
    private long positionAt(long x, int i) {
        if (i < starts.length && starts[i] <= x) {
            return cumEnd[i] - (ends[i] - x);
        }
        return i == 0 ? 0 : cumEnd[i - 1];
    }

    /** Working seconds from rangeStartSec up to x, for x in [rangeStartSec, rangeEndSec]. */
    private long position(long x) {
        if (x >= rangeEndSec) {
            return total;
        }
        return positionAt(x, firstPeriodEndingAfter(x));
    }

    /**
     * The epoch second at which the working position equals target (1 <= target <= total), searching from
     * period index i (all periods before i end at or before target): galloping, then binary search. The
     * smallest period whose cumulative end reaches target wins, so a deadline on a period end is that end.
     */
    private long locateFrom(int i, long target) {
        long[] c = cumEnd;
        int j;
        if (c[i] >= target) {
            j = i;
        } else {
            int lo = i;
            int hi;
            int step = 1;
            while (true) {
                hi = lo + step;
                if (hi >= c.length - 1) {
                    hi = c.length - 1;
                    break;
                }
                if (c[hi] >= target) {
                    break;
                }
                lo = hi;
                step <<= 1;
            }
            j = Arrays.binarySearch(c, lo + 1, hi + 1, target);
            if (j < 0) {
                j = -j - 1;
            }
        }
        return ends[j] - (c[j] - target);
    }

    // ------------------------------------------------------------------ slow path (outside the range)

    private static final long FOUND = 1;

    /**
     * Walks day by day from x. Returns {FOUND, deadline} if n working seconds are consumed before the date
     * {@code stopAt} (exclusive; null = never stop), otherwise {0, remaining seconds}.
     */
    private long[] slowAdvance(long x, long n, LocalDate stopAt) {
        LocalDate d = dateOf(x);
        while (stopAt == null || d.isBefore(stopAt)) {
            long[] p = periodsOf(checked(d));
            for (int k = 0; k < p.length; k += 2) {
                long e = p[k + 1];
                if (e <= x) {
                    continue;
                }
                long from = Math.max(p[k], x);
                long avail = e - from;
                if (n <= avail) {
                    return new long[] {FOUND, from + n};
                }
                n -= avail;
            }
            d = d.plusDays(1);
        }
        return new long[] {0, n};
    }

    /** Working seconds in [x, y) by walking day by day. */
    private long slowSum(long x, long y) {
        long sum = 0;
        LocalDate last = dateOf(y - 1);
        for (LocalDate d = dateOf(x); !d.isAfter(last); d = d.plusDays(1)) {
            long[] p = periodsOf(checked(d));
            for (int k = 0; k < p.length; k += 2) {
                long from = Math.max(p[k], x);
                long to = Math.min(p[k + 1], y);
                if (to > from) {
                    sum += to - from;
                }
            }
        }
        return sum;
    }

    private static long[] startsOf(long[] periods) {
        long[] s = new long[periods.length / 2];
        for (int k = 0; k < s.length; k++) {
            s[k] = periods[2 * k];
        }
        return s;
    }

    private static LocalDate checked(LocalDate d) {
        if (d.isBefore(MIN_DATE) || d.isAfter(MAX_DATE)) {
            throw new DateTimeException("working-time calendar supports years 1..9999, got " + d);
        }
        return d;
    }

    // ------------------------------------------------------------------ day rules

    private LocalDate dateOf(long epochSecond) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), zone);
    }

    private long startOfDay(LocalDate d) {
        return d.atStartOfDay(zone).toEpochSecond();
    }

    private long epochSecond(LocalDate d, LocalTime t) {
        return ZonedDateTime.of(d, t, zone).toEpochSecond();
    }

    /** Working periods of a date as {start1, end1, start2, end2...} epoch seconds. */
    private long[] periodsOf(LocalDate d) {
        WorkingHours h = hoursFor(d);
        if (h == null) {
            return NO_PERIODS;
        }
        if (h.hasLunch()) {
            return new long[] {
                epochSecond(d, h.start()),
                epochSecond(d, h.lunchStart()),
                epochSecond(d, h.lunchEnd()),
                epochSecond(d, h.end())
            };
        }
        return new long[] {epochSecond(d, h.start()), epochSecond(d, h.end())};
    }

    private WorkingHours hoursFor(LocalDate d) {
        if (overrideHours.containsKey(d)) {
            return overrideHours.get(d);
        }
        if (!loadedYears.contains(d.getYear()) && ProductionCalendars.ART_112_HOLIDAYS.contains(MonthDay.from(d))) {
            return null;
        }
        return weekly.hoursOrNull(d.getDayOfWeek());
    }

    private WorkingHours resolve(DayOverride o) {
        WorkingHours own = weekly.hoursOrNull(o.date().getDayOfWeek());
        WorkingHours base = own != null ? own : weekly.transferHours();
        return switch (o.kind()) {
            case DAY_OFF -> null;
            case WORKING -> base;
            case SHORTENED -> base.endingEarlierBy(60);
            case CUSTOM -> o.customHours();
        };
    }

    // ------------------------------------------------------------------ builder

    /** Builder of {@link WorkingCalendar}; not thread-safe. */
    public static final class Builder {
        private ZoneId zone = MinistryTime.ZONE;
        private WeeklySchedule weekly = WeeklySchedule.ministryDefault();
        private final Map<LocalDate, DayOverride> overrides = new HashMap<>();
        private Set<Integer> loadedYears;
        private LocalDate rangeFirst = DEFAULT_FIRST;
        private LocalDate rangeLast = DEFAULT_LAST;

        private Builder() {}

        /** The zone of office hours (default Asia/Novokuznetsk). */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** The weekly office hours (default {@link WeeklySchedule#ministryDefault()}). */
        public Builder weeklySchedule(WeeklySchedule weekly) {
            this.weekly = Objects.requireNonNull(weekly, "weekly");
            return this;
        }

        /**
         * Adds per-date overrides. WORKING and SHORTENED for the same date merge into SHORTENED; identical
         * duplicates are ignored; any other conflict throws {@link IllegalArgumentException}.
         */
        public Builder overrides(Collection<DayOverride> list) {
            for (DayOverride o : list) {
                override(o);
            }
            return this;
        }

        /** Adds one per-date override (see {@link #overrides}). */
        public Builder override(DayOverride o) {
            Objects.requireNonNull(o, "override");
            DayOverride prev = overrides.get(o.date());
            if (prev == null || prev.equals(o)) {
                overrides.put(o.date(), o);
            } else if (isWorkingShortenedPair(prev.kind(), o.kind())) {
                overrides.put(o.date(), DayOverride.shortened(o.date()));
            } else {
                throw new IllegalArgumentException("conflicting overrides for " + o.date() + ": " + prev + " vs " + o);
            }
            return this;
        }

        private static boolean isWorkingShortenedPair(DayKind a, DayKind b) {
            return (a == DayKind.WORKING && b == DayKind.SHORTENED) || (a == DayKind.SHORTENED && b == DayKind.WORKING);
        }

        /**
         * The years whose production calendar is loaded. If never called, the years that have at least one
         * override count as loaded.
         */
        public Builder loadedYears(Collection<Integer> years) {
            this.loadedYears = Set.copyOf(years);
            return this;
        }

        /**
         * The inclusive date range precomputed for fast queries (default 2000-01-01..2100-12-31). Queries
         * outside it are still correct, only slower.
         */
        public Builder precomputedRange(LocalDate first, LocalDate last) {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("empty range " + first + ".." + last);
            }
            this.rangeFirst = checked(first);
            this.rangeLast = checked(last);
            return this;
        }

        /** Builds the immutable calendar. */
        public WorkingCalendar build() {
            return new WorkingCalendar(this);
        }
    }
}
