package ru.otklik.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingCalendarSpecExamplesTest {

    private static final WorkingCalendar CAL = WorkingCalendar.ministryDefault();

    static Instant at(int y, int mo, int d, int h, int mi) {
        return at(y, mo, d, h, mi, 0);
    }

    static Instant at(int y, int mo, int d, int h, int mi, int s) {
        return ZonedDateTime.of(y, mo, d, h, mi, s, 0, MinistryTime.ZONE).toInstant();
    }

    @Test
    void routeReceivedLateFridayIsDueMondayMorning() {
        assertThat(CAL.deadline(at(2026, 12, 4, 16, 25), 10)).isEqualTo(at(2026, 12, 7, 8, 35));
    }

    @Test
    void deadlineEndingExactlyAtCloseIsTheCloseNotNextOpening() {
        assertThat(CAL.deadline(at(2026, 12, 4, 16, 20), 10)).isEqualTo(at(2026, 12, 4, 16, 30));
    }

    @Test
    void deadlineEndingExactlyAtLunchIsLunchStart() {
        assertThat(CAL.deadline(at(2026, 12, 7, 11, 55), 5)).isEqualTo(at(2026, 12, 7, 12, 0));
        assertThat(CAL.deadline(at(2026, 12, 7, 11, 55), 6)).isEqualTo(at(2026, 12, 7, 12, 49));
    }

    @Test
    void zeroMinutesReturnsTheInputEvenOutsideWorkingTime() {
        Instant sundayNight = at(2026, 12, 6, 23, 59, 59).plusNanos(123_456_789);
        assertThat(CAL.deadline(sundayNight, 0)).isEqualTo(sundayNight);
        assertThat(CAL.deadlineSeconds(sundayNight, 0)).isEqualTo(sundayNight);
        Instant lunch = at(2026, 12, 7, 12, 10);
        assertThat(CAL.deadline(lunch, 0)).isEqualTo(lunch);
    }

    @Test
    void secondsAreCounted() {
        assertThat(CAL.deadline(at(2026, 12, 7, 8, 30, 30), 1)).isEqualTo(at(2026, 12, 7, 8, 31, 30));
        assertThat(CAL.deadlineSeconds(at(2026, 12, 7, 11, 59, 50), 15)).isEqualTo(at(2026, 12, 7, 12, 48, 5));
        assertThat(CAL.workingSeconds(at(2026, 12, 7, 11, 59, 50), at(2026, 12, 7, 12, 48, 5)))
                .isEqualTo(15);
    }

    @Test
    void subSecondPartOfInputsIsTruncated() {
        Instant t = at(2026, 12, 7, 8, 30, 30).plusMillis(999);
        assertThat(CAL.deadline(t, 1)).isEqualTo(at(2026, 12, 7, 8, 31, 30));
        assertThat(CAL.workingSeconds(t, at(2026, 12, 7, 8, 31, 30).plusMillis(500)))
                .isEqualTo(60);
    }

    @Test
    void countingStartsAtNextOpeningWhenReceivedOutsideWorkingTime() {
        assertThat(CAL.deadline(at(2026, 12, 7, 6, 0), 10)).isEqualTo(at(2026, 12, 7, 8, 40));
        assertThat(CAL.deadline(at(2026, 12, 7, 12, 20), 10)).isEqualTo(at(2026, 12, 7, 12, 58));
        assertThat(CAL.deadline(at(2026, 12, 5, 10, 0), 10)).isEqualTo(at(2026, 12, 7, 8, 40));
    }

    @Test
    void sixWorkingHoursSpanLunchAndNight() {
        // Mon 2026-12-07 14:00: 3h30m until 17:30, then 2h30m on Tue: 08:30..11:00
        assertThat(CAL.deadline(at(2026, 12, 7, 14, 0), 360)).isEqualTo(at(2026, 12, 8, 11, 0));
    }

    @Test
    void workingMinutesIsFloorOfWorkingSecondsOverSixty() {
        assertThat(CAL.workingMinutes(at(2026, 12, 7, 8, 30, 0), at(2026, 12, 7, 8, 31, 59)))
                .isEqualTo(1);
        assertThat(CAL.workingMinutes(at(2026, 12, 7, 8, 0), at(2026, 12, 7, 18, 0)))
                .isEqualTo(492);
        assertThat(CAL.workingMinutes(at(2026, 12, 7, 9, 0), at(2026, 12, 7, 8, 0)))
                .isZero();
        assertThat(CAL.workingMinutes(at(2026, 12, 4, 16, 25), at(2026, 12, 7, 8, 35)))
                .isEqualTo(10);
    }

    @Test
    void periodsAreHalfOpen() {
        assertThat(CAL.isWorkingTime(at(2026, 12, 7, 8, 30))).isTrue();
        assertThat(CAL.isWorkingTime(at(2026, 12, 7, 8, 29, 59))).isFalse();
        assertThat(CAL.isWorkingTime(at(2026, 12, 7, 12, 0))).isFalse();
        assertThat(CAL.isWorkingTime(at(2026, 12, 7, 11, 59, 59))).isTrue();
        assertThat(CAL.isWorkingTime(at(2026, 12, 7, 12, 48))).isTrue();
        assertThat(CAL.isWorkingTime(at(2026, 12, 7, 17, 30))).isFalse();
        assertThat(CAL.isWorkingTime(at(2026, 12, 4, 16, 30))).isFalse();
        assertThat(CAL.isWorkingTime(at(2026, 12, 4, 16, 29, 59))).isTrue();
    }

    @Test
    void nextWorkingInstantIsTheInputWhenWorkingElseNextOpening() {
        Instant working = at(2026, 12, 7, 9, 0).plusMillis(250);
        assertThat(CAL.nextWorkingInstant(working)).isEqualTo(working);
        assertThat(CAL.nextWorkingInstant(at(2026, 12, 7, 12, 0))).isEqualTo(at(2026, 12, 7, 12, 48));
        assertThat(CAL.nextWorkingInstant(at(2026, 12, 4, 16, 30))).isEqualTo(at(2026, 12, 7, 8, 30));
        assertThat(CAL.nextWorkingInstant(at(2026, 12, 31, 9, 0))).isEqualTo(at(2027, 1, 11, 8, 30));
    }

    @Test
    void finalAnswerDueAtEndOfSeventhWorkingDay() {
        assertThat(CAL.deadlineInWorkingDays(at(2026, 12, 7, 10, 0), 7)).isEqualTo(at(2026, 12, 16, 17, 30));
        // the time of day does not matter, only the calendar day in the zone
        assertThat(CAL.deadlineInWorkingDays(at(2026, 12, 7, 0, 0), 7)).isEqualTo(at(2026, 12, 16, 17, 30));
        assertThat(CAL.deadlineInWorkingDays(at(2026, 12, 7, 23, 59, 59), 7)).isEqualTo(at(2026, 12, 16, 17, 30));
        // sent on a Sunday: Mon 7 .. Tue 15
        assertThat(CAL.deadlineInWorkingDays(at(2026, 12, 6, 12, 0), 7)).isEqualTo(at(2026, 12, 15, 17, 30));
    }

    @Test
    void workingDayDeadlineSkipsNewYearHolidays() {
        // Mon 2026-12-28: 29, 30 (Dec 31 off), Jan 1-10 off, then Mon Jan 11 .. so 3rd is 2027-01-11
        assertThat(CAL.deadlineInWorkingDays(at(2026, 12, 28, 9, 0), 1)).isEqualTo(at(2026, 12, 29, 17, 30));
        assertThat(CAL.deadlineInWorkingDays(at(2026, 12, 28, 9, 0), 3)).isEqualTo(at(2027, 1, 11, 17, 30));
        // Friday end and shortened day end
        assertThat(CAL.deadlineInWorkingDays(at(2027, 1, 11, 9, 0), 4)).isEqualTo(at(2027, 1, 15, 16, 30));
        assertThat(CAL.deadlineInWorkingDays(at(2026, 11, 2, 9, 0), 1)).isEqualTo(at(2026, 11, 3, 16, 30));
        // transferred shortened Saturday 2027-02-20, then Feb 22-23 off
        assertThat(CAL.deadlineInWorkingDays(at(2027, 2, 19, 9, 0), 1)).isEqualTo(at(2027, 2, 20, 16, 30));
        assertThat(CAL.deadlineInWorkingDays(at(2027, 2, 19, 9, 0), 2)).isEqualTo(at(2027, 2, 24, 17, 30));
    }

    @Test
    void shortenedThursdayEndsAt1630AndShortenedFridayAt1530() {
        // 2026-06-11 is a Thursday, 2026-05-08 a Friday
        assertThat(CAL.deadline(at(2026, 6, 11, 16, 20), 10)).isEqualTo(at(2026, 6, 11, 16, 30));
        assertThat(CAL.deadline(at(2026, 6, 11, 16, 20), 11)).isEqualTo(at(2026, 6, 15, 8, 31));
        assertThat(CAL.deadline(at(2026, 5, 8, 15, 20), 10)).isEqualTo(at(2026, 5, 8, 15, 30));
        assertThat(CAL.isWorkingTime(at(2026, 5, 8, 15, 30))).isFalse();
    }

    @Test
    void transferredShortenedSaturdayWorksMondayHoursMinusOne() {
        assertThat(CAL.hoursOn(LocalDate.of(2027, 2, 20)))
                .isEqualTo(WorkingHours.of(
                        LocalTime.of(8, 30), LocalTime.of(16, 30), LocalTime.of(12, 0), LocalTime.of(12, 48)));
        assertThat(CAL.deadline(at(2027, 2, 19, 16, 25), 10)).isEqualTo(at(2027, 2, 20, 8, 35));
        assertThat(CAL.workingMinutes(at(2025, 11, 1, 0, 0), at(2025, 11, 2, 0, 0)))
                .isEqualTo(432);
    }

    @Test
    void transferredWorkingSaturdayWithoutShorteningWorksFullMondayHours() {
        WorkingCalendar cal = WorkingCalendar.builder()
                .override(DayOverride.working(LocalDate.of(2026, 12, 5)))
                .build();
        assertThat(cal.workingMinutes(at(2026, 12, 5, 0, 0), at(2026, 12, 6, 0, 0)))
                .isEqualTo(492);
        assertThat(cal.deadline(at(2026, 12, 4, 16, 25), 10)).isEqualTo(at(2026, 12, 5, 8, 35));
    }

    @Test
    void customDayUsesExplicitHoursWithOrWithoutLunch() {
        LocalDate day = LocalDate.of(2026, 12, 8);
        WorkingCalendar noLunch = WorkingCalendar.builder()
                .override(DayOverride.custom(day, LocalTime.of(10, 0), LocalTime.of(14, 0), null, null))
                .build();
        assertThat(noLunch.workingMinutes(at(2026, 12, 8, 0, 0), at(2026, 12, 9, 0, 0)))
                .isEqualTo(240);
        assertThat(noLunch.isWorkingTime(at(2026, 12, 8, 12, 30))).isTrue();
        WorkingCalendar withLunch = WorkingCalendar.builder()
                .override(DayOverride.custom(
                        day, LocalTime.of(9, 0), LocalTime.of(15, 0), LocalTime.of(13, 0), LocalTime.of(14, 0)))
                .build();
        assertThat(withLunch.deadline(at(2026, 12, 8, 12, 50), 20)).isEqualTo(at(2026, 12, 8, 14, 10));
    }

    @Test
    void workingAndShortenedForTheSameDateMergeButOtherConflictsAreRejected() {
        LocalDate sat = LocalDate.of(2025, 11, 1);
        WorkingCalendar cal = WorkingCalendar.builder()
                .overrides(List.of(DayOverride.working(sat), DayOverride.shortened(sat)))
                .build();
        assertThat(cal.hoursOn(sat).end()).isEqualTo(LocalTime.of(16, 30));
        assertThatThrownBy(() ->
                        WorkingCalendar.builder().overrides(List.of(DayOverride.dayOff(sat), DayOverride.working(sat))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatThrownBy(() -> CAL.deadline(at(2026, 12, 7, 9, 0), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CAL.deadlineSeconds(at(2026, 12, 7, 9, 0), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CAL.deadlineInWorkingDays(at(2026, 12, 7, 9, 0), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DayOverride.custom(
                        LocalDate.of(2026, 1, 1), LocalTime.of(12, 0), LocalTime.of(9, 0), null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingHours.of(LocalTime.of(9, 0), LocalTime.of(17, 0), LocalTime.of(12, 0), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
