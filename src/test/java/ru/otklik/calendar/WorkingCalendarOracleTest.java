package ru.otklik.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares the precomputed calendar with {@link IndependentOracle} on seeded random inputs, for the default
 * precomputed range and for a narrow range (so most queries run through the out-of-range path).
 */
class WorkingCalendarOracleTest {

    private static final WorkingCalendar DEFAULT = WorkingCalendar.ministryDefault();
    private static final WorkingCalendar NARROW = WorkingCalendar.builder()
            .overrides(ProductionCalendars.russia2025to2027())
            .loadedYears(List.of(2025, 2026, 2027))
            .precomputedRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 9, 30))
            .build();

    private static final LocalDate FROM = LocalDate.of(2024, 12, 1);
    private static final int DAYS = (int) (LocalDate.of(2028, 1, 31).toEpochDay() - FROM.toEpochDay());
    private static final List<LocalDate> SPECIAL = List.of(
            LocalDate.of(2027, 2, 20),
            LocalDate.of(2027, 2, 19),
            LocalDate.of(2025, 11, 1),
            LocalDate.of(2026, 12, 31),
            LocalDate.of(2026, 12, 30),
            LocalDate.of(2027, 1, 1),
            LocalDate.of(2027, 1, 10),
            LocalDate.of(2026, 4, 30),
            LocalDate.of(2026, 5, 8),
            LocalDate.of(2026, 6, 11),
            LocalDate.of(2026, 11, 3),
            LocalDate.of(2025, 3, 7),
            LocalDate.of(2026, 12, 5),
            LocalDate.of(2026, 12, 6),
            LocalDate.of(2026, 2, 28),
            LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 9, 30),
            LocalDate.of(2026, 10, 1),
            LocalDate.of(2027, 12, 31));
    private static final int[] BOUNDARIES = {
        8 * 3600 + 1800, 12 * 3600, 12 * 3600 + 48 * 60, 15 * 3600 + 1800, 16 * 3600 + 1800, 17 * 3600 + 1800, 0
    };

    private final IndependentOracle oracle = new IndependentOracle();

    static Stream<Arguments> calendars() {
        return Stream.of(Arguments.of("default range", DEFAULT), Arguments.of("narrow range", NARROW));
    }

    static long randomInstant(Random r) {
        LocalDate day = r.nextInt(4) == 0 ? SPECIAL.get(r.nextInt(SPECIAL.size())) : FROM.plusDays(r.nextInt(DAYS));
        int sod = switch (r.nextInt(5)) {
            case 0, 1 -> r.nextInt(86400);
            case 2 -> Math.floorMod(BOUNDARIES[r.nextInt(BOUNDARIES.length)] + r.nextInt(3) - 1, 86400);
            case 3 -> 60 * r.nextInt(1440);
            default -> 12 * 3600 + r.nextInt(48 * 60);
        };
        return IndependentOracle.dayStart(day.toEpochDay()) + sod;
    }

    static long randomWorkingSeconds(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextInt(601);
            case 1 -> 60L * r.nextInt(601);
            case 2 -> 60L * r.nextInt(30 * 492 + 1);
            default -> r.nextInt(30 * 29_520 + 1);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void deadlineAndWorkingSecondsMatchPeriodWalkingOracle(String name, WorkingCalendar cal) {
        Random r = new Random(20261204L);
        for (int i = 0; i < 3000; i++) {
            long t = randomInstant(r);
            long n = randomWorkingSeconds(r);
            long expected = oracle.deadlineByPeriods(t, n);
            Instant due = cal.deadlineSeconds(Instant.ofEpochSecond(t), n);
            assertThat(due.getEpochSecond())
                    .as("case %d: t=%s n=%ds", i, Instant.ofEpochSecond(t), n)
                    .isEqualTo(expected);
            if (n % 60 == 0) {
                assertThat(cal.deadline(Instant.ofEpochSecond(t), n / 60)).isEqualTo(due);
            }
            assertThat(cal.workingSeconds(Instant.ofEpochSecond(t), due))
                    .as("case %d", i)
                    .isEqualTo(n);

            long b = t + r.nextInt(30 * 86400 + 1) - (r.nextInt(10) == 0 ? 86400 : 0);
            long expectedSeconds = b <= t ? 0 : oracle.workingSecondsByPeriods(t, b);
            assertThat(cal.workingSeconds(Instant.ofEpochSecond(t), Instant.ofEpochSecond(b)))
                    .as("case %d: [%s, %s)", i, Instant.ofEpochSecond(t), Instant.ofEpochSecond(b))
                    .isEqualTo(expectedSeconds);
            assertThat(cal.workingMinutes(Instant.ofEpochSecond(t), Instant.ofEpochSecond(b)))
                    .isEqualTo(expectedSeconds / 60);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void shortSpansMatchSecondBySecondOracle(String name, WorkingCalendar cal) {
        Random r = new Random(7L);
        for (int i = 0; i < 300; i++) {
            long t = randomInstant(r);
            long n = r.nextInt(7201);
            assertThat(cal.deadlineSeconds(Instant.ofEpochSecond(t), n).getEpochSecond())
                    .as("case %d: t=%s n=%ds", i, Instant.ofEpochSecond(t), n)
                    .isEqualTo(oracle.deadlineBySeconds(t, n));
            long b = t + r.nextInt(2 * 86400);
            assertThat(cal.workingSeconds(Instant.ofEpochSecond(t), Instant.ofEpochSecond(b)))
                    .isEqualTo(oracle.workingSecondsBySeconds(t, b));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void isWorkingTimeAndNextWorkingInstantMatchOracle(String name, WorkingCalendar cal) {
        Random r = new Random(42L);
        for (int i = 0; i < 1500; i++) {
            long t = randomInstant(r);
            Instant ti = Instant.ofEpochSecond(t);
            assertThat(cal.isWorkingTime(ti)).as("t=%s", ti).isEqualTo(oracle.isWorking(t));
            assertThat(cal.nextWorkingInstant(ti).getEpochSecond())
                    .as("t=%s", ti)
                    .isEqualTo(oracle.nextWorking(t));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void deadlineInWorkingDaysMatchesOracle(String name, WorkingCalendar cal) {
        Random r = new Random(99L);
        for (int i = 0; i < 2000; i++) {
            long t = randomInstant(r);
            int n = 1 + r.nextInt(30);
            assertThat(cal.deadlineInWorkingDays(Instant.ofEpochSecond(t), n).getEpochSecond())
                    .as("t=%s n=%d", Instant.ofEpochSecond(t), n)
                    .isEqualTo(oracle.endOfNthWorkingDayAfter(t, n));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calendars")
    void workingDaysMatchOracle(String name, WorkingCalendar cal) {
        for (LocalDate d = FROM; d.isBefore(FROM.plusDays(DAYS)); d = d.plusDays(1)) {
            assertThat(cal.isWorkingDay(d)).as(d.toString()).isEqualTo(oracle.isWorkingDay(d));
        }
    }

    @Test
    void queriesCrossingTheEndOfTheDefaultPrecomputedRangeMatchOracle() {
        Random r = new Random(2100L);
        long base = IndependentOracle.dayStart(LocalDate.of(2100, 12, 1).toEpochDay());
        for (int i = 0; i < 300; i++) {
            long t = base + r.nextInt(60 * 86400);
            long n = randomWorkingSeconds(r);
            Instant ti = Instant.ofEpochSecond(t);
            assertThat(DEFAULT.deadlineSeconds(ti, n).getEpochSecond())
                    .as("t=%s n=%d", ti, n)
                    .isEqualTo(oracle.deadlineByPeriods(t, n));
            long b = t + r.nextInt(30 * 86400);
            assertThat(DEFAULT.workingSeconds(ti, Instant.ofEpochSecond(b)))
                    .isEqualTo(oracle.workingSecondsByPeriods(t, b));
            assertThat(DEFAULT.isWorkingTime(ti)).isEqualTo(oracle.isWorking(t));
            assertThat(DEFAULT.nextWorkingInstant(ti).getEpochSecond()).isEqualTo(oracle.nextWorking(t));
            int days = 1 + r.nextInt(30);
            assertThat(DEFAULT.deadlineInWorkingDays(ti, days).getEpochSecond())
                    .isEqualTo(oracle.endOfNthWorkingDayAfter(t, days));
        }
    }

    @Test
    void narrowAndDefaultRangesAgreeOnLongSpans() {
        Random r = new Random(5L);
        for (int i = 0; i < 500; i++) {
            Instant t = Instant.ofEpochSecond(randomInstant(r));
            long n = 60L * r.nextInt(200 * 492);
            assertThat(NARROW.deadlineSeconds(t, n)).isEqualTo(DEFAULT.deadlineSeconds(t, n));
            Instant b = t.plusSeconds(r.nextInt(400 * 86400));
            assertThat(NARROW.workingSeconds(t, b)).isEqualTo(DEFAULT.workingSeconds(t, b));
        }
    }

    @Test
    void precomputedAndDayByDayPathsAgreeInAZoneWithDaylightSaving() {
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        WorkingCalendar wide = WorkingCalendar.builder().zone(berlin).build();
        WorkingCalendar narrow = WorkingCalendar.builder()
                .zone(berlin)
                .precomputedRange(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 4, 5))
                .build();
        Random r = new Random(11L);
        long base = LocalDate.of(2026, 3, 1).atStartOfDay(berlin).toEpochSecond();
        for (int i = 0; i < 1000; i++) {
            Instant t = Instant.ofEpochSecond(base + r.nextInt(250 * 86400));
            long n = randomWorkingSeconds(r);
            assertThat(narrow.deadlineSeconds(t, n)).as("t=%s n=%d", t, n).isEqualTo(wide.deadlineSeconds(t, n));
            Instant b = t.plusSeconds(r.nextInt(40 * 86400));
            assertThat(narrow.workingSeconds(t, b)).isEqualTo(wide.workingSeconds(t, b));
            assertThat(narrow.isWorkingTime(t)).isEqualTo(wide.isWorkingTime(t));
            assertThat(narrow.nextWorkingInstant(t)).isEqualTo(wide.nextWorkingInstant(t));
        }
        // 2026-03-29 is the spring-forward Sunday; Monday 30 March still opens at 08:30 local time
        assertThat(wide.nextWorkingInstant(
                        LocalDate.of(2026, 3, 28).atStartOfDay(berlin).toInstant()))
                .isEqualTo(java.time.ZonedDateTime.of(2026, 3, 30, 8, 30, 0, 0, berlin)
                        .toInstant());
    }
}
