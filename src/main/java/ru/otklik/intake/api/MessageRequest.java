package ru.otklik.intake.api;

import io.swagger.v3.oas.annotations.media.Schema;

import ru.otklik.posts.PostFields;

/**
 * The body of {@code POST /api/v1/messages} as the OpenAPI description shows it. The controller reads the body as a
 * JSON tree itself (to name every field of a wrong type), so this record only documents the contract.
 */
@Schema(name = "Message", description = "Сообщение из открытого источника, переданное ЦУР. Неизвестные поля отклоняются (400).")
record MessageRequest(
        @Schema(description = "Идентификатор сообщения в системе ЦУР; ключ идемпотентности", requiredMode = Schema.RequiredMode.REQUIRED,
                minLength = 1, maxLength = PostFields.EXTERNAL_ID_MAX, example = "IM-2026-000123") String externalId,
        @Schema(description = "Где опубликовано", requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"VK", "OK", "BLOG", "OTHER"}) String source,
        @Schema(description = "Ссылка на сообщение (http или https)", requiredMode = Schema.RequiredMode.REQUIRED,
                maxLength = PostFields.URL_MAX, format = "uri", example = "https://vk.com/wall-1_2") String url,
        @Schema(description = "Имя автора", maxLength = PostFields.AUTHOR_NAME_MAX, example = "Иван И.") String authorName,
        @Schema(description = "Ссылка на автора (http или https)", maxLength = PostFields.URL_MAX, format = "uri",
                example = "https://vk.com/id1") String authorUrl,
        @Schema(description = "Текст сообщения", requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1,
                maxLength = PostFields.TEXT_MAX) String text,
        @Schema(description = "Когда ЦУР выявил сообщение: ISO-8601 со смещением, не позже текущего времени + 5 минут",
                requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time",
                example = "2026-12-01T10:00:00+07:00") String detectedAt,
        @Schema(description = "Важность; HIGH — сообщение повышенной важности (п.8)", allowableValues = {"NORMAL", "HIGH"},
                defaultValue = "NORMAL") String importance,
        @Schema(description = "Тема", maxLength = PostFields.TOPIC_MAX) String topic) {
}
