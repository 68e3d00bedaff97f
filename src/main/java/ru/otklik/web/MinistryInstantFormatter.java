package ru.otklik.web;

import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.format.Formatter;
import ru.otklik.calendar.MinistryTime;

/**
 * Binds a form's moment as the Ministry types it: the value of an {@code <input type="datetime-local">}
 * ({@code 2026-12-01T10:00}, or with seconds) in the Ministry's zone, and shows it back the same way. A value of
 * another shape is a type mismatch ({@code typeMismatch.<form>.<field>} names the message).
 */
class MinistryInstantFormatter implements Formatter<Instant> {

    @Override
    public Instant parse(String text, Locale locale) throws ParseException {
        try {
            return MinistryTime.toInstant(LocalDateTime.parse(text, MinistryTime.INPUT));
        } catch (DateTimeParseException ex) {
            try {
                return MinistryTime.toInstant(LocalDateTime.parse(text, MinistryTime.INPUT_WITH_SECONDS));
            } catch (DateTimeParseException again) {
                throw new ParseException(text, again.getErrorIndex());
            }
        }
    }

    @Override
    public String print(Instant instant, Locale locale) {
        return MinistryTime.INPUT.format(MinistryTime.toLocal(instant));
    }
}
