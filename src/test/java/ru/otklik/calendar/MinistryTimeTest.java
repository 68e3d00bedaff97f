package ru.otklik.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The Ministry's time: UTC+7 in Novokuznetsk, shown as the Ministry reads it.
 */
class MinistryTimeTest {

    private static final Instant MORNING_UTC = Instant.parse("2026-12-01T03:05:09Z");

    @Test
    void theZoneIsNovokuznetsk() {
        assertThat(MinistryTime.ZONE)
                .isEqualTo(ZoneId.of(MinistryTime.ZONE_ID))
                .isEqualTo(ZoneId.of("Asia/Novokuznetsk"));
    }

    @Test
    void momentsAndDaysAreShownInTheMinistrysZone() {
        assertThat(MinistryTime.format(MORNING_UTC)).isEqualTo("01.12.2026 10:05");
        assertThat(MinistryTime.formatWithSeconds(MORNING_UTC)).isEqualTo("01.12.2026 10:05:09");
        assertThat(MinistryTime.format(LocalDate.of(2026, 3, 8))).isEqualTo("08.03.2026");
        assertThat(MinistryTime.format((Instant) null)).isEmpty();
        assertThat(MinistryTime.format((LocalDate) null)).isEmpty();
    }

    @Test
    void localTimesAndDaysConvertThroughTheZone() {
        LocalDateTime local = LocalDateTime.of(2026, 12, 1, 10, 5, 9);
        assertThat(MinistryTime.toLocal(MORNING_UTC)).isEqualTo(local);
        assertThat(MinistryTime.toInstant(local)).isEqualTo(MORNING_UTC);
        // 23:30 UTC is already the next morning in Novokuznetsk
        assertThat(MinistryTime.date(Instant.parse("2026-11-30T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(MinistryTime.startOf(LocalDate.of(2026, 12, 1))).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
        assertThat(MinistryTime.toInstant(null)).isNull();
        assertThat(MinistryTime.toLocal(null)).isNull();
    }
}
