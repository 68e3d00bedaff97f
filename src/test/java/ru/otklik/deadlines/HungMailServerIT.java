package ru.otklik.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.OtklikApplication;
import ru.otklik.deadlines.internal.Notifications;
import ru.otklik.people.internal.Users;
import ru.otklik.support.FreshDatabase;
import ru.otklik.support.MutableClock;
import ru.otklik.support.TestConfig;
import ru.otklik.support.TestDatabase;

/**
 * A mail server that accepts connections and never answers cannot stop the deadline sweep: the sweep runs on its own
 * thread, the outbox holds no transaction (nor row lock) while it talks to the server, and gives up after the SMTP
 * read timeout; health stays UP with mail DEGRADED; stopping the instance does not wait for the mail server. Starts a
 * whole instance of its own (its scheduled sweep on, on a database of its own) and stops it at the end.
 */
@Tag("fault")
class HungMailServerIT {

    static final int READ_TIMEOUT_MS = 8000;

    /** Accepts every connection and never writes a byte: the SMTP greeting never comes. */
    static final BlackHole SMTP = new BlackHole();

    static ConfigurableApplicationContext context;
    static JdbcClient jdbc;
    static TransactionTemplate transactions;
    static MutableClock clock;
    static String base;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startInstance() {
        context = new SpringApplicationBuilder(OtklikApplication.class, TestConfig.class)
                .properties(
                        "spring.datasource.url=" + FreshDatabase.create("otklik_hung_mail"),
                        "spring.datasource.username=" + TestDatabase.get().username(),
                        "spring.datasource.password=" + TestDatabase.get().password(),
                        "server.port=0",
                        "otklik.demo=true",
                        "otklik.sweep.enabled=true",
                        "otklik.sweep.delay-ms=500",
                        "otklik.sweep.initial-delay-ms=0",
                        "otklik.mail.outbox-delay-ms=200",
                        "spring.mail.host=127.0.0.1",
                        "spring.mail.port=" + SMTP.port(),
                        "spring.mail.properties.mail.smtp.connectiontimeout=2000",
                        "spring.mail.properties.mail.smtp.timeout=" + READ_TIMEOUT_MS,
                        "spring.mail.properties.mail.smtp.writetimeout=" + READ_TIMEOUT_MS,
                        "spring.main.banner-mode=off")
                .run();
        jdbc = context.getBean(JdbcClient.class);
        transactions = context.getBean(TransactionTemplate.class);
        clock = context.getBean(MutableClock.class);
        base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopInstance() throws IOException {
        if (context != null && context.isActive()) {
            context.close();
        }
        SMTP.close();
    }

    @Test
    void clocksFallingDueWhileTheMailServerHangsAreActedOnWithinASweepInterval() throws Exception {
        long postId = jdbc.sql("select min(id) from post").query(Long.class).single();
        long outboxRows =
                jdbc.sql("select count(*) from email_outbox").query(Long.class).single();
        Notifications notifications = context.getBean(Notifications.class);
        long deputy = context.getBean(Users.class)
                .findByLogin("deputy2")
                .orElseThrow()
                .getId();
        transactions.executeWithoutResult(
                s -> notifications.notify(deputy, NotificationKind.BREACH, "ROUTE", postId, null));
        assertThat(jdbc.sql("select count(*) from email_outbox")
                        .query(Long.class)
                        .single())
                .isGreaterThan(outboxRows);

        await(Duration.ofSeconds(10), () -> SMTP.accepted() > 0);
        long hungSince = System.nanoTime();

        // the outbox is stuck in the SMTP conversation, and holds no row lock meanwhile
        assertThatCode(() -> transactions.executeWithoutResult(
                        s -> jdbc.sql("select id from email_outbox where sent_at is null for update nowait")
                                .query(Long.class)
                                .list()))
                .doesNotThrowAnyException();
        // (other work, such as a sweep between two statements, may be idle in its own transaction for a moment: the
        // outbox's is the one whose last statement claimed a row)
        assertThat(jdbc.sql("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and state = 'idle in transaction'
                          and query like '%update email_outbox o set next_attempt_at%'""").query(Long.class).single()).isZero();

        // every demo clock falls due: the sweep acts on them within one interval, while the mail server still hangs
        assertThat(runningDueBy(clock.instant().plus(Duration.ofDays(30)))).isPositive();
        clock.advance(Duration.ofDays(30));
        await(Duration.ofSeconds(2), () -> dueAndRunning() == 0);
        assertThat(Duration.ofNanos(System.nanoTime() - hungSince)).isLessThan(Duration.ofMillis(READ_TIMEOUT_MS));

        // and the stuck send gives up after the read timeout, recorded as a failed attempt to retry later
        await(
                Duration.ofMillis(READ_TIMEOUT_MS + 5000),
                () -> jdbc.sql("select count(*) from email_outbox where last_error is not null")
                                .query(Long.class)
                                .single()
                        > 0);
        assertThat(jdbc.sql("select count(*) from email_outbox where sent_at is not null")
                        .query(Long.class)
                        .single())
                .isZero();

        // mail is reported DEGRADED on its own; the instance stays healthy, alive and ready
        assertThat(get("/actuator/health/email")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("\"DEGRADED\"");
        });
        for (String probe : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
            assertThat(get(probe)).as(probe).satisfies(r -> {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("\"UP\"");
            });
        }

        // the breaches' e-mails hang the outbox again (a connection more than attempts finished): stopping the
        // instance does not wait for the mail server
        await(
                Duration.ofSeconds(5),
                () -> SMTP.accepted()
                        > jdbc.sql("select coalesce(sum(attempts), 0) from email_outbox")
                                .query(Long.class)
                                .single());
        long stopping = System.nanoTime();
        context.close();
        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(3));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long dueAndRunning() {
        return runningDueBy(clock.instant());
    }

    private long runningDueBy(Instant instant) {
        return jdbc.sql("select count(*) from deadline_clock where state = 'RUNNING' and due_at <= ?")
                .param(java.sql.Timestamp.from(instant))
                .query(Long.class)
                .single();
    }

    private static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit);
            }
            Thread.sleep(50);
        }
    }

    /** A server socket that accepts connections, keeps them open and never answers. */
    static final class BlackHole implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> connections = new CopyOnWriteArrayList<>();

        BlackHole() {
            try {
                server = new ServerSocket(0);
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
            Thread acceptor = new Thread(
                    () -> {
                        while (!server.isClosed()) {
                            try {
                                connections.add(server.accept());
                            } catch (IOException ex) {
                                return;
                            }
                        }
                    },
                    "black-hole-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return connections.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : connections) {
                socket.close();
            }
        }
    }
}
