package ru.otklik.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.otklik.support.ChildApplication;

/**
 * Otklik on its embedded PostgreSQL, killed the hard way while ЦУР keeps sending posts: what it acknowledged is
 * there after the restart, and a restart after a crash just comes up.
 */
@Tag("fault")
class EmbeddedCrashIT {

    private static final Duration START = Duration.ofMinutes(3);

    @TempDir
    Path dataDir;

    @TempDir
    Path logs;

    @Test
    void everyPostAnswered201SurvivesKillingTheJvmAndItsPostgresTogether() throws Exception {
        Set<String> acknowledged;
        try (ChildApplication app =
                ChildApplication.start(logs.resolve("otklik.log"), "--otklik.data-dir=" + dataDir)) {
            app.awaitReady(START);
            ChildApplication.Load load = app.load(8, "CRASH");
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (load.acknowledged().size() < 300 && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            app.killEverything(dataDir);
            acknowledged = load.stop();
        }
        assertThat(acknowledged).as("posts answered 201 before the kill").hasSizeGreaterThanOrEqualTo(300);

        EmbeddedServer.Started restarted = EmbeddedServer.start(dataDir, 0);
        try (restarted;
                Connection db =
                        DriverManager.getConnection(restarted.jdbcUrl(), restarted.username(), restarted.password());
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select external_id from post where external_id like 'CRASH-%'")) {
            Set<String> stored = new HashSet<>();
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertThat(lost)
                    .as("posts answered 201 but missing after the crash, of %d", acknowledged.size())
                    .isEmpty();
        }
    }

    @Test
    void aRestartAfterTheJvmAloneWasKilledStopsTheOrphanedPostgresAndComesUp() throws Exception {
        String posted;
        try (ChildApplication first =
                ChildApplication.start(logs.resolve("first.log"), "--otklik.data-dir=" + dataDir)) {
            first.awaitReady(START);
            posted = "ORPHAN-1";
            assertThat(first.postMessage(posted).statusCode()).isEqualTo(201);
            first.killJvm();
        }
        assertThat(ChildApplication.postmaster(dataDir))
                .as("the postmaster outlived its JVM")
                .isPresent();
        long orphan = ChildApplication.postmaster(dataDir).orElseThrow().pid();

        try (ChildApplication second =
                ChildApplication.start(logs.resolve("second.log"), "--otklik.data-dir=" + dataDir)) {
            second.awaitReady(START);
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive))
                    .as("the orphan was stopped")
                    .isEmpty();
            assertThat(second.log()).contains("оставшийся от аварийно завершённого Отклика");
            assertThat(second.postMessage(posted).statusCode())
                    .as("the post of before the crash is known")
                    .isEqualTo(200);
        }
    }
}
