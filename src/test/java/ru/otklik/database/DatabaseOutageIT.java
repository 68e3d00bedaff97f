package ru.otklik.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.otklik.support.ChildApplication;

/**
 * Otklik on an external PostgreSQL that is not up at start and is stopped under load: Otklik waits for it at start,
 * answers within seconds while it is down — a Russian page for people, 503 problem+json with {@code Retry-After} for
 * ЦУР — and everything it acknowledged is stored once the database is back.
 */
@Tag("fault")
class DatabaseOutageIT {

    private static final Duration PROMPT = Duration.ofSeconds(5);

    @TempDir
    Path pgData;

    @TempDir
    Path logs;

    @Test
    void otklikWaitsForTheDatabaseAnswersPromptlyWhileItIsDownAndLosesNothingAcknowledged() throws Exception {
        int pgPort = ChildApplication.freePort();
        try (ChildApplication app = ChildApplication.start(
                logs.resolve("otklik.log"),
                "--spring.datasource.url=jdbc:postgresql://localhost:" + pgPort + "/postgres",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--otklik.admin-password=outage-test-Kuzbass-2026",
                "--otklik.database.startup-retry=1s",
                "--otklik.calendar.refresh-ms=1000",
                "--otklik.session.cleanup-cron=* * * * * *")) {
            awaitLog(app, "База данных недоступна", Duration.ofMinutes(2));
            assertThat(app.process().isAlive())
                    .as("Otklik waits for the database instead of exiting")
                    .isTrue();

            EmbeddedPostgres postgres = startPostgres(pgPort);
            app.awaitReady(Duration.ofMinutes(3));

            ChildApplication.Load load = app.load(4, "OUTAGE");
            Thread.sleep(3_000);

            postgres.close();
            int acknowledgedBeforeOutage = load.acknowledged().size();

            // the login page needs no database (no session before a login): it opens, or says the database is down
            HttpResponse<String> loginPage = promptly(() -> app.get("/login"));
            assertThat(loginPage.statusCode()).isIn(200, 503);
            assertThat(loginPage.body()).containsAnyOf("name=\"_csrf\"", "База данных недоступна");

            HttpResponse<String> signedIn = promptly(() -> app.send(HttpRequest.newBuilder(app.uri("/inbox"))
                    .header("Cookie", "SESSION=MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw")
                    .GET()
                    .build()));
            assertThat(signedIn.statusCode()).isEqualTo(503);
            assertThat(signedIn.body()).contains("База данных недоступна").contains("Повторите через минуту");

            HttpResponse<String> api = promptly(() -> app.postMessage("OUTAGE-PROBE"));
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(api.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(api.body()).contains("База данных недоступна");

            HttpResponse<String> health = promptly(() -> app.get("/actuator/health"));
            assertThat(health.statusCode()).isEqualTo(503);

            Thread.sleep(2_000);
            int acknowledgedDuringOutage = load.acknowledged().size() - acknowledgedBeforeOutage;
            EmbeddedPostgres restarted = startPostgres(pgPort);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int status;
            do {
                status = app.postMessage("OUTAGE-AFTER").statusCode();
                Thread.sleep(200);
            } while (status != 201 && status != 200 && System.nanoTime() < deadline);
            assertThat(status)
                    .as("intake works again once the database is back")
                    .isIn(200, 201);
            Set<String> acknowledged = new HashSet<>(load.stop());
            acknowledged.add("OUTAGE-AFTER");
            String log = app.log();
            assertThat(log)
                    .as("the scheduled jobs said in a line what failed")
                    .contains("Календарь не обновлён")
                    .contains("Истёкшие сеансы не удалены");
            assertThat(log)
                    .as("no stack trace from the scheduled jobs or the API")
                    .doesNotContain("Unexpected error occurred in scheduled task")
                    .doesNotContain("\tat ru.otklik.calendar.WorkingTime")
                    .doesNotContain("Intake API failed");

            try (restarted;
                    Connection db = DriverManager.getConnection(restarted.getJdbcUrl("postgres", "postgres"));
                    Statement sql = db.createStatement();
                    ResultSet rows =
                            sql.executeQuery("select external_id from post where external_id like 'OUTAGE-%'")) {
                Set<String> stored = new HashSet<>();
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
                assertThat(acknowledged).hasSizeGreaterThan(10);
                Set<String> lost = new HashSet<>(acknowledged);
                lost.removeAll(stored);
                assertThat(lost)
                        .as("posts answered 201 but missing, of %d", acknowledged.size())
                        .isEmpty();
                assertThat(acknowledgedDuringOutage)
                        .as("only requests already committed when it stopped are acknowledged")
                        .isLessThanOrEqualTo(4);
            }
        }
    }

    private static HttpResponse<String> promptly(Callable<HttpResponse<String>> request) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = request.call();
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("answered within %s", PROMPT)
                .isLessThan(PROMPT);
        return answer;
    }

    private EmbeddedPostgres startPostgres(int port) throws Exception {
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("timezone", "UTC")
                .start();
    }

    private static void awaitLog(ChildApplication app, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (app.log().contains(text)) {
                return;
            }
            if (!app.process().isAlive()) {
                throw new AssertionError("Отклик завершился вместо ожидания базы данных:\n" + app.tail());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("В журнале нет «" + text + "»:\n" + app.tail());
    }
}
