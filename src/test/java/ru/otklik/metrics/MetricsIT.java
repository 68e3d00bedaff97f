package ru.otklik.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.otklik.deadlines.internal.Sweep;
import ru.otklik.support.HttpBrowser;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.MutableClock;
import ru.otklik.support.TestConfig;

/**
 * Scrapes {@code /actuator/prometheus} over HTTP the way Prometheus does, as the metrics user, after doing what the
 * series count: posts sent by ЦУР, a breach acted on by the sweep, failed and blocked logins.
 */
@IntegrationTest
class MetricsIT {

    private static final String INTAKE = "otklik_intake_messages_total";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Sweep sweep;

    @Autowired
    OperationsGauges gauges;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void reset() {
        clock.set(TestConfig.START);
        jdbc.sql("delete from login_throttle where login like 'metrics-%'").update();
    }

    @Test
    void postsFromCurAreCountedByStateAndIntakeOutcome() throws Exception {
        String before = scrape();

        for (int i = 0; i < 3; i++) {
            assertThat(send(message("IM-METRICS-" + UUID.randomUUID()), "demo-cur-token"))
                    .isEqualTo(201);
        }
        String repeated = message("IM-METRICS-" + UUID.randomUUID());
        assertThat(send(repeated, "demo-cur-token")).isEqualTo(201);
        assertThat(send(repeated, "demo-cur-token")).isEqualTo(200);
        assertThat(send("{\"externalId\": \"\"}", "demo-cur-token")).isEqualTo(400);
        assertThat(send(message("IM-METRICS-" + UUID.randomUUID()), "not-a-token"))
                .isEqualTo(401);
        gauges.expire();

        String after = scrape();
        assertThat(value(after, "otklik_posts_open", "state", "NEW")
                        - value(before, "otklik_posts_open", "state", "NEW"))
                .isEqualTo(4);
        assertThat(delta(before, after, INTAKE, "outcome", "registered")).isEqualTo(4);
        assertThat(delta(before, after, INTAKE, "outcome", "repeated")).isEqualTo(1);
        assertThat(delta(before, after, INTAKE, "outcome", "invalid")).isEqualTo(1);
        assertThat(delta(before, after, INTAKE, "outcome", "unauthorized")).isEqualTo(1);
        assertThat(value(after, "otklik_clocks_running", "rule", "ROUTE")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aBreachShowsAsOverdueUntilTheSweepActsThenAsBreachedWithTheSweepsLag() throws Exception {
        assertThat(send(message("IM-METRICS-" + UUID.randomUUID()), "demo-cur-token"))
                .isEqualTo(201);
        String before = scrape();

        // ROUTE is 10 working minutes: 11 minutes 7 seconds later it is overdue by at least 67 seconds
        clock.advance(Duration.ofMinutes(11).plusSeconds(7));
        gauges.expire();
        String overdue = scrape();
        assertThat(value(overdue, "otklik_clocks_overdue", "rule", "ROUTE")).isGreaterThanOrEqualTo(1);
        assertThat(value(overdue, "otklik_clocks_overdue_oldest_seconds", null, null))
                .isGreaterThanOrEqualTo(67);

        sweep.sweep();
        gauges.expire();

        String after = scrape();
        assertThat(delta(before, after, "otklik_clocks_breached_total", "rule", "ROUTE"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(after, "otklik_clocks_overdue", "rule", "ROUTE")).isZero();
        assertThat(value(after, "otklik_sweep_lag_seconds", null, null)).isGreaterThanOrEqualTo(67);
        assertThat(value(after, "otklik_sweep_last_run_seconds", null, null))
                .isEqualTo(clock.instant().toEpochMilli() / 1000.0);
        assertThat(delta(before, after, "otklik_sweep_duration_seconds_count", null, null))
                .isEqualTo(1);
        // the breach notified the org head, whose e-mail copy waits in the outbox (no SMTP in the tests)
        assertThat(value(after, "otklik_outbox_backlog", null, null)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void failedAndBlockedLoginsAreCounted() throws Exception {
        String before = scrape();
        HttpBrowser browser = new HttpBrowser(port);

        assertThat(browser.login("head", "demo")).endsWith("/");
        for (int i = 0; i < 10; i++) {
            assertThat(browser.login("metrics-nobody", "wrong")).contains("/login?error");
        }
        assertThat(browser.login("metrics-nobody", "wrong")).contains("/login?error");
        gauges.expire();

        String after = scrape();
        assertThat(delta(before, after, "otklik_logins_total", "result", "success"))
                .isEqualTo(1);
        assertThat(delta(before, after, "otklik_logins_total", "result", "bad_credentials"))
                .isEqualTo(10);
        assertThat(delta(before, after, "otklik_logins_total", "result", "blocked"))
                .isEqualTo(1);
        assertThat(value(after, "otklik_logins_blocked", null, null)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aScrapeWithoutTheMetricsUsersPasswordIsRefused() throws Exception {
        HttpResponse<String> anonymous =
                http.send(HttpRequest.newBuilder(uri()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(anonymous.body()).doesNotContain("otklik_");

        HttpResponse<String> wrong = http.send(
                HttpRequest.newBuilder(uri())
                        .header("Authorization", basic("prometheus", "guess"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);

        HttpBrowser admin = new HttpBrowser(port);
        admin.login("admin", "demo");
        assertThat(admin.get("/actuator/prometheus").statusCode()).isEqualTo(401);
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri())
                        .header("Authorization", basic("prometheus", IntegrationTest.METRICS_PASSWORD))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private int send(String body, String token) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/messages"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String message(String externalId) {
        return """
                {"externalId": "%s", "source": "VK", "url": "https://vk.com/wall-1_%s",
                 "text": "Когда придёт пособие?", "detectedAt": "2026-12-01T09:55:00+07:00"}""".formatted(externalId, Math.abs(externalId.hashCode()));
    }

    private URI uri() {
        return URI.create("http://localhost:" + port + "/actuator/prometheus");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static double delta(String before, String after, String name, String label, String value) {
        return value(after, name, label, value) - value(before, name, label, value);
    }

    /** The value of one series in the Prometheus text format; 0 when the series is not there yet. */
    static double value(String scrape, String name, String label, String labelValue) {
        Pattern series = Pattern.compile("^" + Pattern.quote(name) + "(\\{([^}]*)})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = series.matcher(scrape);
        while (m.find()) {
            String labels = m.group(2) == null ? "" : m.group(2);
            if (label == null || labels.contains(label + "=\"" + labelValue + "\"")) {
                return Double.parseDouble(m.group(3));
            }
        }
        return 0;
    }
}
