package ru.otklik.web;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's header needs: the Ministry's local time (Asia/Novokuznetsk), kept ticking by a small script.
 */
@ControllerAdvice
class LayoutAdvice {

    static final ZoneId MINISTRY_ZONE = ZoneId.of("Asia/Novokuznetsk");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final Clock clock;

    LayoutAdvice(Clock clock) {
        this.clock = clock;
    }

    @ModelAttribute("nowLocal")
    String nowLocal() {
        return FORMAT.format(clock.instant().atZone(MINISTRY_ZONE));
    }

    @ModelAttribute("nowEpochMillis")
    long nowEpochMillis() {
        return clock.millis();
    }
}
