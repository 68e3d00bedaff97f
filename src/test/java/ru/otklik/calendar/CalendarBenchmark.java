package ru.otklik.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: {@link WorkingCalendar#deadline} (binary search over precomputed periods) against a naive
 * minute-by-minute stepping with {@link WorkingCalendar#isWorkingTime}, for 10 min, 6 h and 7 working days.
 * Run (see docs/PERFORMANCE.md):
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.openjdk.jmh.Main
 * -Dexec.args="CalendarBenchmark -f 1 -wi 2 -i 3 -w 1s -r 2s -t 1"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CalendarBenchmark {

    static final long TEN_MINUTES = 10;
    static final long SIX_HOURS = 360;
    static final long SEVEN_WORKING_DAYS = 7 * 480; // 3,360 working minutes

    private static final int SIZE = 1024; // power of two for index masking

    private WorkingCalendar calendar;
    private Instant[] starts;
    private int i;

    @Setup
    public void setUp() {
        calendar = WorkingCalendar.ministryDefault();
        starts = new Instant[SIZE];
        Random r = new Random(1234L);
        LocalDate from = LocalDate.of(2025, 1, 1);
        for (int k = 0; k < SIZE; k++) {
            LocalDate day = from.plusDays(r.nextInt(3 * 365));
            // minute-aligned so that the naive per-minute stepping is exact
            starts[k] = day.atStartOfDay(calendar.zone()).toInstant().plusSeconds(60L * r.nextInt(1440));
        }
    }

    private Instant next() {
        return starts[i++ & (SIZE - 1)];
    }

    /** Naive reference: step one minute at a time, counting the minutes that start in working time. */
    static Instant naiveDeadline(WorkingCalendar cal, Instant t, long minutes) {
        if (minutes == 0) {
            return t;
        }
        Instant x = t;
        long remaining = minutes;
        while (true) {
            boolean working = cal.isWorkingTime(x);
            x = x.plusSeconds(60);
            if (working && --remaining == 0) {
                return x;
            }
        }
    }

    @Benchmark
    public Instant deadline10Minutes() {
        return calendar.deadline(next(), TEN_MINUTES);
    }

    @Benchmark
    public Instant deadline6Hours() {
        return calendar.deadline(next(), SIX_HOURS);
    }

    @Benchmark
    public Instant deadline7WorkingDays() {
        return calendar.deadline(next(), SEVEN_WORKING_DAYS);
    }

    @Benchmark
    public Instant naive10Minutes() {
        return naiveDeadline(calendar, next(), TEN_MINUTES);
    }

    @Benchmark
    public Instant naive6Hours() {
        return naiveDeadline(calendar, next(), SIX_HOURS);
    }

    @Benchmark
    public Instant naive7WorkingDays() {
        return naiveDeadline(calendar, next(), SEVEN_WORKING_DAYS);
    }
}
