package ru.otklik.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.otklik.support.DatabaseContents.checksums;
import static ru.otklik.support.DatabaseContents.sequences;
import static ru.otklik.support.DatabaseContents.urlOf;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;
import ru.otklik.support.TestDatabase;

/**
 * A backup is the whole of Otklik's data: restored into an empty database it gives back every row of every table and
 * every sequence where it was, and it is never restored over data.
 */
@IntegrationTest
class BackupRestoreIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    Flyway flyway;

    @Autowired
    MockMvc mvc;

    @TempDir
    Path dir;

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseGivesBackEveryRowAndSequence() throws Exception {
        JdbcTemplate source = new JdbcTemplate(dataSource);
        Map<String, String> before = checksums(source);
        Map<String, Long> sequencesBefore = sequences(source);
        Path file = dir.resolve("otklik-20261201-120000.zip");
        try (var out = Files.newOutputStream(file)) {
            Backups.Manifest manifest = Backups.write(dataSource, out, Instant.parse("2026-12-01T05:00:00Z"));
            assertThat(manifest.rows())
                    .containsKeys("post", "app_user", "deadline_clock")
                    .doesNotContainKey("spring_session");
        }

        String database = "restore_" + UUID.randomUUID().toString().replace("-", "");
        source.execute("create database " + database);
        try {
            DriverManagerDataSource target = new DriverManagerDataSource(
                    urlOf(database),
                    TestDatabase.get().username(),
                    TestDatabase.get().password());
            Flyway restoring = Flyway.configure()
                    .dataSource(target)
                    .locations("classpath:db/migration")
                    .load();
            DatabaseStartup.restore(restoring, file);
            restoring.migrate();

            JdbcTemplate restored = new JdbcTemplate(target);
            assertThat(checksums(restored)).isEqualTo(before);
            assertThat(sequences(restored)).isEqualTo(sequencesBefore);
            assertThat(restored.queryForObject(
                            "select count(*) from flyway_schema_history where success", Integer.class))
                    .isEqualTo(source.queryForObject(
                            "select count(*) from flyway_schema_history where success", Integer.class));

            assertThatThrownBy(() -> DatabaseStartup.restore(restoring, file))
                    .hasMessageContaining("база данных не пуста");
        } finally {
            source.execute("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void theAdministratorDownloadsACopyAndNobodyElseDoes() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        mvc.perform(get("/admin/backups").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Резервные копии")))
                .andExpect(content().string(containsString("Скачать копию сейчас")));
        byte[] zip = mvc.perform(post("/admin/backups/download").cookie(admin).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Backups.Manifest manifest = Backups.manifest(new ByteArrayInputStream(zip));
        assertThat(manifest.rows().get("app_user")).isPositive();

        Cookie specialist = Sessions.login(mvc, "specialist");
        mvc.perform(post("/admin/backups/download").cookie(specialist).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/backups/otklik-20261201-120000.zip").cookie(admin))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/backups/postgres.password").cookie(admin)).andExpect(status().isNotFound());
    }

    @Test
    void somethingThatIsNotABackupIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> Backups.manifest(new ByteArrayInputStream(new ByteArrayOutputStream().toByteArray())))
                .hasMessageContaining("не резервная копия");
    }
}
