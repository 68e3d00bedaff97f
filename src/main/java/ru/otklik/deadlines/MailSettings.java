package ru.otklik.deadlines;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The e-mail notifications, {@code otklik.mail.*}; the mail server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from sender address of the e-mail notifications
 * @param outboxDelayMs pause between two runs of the e-mail outbox, in milliseconds
 * @param publicUrl the address staff open Otklik at (e.g. {@code https://otklik.mintrud.local}); when set, every
 *        e-mail ends with the link to the exact place to act, as the notification in the application does
 */
@ConfigurationProperties("otklik.mail")
public record MailSettings(
        @DefaultValue("otklik@localhost") String from,
        @DefaultValue("30000") long outboxDelayMs,
        @DefaultValue("") String publicUrl) {

    /** The public address without a trailing slash, or {@code null} when not set. */
    public String publicBase() {
        if (publicUrl == null || publicUrl.isBlank()) {
            return null;
        }
        String base = publicUrl.strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Scheduled methods name this bean in SpEL by the name {@code @ConfigurationPropertiesScan} gives it. */
    public static final String BEAN = "@'otklik.mail-ru.otklik.deadlines.MailSettings'";
}
