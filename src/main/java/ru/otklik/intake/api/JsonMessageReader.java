package ru.otklik.intake.api;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.otklik.api.ApiProblems.FieldError;
import ru.otklik.intake.MessageField;

/**
 * Reads the JSON body of {@code POST /api/v1/messages} as a tree, so every field with a wrong JSON type is named
 * (data binding would stop at the first). Strict: duplicate keys, trailing content and unknown properties are refused,
 * so a typo in a field name is reported instead of silently dropping the field.
 */
final class JsonMessageReader {

    /** The fields' string values and the problems found while reading. */
    record Read(Map<MessageField, String> values, List<FieldError> errors) {
    }

    /** The body is not JSON at all. */
    static final class MalformedJson extends Exception {

        MalformedJson(String message) {
            super(message, null, false, false);
        }
    }

    static final String BODY = "body";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonMessageReader() {
    }

    static Read read(byte[] body) throws MalformedJson {
        if (body.length == 0) {
            return new Read(Map.of(), List.of(new FieldError(BODY, "Тело запроса пусто: нужен JSON-объект сообщения.")));
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        }
        catch (JacksonException ex) {
            throw new MalformedJson(describe(ex));
        }
        if (root == null || root.isMissingNode()) {
            return new Read(Map.of(), List.of(new FieldError(BODY, "Тело запроса пусто: нужен JSON-объект сообщения.")));
        }
        if (!root.isObject()) {
            return new Read(Map.of(), List.of(new FieldError(BODY, "Нужен JSON-объект сообщения { … }, а не " + kind(root) + ".")));
        }
        Map<MessageField, String> values = new EnumMap<>(MessageField.class);
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : root.properties()) {
            var field = MessageField.byJsonName(property.getKey());
            if (field.isEmpty()) {
                errors.add(new FieldError(shorten(property.getKey()), "Неизвестное поле: допустимы externalId, source, url, "
                        + "authorName, authorUrl, text, detectedAt, importance, topic."));
                continue;
            }
            JsonNode node = property.getValue();
            if (node.isNull()) {
                continue;
            }
            if (!node.isString()) {
                errors.add(new FieldError(field.get().json(), "Нужна строка, а не " + kind(node) + "."));
                continue;
            }
            values.put(field.get(), node.stringValue());
        }
        return new Read(values, errors);
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "массив";
            case OBJECT -> "объект";
            case BOOLEAN -> "логическое значение";
            case NUMBER -> "число";
            case STRING -> "строка";
            case NULL -> "null";
            default -> "значение другого типа";
        };
    }

    private static String describe(JacksonException ex) {
        var location = ex.getLocation();
        String where = location == null || location.getLineNr() < 0 ? ""
                : " (строка " + location.getLineNr() + ", позиция " + location.getColumnNr() + ")";
        return "Тело запроса не является корректным JSON" + where + ".";
    }

    private static String shorten(String name) {
        return name.length() > 100 ? name.substring(0, 100) + "…" : name;
    }
}
