package ru.otklik.intake.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.otklik.intake.CurWebhookSettings;

/**
 * Sends the notices of {@code cur_webhook_outbox} to ЦУР's callback URL, apart from the transactions that wrote them:
 * ЦУР's server being down only delays them. Each notice is a POST of its JSON body with
 * {@code X-Otklik-Signature: sha256=<hex HMAC-SHA256 of the body with the shared secret>},
 * {@code X-Otklik-Event-Id} (the same on every attempt: ЦУР drops a repeat by it) and {@code X-Otklik-Timestamp}.
 *
 * <p>The pattern of the e-mail outbox: one notice at a time, claimed first by moving its {@code next_attempt_at} past
 * the longest conversation ({@code for update skip locked}, one committed statement), then sent with no transaction
 * open, then recorded. So two instances never send one notice at once, and a crash between sending and recording sends
 * it again, with the same event id, once its claim has lapsed. A 2xx answer is success; anything else, a refused
 * connection or a timeout is retried after {@code retryDelay}, doubling up to an hour, until {@code maxAttempts}; then
 * the notice is marked failed and listed for the admin on the API tokens page. Times are the database's.
 */
@Component
public class CurWebhookSender {

    /** A notice given up after the last attempt, as the admin sees it. */
    public record Failed(long id, long postId, String event, Instant createdAt, int attempts, String lastError) {}

    /** The state of the queue for the admin. */
    public record Status(boolean enabled, String url, long waiting, long failedCount, List<Failed> failed) {}

    private record Pending(long id, UUID eventId, String body, int attempts) {}

    private static final Logger log = LoggerFactory.getLogger(CurWebhookSender.class);
    private static final Duration MAX_PAUSE = Duration.ofHours(1);
    static final String SIGNATURE = "X-Otklik-Signature";
    static final String EVENT_ID = "X-Otklik-Event-Id";
    static final String TIMESTAMP = "X-Otklik-Timestamp";

    private final JdbcClient jdbc;
    private final CurWebhookSettings settings;
    private final HttpClient http;
    private final Duration claim;
    private volatile boolean closing;

    /** One sender; every instance of Otklik has one, and they share the queue without sending a notice twice. */
    public CurWebhookSender(JdbcClient jdbc, CurWebhookSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.claim = settings.connectTimeout().plus(settings.readTimeout()).plus(Duration.ofMinutes(1));
    }

    @Scheduled(
            fixedDelayString = "#{" + CurWebhookSettings.BEAN + ".delayMs()}",
            initialDelayString = "#{" + CurWebhookSettings.BEAN + ".delayMs()}",
            scheduler = IntakeSchedulers.WEBHOOK)
    void scheduledSend() {
        if (!settings.enabled()) {
            return;
        }
        try {
            sendDue();
        } catch (RuntimeException ex) {
            log.warn("ЦУР webhook outbox run failed, will retry: {}", ex.toString());
        }
    }

    @EventListener(ContextClosedEvent.class)
    void closing() {
        closing = true;
    }

    /**
     * Sends every notice due now, one after the other.
     *
     * @return how many were delivered
     */
    public int sendDue() {
        int sent = 0;
        Optional<Pending> next;
        while (!closing && (next = claim()).isPresent()) {
            if (send(next.get())) {
                sent++;
            }
        }
        return sent;
    }

    /** The queue as the admin sees it: waiting notices and the last failed ones. */
    public Status status() {
        long waiting = jdbc.sql("select count(*) from cur_webhook_outbox where sent_at is null and failed_at is null")
                .query(Long.class)
                .single();
        long failedCount = jdbc.sql("select count(*) from cur_webhook_outbox where failed_at is not null")
                .query(Long.class)
                .single();
        List<Failed> failed = jdbc.sql("""
                        select id, post_id, event, created_at, attempts, last_error from cur_webhook_outbox
                        where failed_at is not null order by failed_at desc, id desc limit 20""")
                .query((rs, n) -> new Failed(
                        rs.getLong("id"),
                        rs.getLong("post_id"),
                        rs.getString("event"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getInt("attempts"),
                        rs.getString("last_error")))
                .list();
        return new Status(settings.enabled(), settings.url(), waiting, failedCount, failed);
    }

    /** Puts a failed notice back in the queue, to be sent at once with a fresh count of attempts. */
    public boolean retry(long id) {
        return jdbc.sql("""
                        update cur_webhook_outbox set failed_at = null, attempts = 0, next_attempt_at = clock_timestamp()
                        where id = ? and failed_at is not null""").param(id).update() == 1;
    }

    /** Claims the next due notice for {@link #claim}: one committed statement, no lock kept. */
    private Optional<Pending> claim() {
        return jdbc.sql("""
                        with next as (
                            select id from cur_webhook_outbox
                            where sent_at is null and failed_at is null and next_attempt_at <= clock_timestamp()
                            order by next_attempt_at, id limit 1
                            for update skip locked
                        )
                        update cur_webhook_outbox o
                        set next_attempt_at = clock_timestamp() + cast(:claim as interval)
                        from next where o.id = next.id
                        returning o.id, o.event_id, o.body, o.attempts""")
                .param("claim", claim.toMillis() + " milliseconds")
                .query((rs, n) -> new Pending(
                        rs.getLong("id"),
                        rs.getObject("event_id", UUID.class),
                        rs.getString("body"),
                        rs.getInt("attempts")))
                .optional();
    }

    private boolean send(Pending p) {
        String error;
        try {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(settings.url().strip()))
                    .timeout(settings.readTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header(SIGNATURE, "sha256=" + sign(p.body(), settings.secret()))
                    .header(EVENT_ID, p.eventId().toString())
                    .header(TIMESTAMP, Instant.now().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(p.body(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                jdbc.sql("""
                                update cur_webhook_outbox set sent_at = clock_timestamp(), attempts = attempts + 1,
                                    last_error = null where id = ?""").param(p.id()).update();
                return true;
            }
            error = "HTTP " + response.statusCode();
        } catch (IOException | IllegalArgumentException ex) {
            error = ex.toString();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            error = ex.toString();
        }
        failed(p, error);
        return false;
    }

    private void failed(Pending p, String error) {
        boolean last = p.attempts() + 1 >= settings.maxAttempts();
        jdbc.sql("""
                        update cur_webhook_outbox set attempts = attempts + 1, last_error = left(:error, 2000),
                            failed_at = case when :last then clock_timestamp() end,
                            next_attempt_at = clock_timestamp() + least(cast(:max as interval),
                                cast(:base as interval) * power(2, least(attempts, 20)))
                        where id = :id""")
                .param("error", error)
                .param("last", last)
                .param("max", MAX_PAUSE.toMillis() + " milliseconds")
                .param("base", settings.retryDelay().toMillis() + " milliseconds")
                .param("id", p.id())
                .update();
        if (last) {
            log.warn("ЦУР webhook notice {} given up after {} attempts: {}", p.eventId(), p.attempts() + 1, error);
        }
    }

    /** The hex HMAC-SHA256 of the body's UTF-8 bytes with the secret. */
    static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException("HMAC-SHA256 is not available", ex);
        }
    }
}
