package ru.otklik.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login sessions, {@code otklik.session.*}; their idle timeout is Spring Session's {@code spring.session.timeout}.
 *
 * @param absoluteTimeout a login session ends this long after its login, however active, besides the idle timeout
 *        (spring.session.timeout)
 * @param cleanupCron when expired login sessions are deleted from the database (Spring cron)
 */
@ConfigurationProperties("otklik.session")
public record SessionSettings(
        @DefaultValue("12h") Duration absoluteTimeout,
        @DefaultValue("0 * * * * *") String cleanupCron) {

    /** Scheduled methods name this bean in SpEL by the name {@code @ConfigurationPropertiesScan} gives it. */
    static final String BEAN = "@'otklik.session-ru.otklik.web.SessionSettings'";
}
