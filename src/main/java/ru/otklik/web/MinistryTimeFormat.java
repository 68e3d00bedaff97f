package ru.otklik.web;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import ru.otklik.calendar.MinistryTime;

/**
 * {@link MinistryTime} for the pages: {@code ${@ministryTime.format(post.receivedAt)}} shows a moment as
 * {@code 01.12.2026 10:00} in the Ministry's zone, {@code ${@ministryTime.format(day)}} a day as {@code 01.12.2026}.
 */
@Component("ministryTime")
public class MinistryTimeFormat {

    public String format(Instant instant) {
        return MinistryTime.format(instant);
    }

    public String formatWithSeconds(Instant instant) {
        return MinistryTime.formatWithSeconds(instant);
    }

    public String format(LocalDate date) {
        return MinistryTime.format(date);
    }
}
