package ru.otklik.intake.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import ru.otklik.api.ApiProblems.FieldError;
import ru.otklik.intake.MessageField;
import ru.otklik.posts.PostFields;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/messages}. Each field is read as the JSON value it is, so that every field of a
 * wrong type and every unknown field is named at once; {@link #strings} turns them into the text values that
 * {@link ru.otklik.intake.MessageValidator} checks.
 */
@Schema(
        name = "Message",
        description = "Сообщение из открытого источника, переданное ЦУР. Неизвестные поля отклоняются (400).")
record MessageRequest(
        @Schema(
                implementation = String.class,
                description = "Идентификатор сообщения в системе ЦУР; ключ идемпотентности",
                requiredMode = Schema.RequiredMode.REQUIRED,
                minLength = 1,
                maxLength = PostFields.EXTERNAL_ID_MAX,
                example = "IM-2026-000123")
        JsonNode externalId,

        @Schema(
                implementation = String.class,
                description = "Где опубликовано",
                requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"VK", "OK", "BLOG", "OTHER"})
        JsonNode source,

        @Schema(
                implementation = String.class,
                description = "Ссылка на сообщение (http или https)",
                requiredMode = Schema.RequiredMode.REQUIRED,
                maxLength = PostFields.URL_MAX,
                format = "uri",
                example = "https://vk.com/wall-1_2")
        JsonNode url,

        @Schema(
                implementation = String.class,
                description = "Имя автора",
                maxLength = PostFields.AUTHOR_NAME_MAX,
                example = "Иван И.")
        JsonNode authorName,

        @Schema(
                implementation = String.class,
                description = "Ссылка на автора (http или https)",
                maxLength = PostFields.URL_MAX,
                format = "uri",
                example = "https://vk.com/id1")
        JsonNode authorUrl,

        @Schema(
                implementation = String.class,
                description = "Текст сообщения",
                requiredMode = Schema.RequiredMode.REQUIRED,
                minLength = 1,
                maxLength = PostFields.TEXT_MAX)
        JsonNode text,

        @Schema(
                implementation = String.class,
                description = "Когда ЦУР выявил сообщение: ISO-8601 со смещением, не позже текущего времени + 5 минут",
                requiredMode = Schema.RequiredMode.REQUIRED,
                format = "date-time",
                example = "2026-12-01T10:00:00+07:00")
        JsonNode detectedAt,

        @Schema(
                implementation = String.class,
                description = "Важность; HIGH — сообщение повышенной важности (п.8)",
                allowableValues = {"NORMAL", "HIGH"},
                defaultValue = "NORMAL")
        JsonNode importance,

        @Schema(implementation = String.class, description = "Тема", maxLength = PostFields.TOPIC_MAX)
        JsonNode topic,

        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> unknown) {

    /**
     * The fields given as JSON strings; each field given as another JSON type, and each unknown field, is added to
     * {@code errors}. A field given as {@code null} counts as left out.
     */
    Map<MessageField, String> strings(List<FieldError> errors) {
        if (unknown != null) {
            unknown.keySet()
                    .forEach(
                            name -> errors.add(
                                    new FieldError(
                                            shorten(name),
                                            "Неизвестное поле: допустимы "
                                                    + "externalId, source, url, authorName, authorUrl, text, detectedAt, importance, topic.")));
        }
        Map<MessageField, JsonNode> given = new EnumMap<>(MessageField.class);
        given.put(MessageField.EXTERNAL_ID, externalId);
        given.put(MessageField.SOURCE, source);
        given.put(MessageField.URL, url);
        given.put(MessageField.AUTHOR_NAME, authorName);
        given.put(MessageField.AUTHOR_URL, authorUrl);
        given.put(MessageField.TEXT, text);
        given.put(MessageField.DETECTED_AT, detectedAt);
        given.put(MessageField.IMPORTANCE, importance);
        given.put(MessageField.TOPIC, topic);
        Map<MessageField, String> strings = new EnumMap<>(MessageField.class);
        given.forEach((field, node) -> {
            if (node == null || node.isNull()) {
                return;
            }
            if (node.isString()) {
                strings.put(field, node.stringValue());
            } else {
                errors.add(new FieldError(field.json(), "Нужна строка, а не " + kind(node) + "."));
            }
        });
        return strings;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "массив";
            case OBJECT -> "объект";
            case BOOLEAN -> "логическое значение";
            case NUMBER -> "число";
            default -> "значение другого типа";
        };
    }

    private static String shorten(String name) {
        return name.length() > 100 ? name.substring(0, 100) + "…" : name;
    }
}
