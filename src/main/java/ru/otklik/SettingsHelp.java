package ru.otklik;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --help}: Otklik's own settings, read from the configuration metadata that IDEs complete them from, so the list
 * an operator reads is the one the code is checked against ({@code SettingsDocumentedTest}).
 */
final class SettingsHelp {

    /** Written at build time from the typed settings records ({@code @ConfigurationProperties}) and their Javadoc. */
    static final String METADATA = "META-INF/spring-configuration-metadata.json";

    /** One setting: its name, its default (empty if it has none) and what it does. */
    record Setting(String name, String defaultValue, String description) {}

    private SettingsHelp() {}

    static List<Setting> settings() {
        try (InputStream in = new ClassPathResource(METADATA).getInputStream()) {
            JsonNode root = JsonMapper.shared().readTree(in);
            return root.get("properties")
                    .valueStream()
                    .filter(p -> p.get("name").asString().startsWith("otklik."))
                    .map(p -> new Setting(
                            p.get("name").asString(),
                            p.has("defaultValue") && p.get("defaultValue").isValueNode()
                                    ? p.get("defaultValue").asString()
                                    : "",
                            p.has("description") ? plain(p.get("description").asString()) : ""))
                    .sorted(java.util.Comparator.comparing(Setting::name))
                    .toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A description as the processor copied it from the Javadoc, without its tags and with a capital letter. */
    static String plain(String javadoc) {
        String text = javadoc.replaceAll("\\{@(?:code|link|literal) #?([^{}]*(?:\\{[^{}]*}[^{}]*)*)}", "$1")
                .strip();
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String text() {
        StringBuilder out = new StringBuilder("""
                Отклик — настройки. Any of them as --name=value, as an environment variable (OTKLIK_DATA_DIR for
                otklik.data-dir) or in application.properties; every Spring Boot setting works the same way
                (spring.datasource.url, server.port, spring.mail.host …, see README «Configuration»).

                """);
        for (Setting setting : settings()) {
            out.append("  ").append(setting.name());
            if (!setting.defaultValue().isEmpty()) {
                out.append(" (default ").append(setting.defaultValue()).append(')');
            }
            out.append("\n      ").append(setting.description()).append("\n");
        }
        return out.toString();
    }
}
