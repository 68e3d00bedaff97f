package ru.otklik.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProductionCalendarYearsTest {

    private static final WorkingCalendar CAL = WorkingCalendar.ministryDefault();

    private static Instant newYear(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(MinistryTime.ZONE).toInstant();
    }

    private static int workingDays(WorkingCalendar cal, int year) {
        int n = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (cal.isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026, 2027})
    void loadedYearHas247WorkingDays(int year) {
        assertThat(workingDays(CAL, year)).isEqualTo(247);
    }

    /**
     * The official norm of 1,972 h (118,320 min) is 247 days × 8 h minus 1 h per shortened day, i.e. it
     * assumes 8-hour days. Checked here from the calendar's own days and shortenings.
     */
    @ParameterizedTest
    @ValueSource(ints = {2025, 2026, 2027})
    void productionCalendarNormIs1972HoursFor40HourWeek(int year) {
        WeeklySchedule weekly = WeeklySchedule.ministryDefault();
        long normMinutes = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            WorkingHours h = CAL.hoursOn(d);
            if (h == null) {
                continue;
            }
            LocalTime baseEnd = weekly.hours(d.getDayOfWeek())
                    .orElseGet(() -> weekly.hours(DayOfWeek.MONDAY).orElseThrow())
                    .end();
            normMinutes += 480 - (h.end().isBefore(baseEnd) ? 60 : 0);
        }
        assertThat(normMinutes).isEqualTo(118_320);
    }

    /**
     * The Ministry's actual schedule (Mon–Thu 8.2 h, Fri 7.2 h) is 40 h/week, but over a year the total depends
     * on how many Fridays work: 2025 and 2026 have 48 working Fridays (1,973.4 h), 2027 has 49 (1,972.4 h).
     * Independently recomputed by {@link IndependentOracle}.
     */
    static Stream<Arguments> actualYearTotals() {
        return Stream.of(Arguments.of(2025, 118_404), Arguments.of(2026, 118_404), Arguments.of(2027, 118_344));
    }

    @ParameterizedTest
    @MethodSource("actualYearTotals")
    void loadedYearWorkingMinutesFollowTheMinistrySchedule(int year, long minutes) {
        assertThat(CAL.workingMinutes(newYear(year), newYear(year + 1))).isEqualTo(minutes);
        IndependentOracle oracle = new IndependentOracle();
        assertThat(oracle.workingSecondsByPeriods(
                        newYear(year).getEpochSecond(), newYear(year + 1).getEpochSecond()))
                .isEqualTo(minutes * 60);
    }

    @Test
    void shippedDataHasFourShortenedDaysPerYearAndTwoWorkingSaturdays() {
        List<DayOverride> data = ProductionCalendars.russia2025to2027();
        for (int y = 2025; y <= 2027; y++) {
            int year = y;
            assertThat(data.stream().filter(o -> o.date().getYear() == year && o.kind() == DayKind.SHORTENED))
                    .hasSize(4);
        }
        assertThat(CAL.isWorkingDay(LocalDate.of(2025, 11, 1))).isTrue();
        assertThat(CAL.isWorkingDay(LocalDate.of(2027, 2, 20))).isTrue();
        assertThat(CAL.isWorkingDay(LocalDate.of(2026, 11, 7))).isFalse();
    }

    @Test
    void yearsOutsideTheLoadedOnesAreReportedAsFallback() {
        assertThat(CAL.loadedYears()).containsExactly(2025, 2026, 2027);
        assertThat(CAL.isYearLoaded(2026)).isTrue();
        assertThat(CAL.isYearLoaded(2030)).isFalse();
        assertThat(CAL.fallbackYearsBetween(2024, 2029)).containsExactly(2024, 2028, 2029);
    }

    @Test
    void loadedYearsDefaultToYearsThatHaveOverrides() {
        WorkingCalendar cal = WorkingCalendar.builder()
                .overrides(ProductionCalendars.russia2025to2027())
                .build();
        assertThat(cal.loadedYears()).containsExactly(2025, 2026, 2027);
    }

    @Test
    void fallbackYearTakesArticle112HolidaysOffOnWeekdays() {
        // 2030: Jan 1 is a Tuesday
        List<LocalDate> holidays = List.of(
                LocalDate.of(2030, 1, 1),
                LocalDate.of(2030, 1, 2),
                LocalDate.of(2030, 1, 3),
                LocalDate.of(2030, 1, 4),
                LocalDate.of(2030, 1, 7),
                LocalDate.of(2030, 1, 8),
                LocalDate.of(2030, 2, 23),
                LocalDate.of(2030, 3, 8),
                LocalDate.of(2030, 5, 1),
                LocalDate.of(2030, 5, 9),
                LocalDate.of(2030, 6, 12),
                LocalDate.of(2030, 11, 4));
        for (LocalDate d : holidays) {
            if (d.getDayOfWeek().getValue() <= 5) {
                assertThat(CAL.isWorkingDay(d)).as(d.toString()).isFalse();
            }
        }
        assertThat(CAL.isWorkingDay(LocalDate.of(2030, 1, 9))).isTrue();
        assertThat(CAL.isWorkingDay(LocalDate.of(2030, 2, 22))).isTrue();
        assertThat(CAL.isWorkingDay(LocalDate.of(2030, 3, 7)))
                .as("no shortened days, no transfers")
                .isTrue();
        assertThat(CAL.hoursOn(LocalDate.of(2030, 3, 7)).end()).isEqualTo(LocalTime.of(17, 30));
        assertThat(CAL.isYearLoaded(2030)).isFalse();
        // 261 weekdays in 2030 minus 11 holidays on weekdays (Jan 5, 6 and Feb 23 fall on weekends)
        assertThat(workingDays(CAL, 2030)).isEqualTo(261 - 11);
    }

    @Test
    void fallbackAppliesOnlyToYearsNotLoaded() {
        // 2026-03-08 is a Sunday, the official transfer is Monday 9 March, which the loaded data has;
        // 2027-05-09 is Sunday, transferred to 10 May.
        assertThat(CAL.isWorkingDay(LocalDate.of(2026, 3, 9))).isFalse();
        assertThat(CAL.isWorkingDay(LocalDate.of(2027, 5, 10))).isFalse();
        // Jan 2 2026 is a holiday (Art. 112) but Jan 2 2025 in a calendar built with 2025 loaded and no data is working
        WorkingCalendar empty2025 =
                WorkingCalendar.builder().loadedYears(List.of(2025)).build();
        assertThat(empty2025.isWorkingDay(LocalDate.of(2025, 1, 2))).isTrue();
        assertThat(empty2025.isWorkingDay(LocalDate.of(2026, 1, 2))).isFalse();
    }
}
