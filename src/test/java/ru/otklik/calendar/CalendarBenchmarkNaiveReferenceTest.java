package ru.otklik.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The benchmark's naive stepping must compute the same deadlines, or the comparison would be meaningless. */
class CalendarBenchmarkNaiveReferenceTest {

    @Test
    void naiveMinuteSteppingAgreesWithDeadlineOnMinuteAlignedStarts() {
        WorkingCalendar cal = WorkingCalendar.ministryDefault();
        Random r = new Random(3L);
        for (int k = 0; k < 200; k++) {
            Instant t = LocalDate.of(2025, 1, 1)
                    .plusDays(r.nextInt(3 * 365))
                    .atStartOfDay(cal.zone())
                    .toInstant()
                    .plusSeconds(60L * r.nextInt(1440));
            for (long n : new long[] {
                0, 1, CalendarBenchmark.TEN_MINUTES, CalendarBenchmark.SIX_HOURS, CalendarBenchmark.SEVEN_WORKING_DAYS
            }) {
                assertThat(CalendarBenchmark.naiveDeadline(cal, t, n))
                        .as("t=%s n=%d", t, n)
                        .isEqualTo(cal.deadline(t, n));
            }
        }
    }
}
