package ru.otklik.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may scrape {@code /actuator/prometheus}, {@code otklik.metrics.*}.
 *
 * @param username the metrics user's name, for HTTP basic authentication
 * @param password the metrics user's password, plain or encoded ({@code {bcrypt}$2a$…}); blank: nobody may scrape
 * @param cacheFor how long the series that need SQL are kept before they are read again, so that a scrape costs one
 *        grouped query at most every this often, however many series and scrapers there are
 */
@ConfigurationProperties("otklik.metrics")
public record MetricsSettings(
        @DefaultValue("prometheus") String username,
        String password,
        @DefaultValue("15s") Duration cacheFor) {

    boolean scrapingAllowed() {
        return password != null && !password.isBlank();
    }
}
