package ru.otklik.intake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fields of a message from ЦУР, as named in the JSON API; the import accepts the same names or the Russian
 * column headers listed here.
 */
public enum MessageField {
    EXTERNAL_ID(
            "externalId",
            true,
            "Номер ЦУР",
            "Номер в ЦУР",
            "№ ЦУР",
            "Внешний ID",
            "Внешний идентификатор",
            "ID",
            "Идентификатор"),
    SOURCE("source", true, "Источник", "Соцсеть", "Социальная сеть", "Площадка"),
    URL("url", true, "Ссылка", "Ссылка на сообщение", "Ссылка на публикацию"),
    AUTHOR_NAME("authorName", false, "Автор", "Имя автора"),
    AUTHOR_URL("authorUrl", false, "Ссылка на автора", "Профиль автора"),
    TEXT("text", true, "Текст", "Текст сообщения", "Текст публикации", "Сообщение"),
    DETECTED_AT("detectedAt", true, "Выявлено", "Дата выявления", "Время выявления", "Дата и время выявления", "Дата"),
    IMPORTANCE("importance", false, "Важность"),
    TOPIC("topic", false, "Тема");

    private final String json;
    private final boolean required;
    private final List<String> russian;

    MessageField(String json, boolean required, String... russian) {
        this.json = json;
        this.required = required;
        this.russian = List.of(russian);
    }

    /** The JSON property name, also the English column header. */
    public String json() {
        return json;
    }

    public boolean required() {
        return required;
    }

    /** The Russian column headers accepted by the import; the first one is the main. */
    public List<String> russianHeaders() {
        return russian;
    }

    /** The field named by a JSON property name (exactly). */
    public static Optional<MessageField> byJsonName(String name) {
        for (MessageField field : values()) {
            if (field.json.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** The field a column header names: English or Russian, case, spaces, «ё», '_' and '-' ignored. */
    public static Optional<MessageField> byHeader(String header) {
        String key = headerKey(header);
        for (MessageField field : values()) {
            if (headerKey(field.json).equals(key)
                    || field.russian.stream().anyMatch(r -> headerKey(r).equals(key))) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    private static String headerKey(String header) {
        if (header == null) {
            return "";
        }
        return header.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[\\s_\\-.«»\"]+", "");
    }
}
