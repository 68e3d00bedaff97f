package ru.otklik.posts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Instants as the Ministry reads them: in its own zone, Asia/Novokuznetsk, as {@code dd.MM.yyyy HH:mm}. Used in
 * templates as {@code ${@postTime.format(instant)}}.
 */
@Component("postTime")
public class PostTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Novokuznetsk");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(ZONE));
    }

    public static Instant toInstant(LocalDateTime local) {
        return local == null ? null : local.atZone(ZONE).toInstant();
    }

    public static LocalDateTime toLocal(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZONE);
    }
}
