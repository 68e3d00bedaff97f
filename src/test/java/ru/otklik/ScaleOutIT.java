package ru.otklik;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import ru.otklik.support.ChildApplication;

/**
 * README's «Scaling out», shown: two Otklik processes on one PostgreSQL, as behind a load balancer. A person signed in
 * on one is signed in on the other; ЦУР sending the same post to both gets one post; clocks that fall due are acted
 * on once though both sweep; the posts registered on both at once get the year's registration numbers with no gap and
 * none twice.
 */
@Tag("fault")
class ScaleOutIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @TempDir
    Path pgData;

    @TempDir
    Path logs;

    @Test
    void twoInstancesShareSessionsIntakeAndTheSweep() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setServerConfig("timezone", "UTC")
                .start()) {
            String[] settings = {
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--otklik.admin-password=scale-out-Kuzbass-2026",
                "--otklik.sweep.enabled=true",
                "--otklik.sweep.delay-ms=500",
                "--otklik.sweep.initial-delay-ms=500"
            };
            try (ChildApplication first = ChildApplication.start(logs.resolve("first.log"), settings);
                    ChildApplication second = ChildApplication.start(logs.resolve("second.log"), settings)) {
                first.awaitReady(Duration.ofMinutes(3));
                second.awaitReady(Duration.ofMinutes(3));

                // a person signed in on the first instance is signed in on the second
                HttpClient browser = HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .build();
                String loginPage = browser.send(
                                HttpRequest.newBuilder(first.uri("/login"))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                Matcher csrf = CSRF.matcher(loginPage);
                assertThat(csrf.find())
                        .as("the login form carries a CSRF token")
                        .isTrue();
                HttpResponse<String> login = browser.send(
                        HttpRequest.newBuilder(first.uri("/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("username=specialist&password=demo&_csrf="
                                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(login.statusCode()).isEqualTo(302);
                assertThat(login.headers().firstValue("Location"))
                        .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
                HttpResponse<String> inboxOnSecond = browser.send(
                        HttpRequest.newBuilder(second.uri("/inbox")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(inboxOnSecond.statusCode()).isEqualTo(200);
                assertThat(inboxOnSecond.body()).contains("Входящие");

                // ЦУР sends every post to both instances at once: one post each
                ExecutorService clients = Executors.newFixedThreadPool(8);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int n = 0; n < 30; n++) {
                    String id = "SCALE-" + n;
                    for (ChildApplication instance : List.of(first, second)) {
                        Callable<Integer> send = () -> instance.postMessage(id).statusCode();
                        answers.add(clients.submit(send));
                    }
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                clients.shutdown();
                assertThat(statuses).containsOnly(200, 201);
                assertThat(statuses.stream().filter(status -> status == 201)).hasSize(30);

                try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"))) {
                    JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                    assertThat(db.queryForObject(
                                    "select count(*) from post where external_id like 'SCALE-%'", Integer.class))
                            .isEqualTo(30);

                    // the Ministry's registration numbers of the year, given by both instances at once: 1..N with no
                    // gap and no number twice (the demo's posts, registered at start, included)
                    List<Integer> numbers = db.queryForList(
                            "select registration_seq from post where registration_year = extract(year from now()"
                                    + " at time zone 'Asia/Novokuznetsk') order by registration_seq",
                            Integer.class);
                    assertThat(numbers)
                            .as("registration numbers of the year")
                            .hasSizeGreaterThanOrEqualTo(30)
                            .isEqualTo(java.util.stream.IntStream.rangeClosed(1, numbers.size())
                                    .boxed()
                                    .toList());
                    assertThat(db.queryForList(
                                    "select registration_number from post where external_id like 'SCALE-%'",
                                    String.class))
                            .hasSize(30)
                            .doesNotHaveDuplicates()
                            .allSatisfy(number -> assertThat(number).matches("СОЦ-\\d{4}/\\d{4}"));
                    assertThat(db.queryForObject(
                                    "select last from registration_counter where year = extract(year from now()"
                                            + " at time zone 'Asia/Novokuznetsk')",
                                    Integer.class))
                            .as("the counter stands at the last number given")
                            .isEqualTo(numbers.size());

                    // every running clock of those posts falls due now; both instances sweep every half second
                    List<Long> due = db.queryForList("""
                            update deadline_clock set due_at = now() - interval '1 minute', warn_at = now() - interval '2 minutes'
                            where state = 'RUNNING' and post_id in (select id from post where external_id like 'SCALE-%')
                            returning id""", Long.class);
                    assertThat(due).hasSizeGreaterThanOrEqualTo(30);
                    String dueIds = due.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    String stillRunning =
                            "select count(*) from deadline_clock where state = 'RUNNING' and id in (" + dueIds + ")";
                    while (System.nanoTime() < deadline && db.queryForObject(stillRunning, Integer.class) > 0) {
                        Thread.sleep(250);
                    }
                    assertThat(db.queryForObject(
                                    "select count(*) from deadline_clock where state = 'BREACHED' and id in (" + dueIds
                                            + ")",
                                    Integer.class))
                            .as("every clock that fell due was acted on")
                            .isEqualTo(due.size());
                    assertThat(db.queryForObject(
                                    "select count(*) from clock_action where action <> 'WARNING' and clock_id in ("
                                            + dueIds + ")",
                                    Integer.class))
                            .as("each once")
                            .isEqualTo(due.size());
                    assertThat(db.queryForObject("""
                            select count(*) from (select clock_id, recipient_id, kind from notification n
                                join deadline_clock c on c.id = n.clock_id join post p on p.id = c.post_id
                                where p.external_id like 'SCALE-%'
                                group by clock_id, recipient_id, kind having count(*) > 1) twice""", Integer.class))
                            .as("nobody was told twice about one clock")
                            .isZero();
                    assertThat(db.queryForObject("""
                            select count(*) from notification n join deadline_clock c on c.id = n.clock_id
                            join post p on p.id = c.post_id where p.external_id like 'SCALE-%' and n.kind = 'BREACH'""", Integer.class))
                            .as("the breaches were told to someone")
                            .isPositive();
                }
            }
        }
    }
}
