package ru.otklik.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.otklik.api.ApiProblems.FieldError;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.posts.Importance;
import ru.otklik.posts.PostFields;
import ru.otklik.posts.Source;

/**
 * Checks a message from ЦУР field by field and collects every problem, in Russian. Pure: the caller gives the
 * current instant. The API is strict; the import is {@linkplain #lenient lenient} about the spelling of the values
 * people type into a spreadsheet (case, Russian names, a local date and time).
 */
public final class MessageValidator {

    /** ЦУР's clock may run a little ahead of ours. */
    public static final Duration FUTURE_TOLERANCE = PostFields.FUTURE_TOLERANCE;

    private static final DateTimeFormatter RUSSIAN_LOCAL = DateTimeFormatter.ofPattern("d.M.uuuu H:mm[:ss]");
    private static final Map<String, Source> RUSSIAN_SOURCES = Map.of(
            "вконтакте",
            Source.VK,
            "вк",
            Source.VK,
            "одноклассники",
            Source.OK,
            "ок",
            Source.OK,
            "блог",
            Source.BLOG,
            "другое",
            Source.OTHER,
            "иное",
            Source.OTHER);
    private static final Map<String, Importance> RUSSIAN_IMPORTANCE = Map.of(
            "обычная",
            Importance.NORMAL,
            "обычное",
            Importance.NORMAL,
            "повышенная",
            Importance.HIGH,
            "повышенной важности",
            Importance.HIGH,
            "высокая",
            Importance.HIGH);

    /** The message, or the list of problems (never both). */
    public record Result(IntakeMessage message, List<FieldError> errors) {

        public boolean valid() {
            return message != null;
        }
    }

    private final boolean lenient;

    private MessageValidator(boolean lenient) {
        this.lenient = lenient;
    }

    /** The API's rules: enum values exactly as documented, {@code detectedAt} in ISO-8601 with an offset. */
    public static MessageValidator strict() {
        return new MessageValidator(false);
    }

    /** The import's rules: also lower case and Russian names of values, and «дд.мм.гггг чч:мм» in Novokuznetsk time. */
    public static MessageValidator lenient() {
        return new MessageValidator(true);
    }

    /**
     * Validates raw values by field; an absent or blank value is missing.
     *
     * @param known problems already found (wrong JSON types, say); their fields are not checked again
     */
    public Result validate(Map<MessageField, String> raw, List<FieldError> known, Instant now) {
        List<FieldError> errors = new ArrayList<>(known);
        List<String> skip = known.stream().map(FieldError::field).toList();
        String externalId = text(raw, MessageField.EXTERNAL_ID, PostFields.EXTERNAL_ID_MAX, false, skip, errors);
        Source source = enumValue(raw, MessageField.SOURCE, skip, errors);
        String url = link(raw, MessageField.URL, skip, errors);
        String authorName = text(raw, MessageField.AUTHOR_NAME, PostFields.AUTHOR_NAME_MAX, false, skip, errors);
        String authorUrl = link(raw, MessageField.AUTHOR_URL, skip, errors);
        String text = text(raw, MessageField.TEXT, PostFields.TEXT_MAX, true, skip, errors);
        Instant detectedAt = detectedAt(raw, skip, errors, now);
        Importance importance = importance(raw, skip, errors);
        String topic = text(raw, MessageField.TOPIC, PostFields.TOPIC_MAX, false, skip, errors);
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(
                new IntakeMessage(externalId, source, url, authorName, authorUrl, text, detectedAt, importance, topic),
                List.of());
    }

    private static String value(Map<MessageField, String> raw, MessageField field) {
        String value = raw.get(field);
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static boolean missing(String value, MessageField field, List<FieldError> errors) {
        if (value == null && field.required()) {
            errors.add(new FieldError(field.json(), "Поле обязательно."));
        }
        return value == null;
    }

    private static String text(
            Map<MessageField, String> raw,
            MessageField field,
            int max,
            boolean multiline,
            List<String> skip,
            List<FieldError> errors) {
        if (skip.contains(field.json())) {
            return null;
        }
        String value = value(raw, field);
        if (missing(value, field, errors)) {
            return null;
        }
        if (multiline) {
            value = value.replace("\r\n", "\n").replace('\r', '\n');
        }
        String bad = PostFields.characterProblem(value, multiline);
        if (bad == null) {
            bad = PostFields.lengthProblem(value, max);
        }
        if (bad != null) {
            errors.add(new FieldError(field.json(), bad));
            return null;
        }
        return value;
    }

    private static String link(
            Map<MessageField, String> raw, MessageField field, List<String> skip, List<FieldError> errors) {
        String value = text(raw, field, PostFields.URL_MAX, false, skip, errors);
        if (value == null) {
            return null;
        }
        String bad = PostFields.linkProblem(value);
        if (bad != null) {
            errors.add(new FieldError(field.json(), bad));
            return null;
        }
        return value;
    }

    private Source enumValue(
            Map<MessageField, String> raw, MessageField field, List<String> skip, List<FieldError> errors) {
        if (skip.contains(field.json())) {
            return null;
        }
        String value = value(raw, field);
        if (missing(value, field, errors)) {
            return null;
        }
        for (Source source : Source.values()) {
            if (source.name().equals(value) || lenient && source.name().equalsIgnoreCase(value)) {
                return source;
            }
        }
        Source russian =
                lenient ? RUSSIAN_SOURCES.get(value.toLowerCase(Locale.ROOT).replace('ё', 'е')) : null;
        if (russian != null) {
            return russian;
        }
        errors.add(new FieldError(
                field.json(), "Неизвестный источник «" + shorten(value) + "»: допустимы VK, OK, BLOG, OTHER."));
        return null;
    }

    private Importance importance(Map<MessageField, String> raw, List<String> skip, List<FieldError> errors) {
        if (skip.contains(MessageField.IMPORTANCE.json())) {
            return null;
        }
        String value = value(raw, MessageField.IMPORTANCE);
        if (value == null) {
            return Importance.NORMAL;
        }
        for (Importance importance : Importance.values()) {
            if (importance.name().equals(value) || lenient && importance.name().equalsIgnoreCase(value)) {
                return importance;
            }
        }
        Importance russian = lenient ? RUSSIAN_IMPORTANCE.get(value.toLowerCase(Locale.ROOT)) : null;
        if (russian != null) {
            return russian;
        }
        errors.add(new FieldError(
                MessageField.IMPORTANCE.json(),
                "Неизвестная важность «" + shorten(value) + "»: допустимы NORMAL и HIGH."));
        return null;
    }

    private Instant detectedAt(Map<MessageField, String> raw, List<String> skip, List<FieldError> errors, Instant now) {
        MessageField field = MessageField.DETECTED_AT;
        if (skip.contains(field.json())) {
            return null;
        }
        String value = value(raw, field);
        if (missing(value, field, errors)) {
            return null;
        }
        Instant instant = parseInstant(value);
        if (instant == null) {
            errors.add(new FieldError(
                    field.json(),
                    lenient
                            ? "Не удалось прочитать дату: нужна ISO-8601 со смещением (2026-12-01T10:00:00+07:00) или «01.12.2026 10:00» по времени Новокузнецка."
                            : "Нужна дата и время ISO-8601 со смещением, например 2026-12-01T10:00:00+07:00."));
            return null;
        }
        switch (PostFields.moment(instant, now)) {
            case FUTURE -> {
                errors.add(new FieldError(
                        field.json(),
                        "Момент выявления в будущем: он не может быть позже текущего времени более чем на 5 минут."));
                return null;
            }
            case TOO_EARLY -> {
                errors.add(new FieldError(field.json(), "Момент выявления раньше 2000 года: проверьте дату."));
                return null;
            }
            default -> {
                return instant;
            }
        }
    }

    private Instant parseInstant(String value) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException ex) {
            if (!lenient) {
                return null;
            }
        }
        try {
            return MinistryTime.toInstant(LocalDateTime.parse(value, RUSSIAN_LOCAL));
        } catch (DateTimeParseException ex) {
            return null;
        }
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
