package ru.otklik.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * The Ministry's time (время министерства): its zone, Asia/Novokuznetsk (UTC+7, no DST), and the way its people
 * read and type a moment. The one place for both: Java code converts here, pages format through the web module's
 * {@code @ministryTime} bean and forms bind through its formatter, both of which call this class.
 */
public final class MinistryTime {

    /** The zone's id, for annotations that need a constant ({@code @Scheduled(zone = ...)}). */
    public static final String ZONE_ID = "Asia/Novokuznetsk";
    /** The Ministry's zone. */
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    /** How a page shows a moment: {@code 01.12.2026 10:00}. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    /** How a page shows a moment to the second (the audit log): {@code 01.12.2026 10:00:05}. */
    public static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
    /** How a page shows a day: {@code 01.12.2026}. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    /** What an {@code <input type="datetime-local">} sends and shows: {@code 2026-12-01T10:00}; no 30 February. */
    public static final DateTimeFormatter INPUT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").withResolverStyle(ResolverStyle.STRICT);
    /** The same with seconds, which a browser sends when the value has them. */
    public static final DateTimeFormatter INPUT_WITH_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private MinistryTime() {}

    /** {@code 01.12.2026 10:00} in the Ministry's zone; empty for none. */
    public static String format(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZONE));
    }

    /** {@code 01.12.2026 10:00:05} in the Ministry's zone; empty for none. */
    public static String formatWithSeconds(Instant instant) {
        return instant == null ? "" : DATE_TIME_SECONDS.format(instant.atZone(ZONE));
    }

    /** {@code 01.12.2026}; empty for none. */
    public static String format(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** The moment a Ministry-local date-time names; null for none. */
    public static Instant toInstant(LocalDateTime local) {
        return local == null ? null : local.atZone(ZONE).toInstant();
    }

    /** The Ministry-local date-time of a moment; null for none. */
    public static LocalDateTime toLocal(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZONE);
    }

    /** The Ministry's day a moment falls on. */
    public static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The Ministry's midnight that starts a day. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
