package ru.otklik.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static ru.otklik.support.DatabaseContents.checksums;
import static ru.otklik.support.DatabaseContents.sequences;
import static ru.otklik.support.DatabaseContents.urlOf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.TestDatabase;

/**
 * The backup service of docker-compose.yml ({@code docker/backup.sh}, {@code pg_dump}) and README's restore procedure
 * ({@code pg_restore} into an empty database), run here with this machine's PostgreSQL client tools. {@code pg_dump}
 * dumps only servers of its own major version or older: Debian 12's client is 15, so this runs in the suite's
 * PostgreSQL 15 pass ({@code -Ppostgres15}, which {@code .ci/run} makes) and is skipped, saying why, on 16 and 17.
 */
@IntegrationTest
class ComposeBackupIT {

    @Autowired
    DataSource dataSource;

    @TempDir
    Path backups;

    @Test
    void theBackupServiceDumpsTheDatabaseAndReadmesRestoreGivesItAllBack() throws Exception {
        int clientMajor = clientMajor();
        assumeTrue(
                clientMajor >= TestDatabase.expectedMajor(),
                "pg_dump " + clientMajor + " cannot dump PostgreSQL " + TestDatabase.expectedMajor()
                        + "; this test runs in the PostgreSQL 15 pass of .ci/run");
        JdbcTemplate source = new JdbcTemplate(dataSource);
        Map<String, String> before = checksums(source);
        Map<String, Long> sequencesBefore = sequences(source);
        String database = source.queryForObject("select current_database()", String.class);

        run(
                List.of("sh", Path.of("docker/backup.sh").toAbsolutePath().toString()),
                Map.of("BACKUP_DIR", backups.toString(), "BACKUP_ONCE", "true", "PGDATABASE", database));
        List<Path> dumps;
        try (Stream<Path> files = Files.list(backups)) {
            dumps = files.filter(f -> f.getFileName().toString().matches("otklik-\\d{8}-\\d{6}\\.dump"))
                    .toList();
        }
        assertThat(dumps).hasSize(1);

        String restored = "compose_restore_" + UUID.randomUUID().toString().replace("-", "");
        run(List.of("createdb", restored), Map.of());
        try {
            run(
                    List.of(
                            "pg_restore",
                            "--no-owner",
                            "--exit-on-error",
                            "-d",
                            restored,
                            dumps.get(0).toString()),
                    Map.of());
            JdbcTemplate copy = new JdbcTemplate(new DriverManagerDataSource(
                    urlOf(restored),
                    TestDatabase.get().username(),
                    TestDatabase.get().password()));
            assertThat(checksums(copy)).isEqualTo(before);
            assertThat(sequences(copy)).isEqualTo(sequencesBefore);
        } finally {
            source.execute("drop database if exists " + restored + " with (force)");
        }
    }

    private static int clientMajor() throws IOException, InterruptedException {
        try {
            String version = run(List.of("pg_dump", "--version"), Map.of());
            return Integer.parseInt(version.replaceAll("(?s).*?(\\d+)\\.\\d+.*", "$1"));
        } catch (IOException ex) {
            return 0;
        }
    }

    /** Runs a client tool against the test server, as the compose service's environment would. */
    private static String run(List<String> command, Map<String, String> extra)
            throws IOException, InterruptedException {
        String url = TestDatabase.get().url();
        String hostPort = url.replaceFirst("jdbc:postgresql://([^/]+)/.*", "$1");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment()
                .put("PGHOST", hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort);
        builder.environment()
                .put("PGPORT", hostPort.contains(":") ? hostPort.substring(hostPort.indexOf(':') + 1) : "5432");
        builder.environment().put("PGUSER", TestDatabase.get().username());
        builder.environment().put("PGPASSWORD", TestDatabase.get().password());
        builder.environment().putAll(extra);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
