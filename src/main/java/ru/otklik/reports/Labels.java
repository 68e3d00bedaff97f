package ru.otklik.reports;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Russian names of the report's rows and columns (from i18n/reports_ru.properties), shared by the page and the exports.
 */
@Component
class Labels {

    static final Locale RU = Locale.forLanguageTag("ru");

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, key, RU);
    }

    String measure(Measure measure) {
        return get("report.measure." + measure.name());
    }

    String dimension(Dimension dimension) {
        return get("report.dimension." + dimension.name());
    }

    /** A deadline rule's Russian name («Принятие в работу»), never its code. */
    String rule(String code) {
        return get("report.rule." + code);
    }

    String source(String code) {
        return get("report.source." + code);
    }

    String importance(String code) {
        return get("report.importance." + code);
    }
}
