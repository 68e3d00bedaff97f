package ru.otklik.calendar.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.otklik.api.ApiProblems.FieldError;
import ru.otklik.api.InvalidFields;
import ru.otklik.api.JsonApi;
import ru.otklik.calendar.WorkingCalendar;
import ru.otklik.calendar.WorkingTime;

/**
 * Working-time arithmetic over HTTP, for ЦУР (token) and for logged-in people (session).
 */
@RestController
@JsonApi
@RequestMapping(path = "/api/v1/calendar", produces = "application/json")
class CalendarApiController {

    static final long MAX_MINUTES = 1_000_000;

    /** The due instant of {@code workingMinutes} working minutes from {@code from}. */
    record DeadlineAnswer(String from, long workingMinutes, String due) {}

    /** The working minutes between two instants. */
    record WorkingMinutesAnswer(String from, String to, long workingMinutes) {}

    private final WorkingTime workingTime;

    CalendarApiController(WorkingTime workingTime) {
        this.workingTime = workingTime;
    }

    @GetMapping("/deadline")
    ResponseEntity<?> deadline(
            @RequestParam(required = false) String from, @RequestParam(required = false) String workingMinutes) {
        List<FieldError> errors = new ArrayList<>();
        OffsetDateTime start = instant("from", from, errors);
        Long minutes = minutes(workingMinutes, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        WorkingCalendar calendar = workingTime.current();
        Instant due = calendar.deadline(start.toInstant(), minutes);
        return ResponseEntity.ok(new DeadlineAnswer(local(start.toInstant(), calendar), minutes, local(due, calendar)));
    }

    @GetMapping("/working-minutes")
    ResponseEntity<?> workingMinutes(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        List<FieldError> errors = new ArrayList<>();
        OffsetDateTime start = instant("from", from, errors);
        OffsetDateTime end = instant("to", to, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        WorkingCalendar calendar = workingTime.current();
        return ResponseEntity.ok(new WorkingMinutesAnswer(
                local(start.toInstant(), calendar),
                local(end.toInstant(), calendar),
                calendar.workingMinutes(start.toInstant(), end.toInstant())));
    }

    private static OffsetDateTime instant(String name, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(
                    name,
                    "Параметр обязателен: момент времени ISO-8601 со смещением, например 2026-12-04T16:25:00+07:00."));
            return null;
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(value.strip());
            if (parsed.getYear() < CalendarPageController.MIN_YEAR
                    || parsed.getYear() > CalendarPageController.MAX_YEAR) {
                errors.add(new FieldError(name, "Год должен быть от 2000 до 2100."));
                return null;
            }
            return parsed;
        } catch (DateTimeParseException ex) {
            errors.add(
                    new FieldError(
                            name,
                            "Не удалось прочитать момент времени: нужен формат ISO-8601 со смещением, например 2026-12-04T16:25:00+07:00."));
            return null;
        }
    }

    private static Long minutes(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(
                    "workingMinutes", "Параметр обязателен: целое число рабочих минут от 0 до 1 000 000."));
            return null;
        }
        try {
            long minutes = Long.parseLong(value.strip());
            if (minutes < 0 || minutes > MAX_MINUTES) {
                errors.add(new FieldError("workingMinutes", "Число рабочих минут должно быть от 0 до 1 000 000."));
                return null;
            }
            return minutes;
        } catch (NumberFormatException ex) {
            errors.add(new FieldError("workingMinutes", "Нужно целое число рабочих минут от 0 до 1 000 000."));
            return null;
        }
    }

    private static String local(Instant instant, WorkingCalendar calendar) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.atZone(calendar.zone()).truncatedTo(ChronoUnit.SECONDS));
    }
}
