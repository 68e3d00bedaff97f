package ru.otklik.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.event.EventListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The database at start: Otklik waits for it instead of exiting when it is not up yet (a database container that
 * starts more slowly, a restart of the server), and says in the log how durable its writes are.
 */
@Component
class DatabaseStartup implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStartup.class);

    private final Duration retryEvery;
    private final Duration giveUpAfter;
    private final String restoreFrom;

    DatabaseStartup(DatabaseSettings settings) {
        this.retryEvery = settings.database().startupRetry();
        this.giveUpAfter = settings.database().startupTimeout();
        this.restoreFrom = settings.restoreFrom();
    }

    /**
     * Flyway migrates first of all, so waiting here holds back everything that needs the database; a restore from a
     * backup ({@code otklik.restore-from}) happens here too, before anything reads the data.
     */
    @Override
    public void migrate(Flyway flyway) {
        awaitDatabase(flyway.getConfiguration().getDataSource());
        if (!restoreFrom.isBlank()) {
            restore(flyway, Path.of(restoreFrom));
        }
        flyway.migrate();
    }

    /**
     * Restores a copy made by {@link Backups} into an empty database: the schema at the copy's version, the rows, then
     * (by the caller) the migrations since. A database that already holds Otklik's schema is never overwritten.
     */
    static void restore(Flyway flyway, Path file) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        try {
            if (!Backups.empty(dataSource)) {
                throw new IllegalStateException("Восстановление из " + file + " отменено: база данных не пуста."
                        + " Восстановить копию можно только в пустую базу (для встроенной — в новую папку данных"
                        + " otklik.data-dir); после восстановления уберите настройку otklik.restore-from.");
            }
            Backups.Manifest manifest;
            try (InputStream in = Files.newInputStream(file)) {
                manifest = Backups.manifest(in);
            }
            log.info(
                    "Восстановление из {}: копия от {}, схема версии {}",
                    file,
                    manifest.createdAt(),
                    manifest.schemaVersion());
            Flyway.configure(flyway.getConfiguration().getClassLoader())
                    .configuration(flyway.getConfiguration())
                    .target(manifest.schemaVersion())
                    .load()
                    .migrate();
            try (InputStream in = Files.newInputStream(file)) {
                Backups.load(dataSource, in);
            }
            log.info(
                    "Восстановлено из {}: {} таблиц, {} строк",
                    file,
                    manifest.rows().size(),
                    manifest.totalRows());
        } catch (IOException | SQLException ex) {
            throw new IllegalStateException("Не удалось восстановить данные из " + file + ": " + ex.getMessage(), ex);
        }
    }

    void awaitDatabase(DataSource dataSource) {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                if (attempt > 1) {
                    log.info("База данных доступна, запуск продолжается (попытка {})", attempt);
                }
                return;
            } catch (SQLException | RuntimeException ex) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "База данных недоступна уже " + giveUpAfter.toMinutes()
                                    + " мин (otklik.database.startup-timeout): " + rootMessage(ex),
                            ex);
                }
                log.warn(
                        "База данных недоступна ({}): повторная попытка через {} с",
                        rootMessage(ex),
                        retryEvery.toSeconds());
                sleep();
            }
        }
    }

    /** What an operator should know at every start: whether a commit survives a crash. */
    @EventListener(ApplicationStartedEvent.class)
    void reportDurability(ApplicationStartedEvent event) {
        DataSource dataSource = event.getApplicationContext().getBean(DataSource.class);
        List<String> settings = new ArrayList<>();
        List<String> off = new ArrayList<>();
        new JdbcTemplate(dataSource)
                .query(
                        "select name, setting from pg_settings where name in ('fsync',"
                                + " 'synchronous_commit', 'full_page_writes') order by name",
                        rs -> {
                            settings.add(rs.getString(1) + "=" + rs.getString(2));
                            if ("off".equals(rs.getString(2))) {
                                off.add(rs.getString(1));
                            }
                        });
        if (off.isEmpty()) {
            log.info(
                    "Надёжность записи PostgreSQL: {} — подтверждённые записи переживают сбой",
                    String.join(", ", settings));
        } else {
            log.warn(
                    "Надёжность записи PostgreSQL: {} — при сбое сервера БД подтверждённые записи могут пропасть;"
                            + " включите {}",
                    String.join(", ", settings),
                    String.join(", ", off));
        }
    }

    private void sleep() {
        try {
            Thread.sleep(retryEvery.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Запуск прерван во время ожидания базы данных", ex);
        }
    }

    private static String rootMessage(Throwable ex) {
        return String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
    }
}
