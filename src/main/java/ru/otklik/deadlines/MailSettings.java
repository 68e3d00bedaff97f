package ru.otklik.deadlines;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The e-mail notifications, {@code otklik.mail.*}; the mail server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from sender address of the e-mail notifications
 * @param outboxDelayMs pause between two runs of the e-mail outbox, in milliseconds
 */
@ConfigurationProperties("otklik.mail")
public record MailSettings(
        @DefaultValue("otklik@localhost") String from,
        @DefaultValue("30000") long outboxDelayMs) {

    /** Scheduled methods name this bean in SpEL by the name {@code @ConfigurationPropertiesScan} gives it. */
    public static final String BEAN = "@'otklik.mail-ru.otklik.deadlines.MailSettings'";
}
