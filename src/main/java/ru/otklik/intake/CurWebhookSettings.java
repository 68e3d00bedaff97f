package ru.otklik.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * ЦУР's callback, {@code otklik.cur-webhook.*}: where Otklik POSTs a signed notice of every change ЦУР must act on (a
 * draft sent to ЦУР, a post returned to ЦУР or refused, an answer posted). Off while the URL is blank.
 *
 * @param url ЦУР's callback URL (http or https); blank: no webhook, nothing is queued
 * @param secret the shared secret of the HMAC-SHA256 signature in {@code X-Otklik-Signature}
 * @param delayMs pause between two runs of the webhook outbox, in milliseconds
 * @param connectTimeout how long to wait for ЦУР's server to accept the connection
 * @param readTimeout how long to wait for its answer to one notice
 * @param retryDelay the pause after the first failed attempt; it doubles after each further one, up to an hour
 * @param maxAttempts attempts after which a notice is given up as failed and shown to the admin
 */
@ConfigurationProperties("otklik.cur-webhook")
public record CurWebhookSettings(
        @DefaultValue("") String url,
        @DefaultValue("") String secret,
        @DefaultValue("5000") long delayMs,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("1m") Duration retryDelay,
        @DefaultValue("10") int maxAttempts) {

    /** Scheduled methods name this bean in SpEL by the name {@code @ConfigurationPropertiesScan} gives it. */
    public static final String BEAN = "@'otklik.cur-webhook-ru.otklik.intake.CurWebhookSettings'";

    /** A callback that cannot work stops the start with the reason, instead of failing every notice later. */
    public CurWebhookSettings {
        if (url != null && !url.isBlank()) {
            java.net.URI uri;
            try {
                uri = java.net.URI.create(url.strip());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("otklik.cur-webhook.url is not a URL: " + url, ex);
            }
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("otklik.cur-webhook.url must be an http or https URL with a host");
            }
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException(
                        "otklik.cur-webhook.secret must be set with otklik.cur-webhook.url: ЦУР checks the signature");
            }
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("otklik.cur-webhook.max-attempts must be at least 1");
        }
    }

    /** Whether a callback URL is configured. */
    public boolean enabled() {
        return url != null && !url.isBlank();
    }
}
