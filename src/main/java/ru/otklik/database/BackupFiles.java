package ru.otklik.database;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.otklik.calendar.MinistryTime;

/**
 * Backups kept in a directory ({@code otklik.backup.dir}; by default {@code <data-dir>/backups} on the embedded database,
 * none on an external one, whose administrators have {@code pg_dump}): one made every night at 02:00 Novokuznetsk time
 * by whichever instance takes the lock first, the newest {@code otklik.backup.keep} kept.
 */
@Component
public class BackupFiles {

    /** One file of the directory. */
    public record BackupFile(String name, long size, Instant modified) {}

    static final Pattern NAME = Pattern.compile("otklik-\\d{8}-\\d{6}\\.zip");
    private static final Logger log = LoggerFactory.getLogger(BackupFiles.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(MinistryTime.ZONE);
    /** Any number of the application's own, the same on every instance: only one instance makes the nightly copy. */
    private static final long LOCK = 0x6f746b6c696b4255L;

    private final DataSource dataSource;
    private final Clock clock;
    private final Optional<Path> dir;
    private final int keep;

    BackupFiles(DataSource dataSource, Clock clock, Environment environment, DatabaseSettings settings) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.keep = Math.max(1, settings.backup().keep());
        String configured = settings.backup().dir();
        if (!configured.isBlank()) {
            this.dir = Optional.of(Path.of(configured).toAbsolutePath());
        } else if (environment.getProperty("spring.datasource.url", "").isBlank()) {
            this.dir = Optional.of(Path.of(settings.dataDir(), "backups").toAbsolutePath());
        } else {
            this.dir = Optional.empty();
        }
    }

    /** The directory, if backups are kept by Otklik. */
    public Optional<Path> directory() {
        return dir;
    }

    /** The kept backups, newest first. */
    public List<BackupFile> list() throws IOException {
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir.get())) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .map(f -> {
                        try {
                            return new BackupFile(
                                    f.getFileName().toString(),
                                    Files.size(f),
                                    Files.getLastModifiedTime(f).toInstant());
                        } catch (IOException ex) {
                            return null;
                        }
                    })
                    .filter(java.util.Objects::nonNull)
                    .sorted(Comparator.comparing(BackupFile::name).reversed())
                    .toList();
        }
    }

    /** A kept backup by its name, if there is one by that name. */
    public Optional<Path> find(String name) {
        if (dir.isEmpty() || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = dir.get().resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The file name of a backup made at {@code at}, in the Ministry's time. */
    static String nameFor(Instant at) {
        return "otklik-" + STAMP.format(at) + ".zip";
    }

    /** Makes a backup in the directory now and removes the oldest beyond the number kept. */
    public BackupFile makeNow() throws IOException {
        Path target = dir.orElseThrow(() -> new IOException("Каталог резервных копий не задан (otklik.backup.dir)"));
        Files.createDirectories(target);
        Instant now = clock.instant();
        String name = nameFor(now);
        Path partial = target.resolve(name + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            Backups.write(dataSource, out, now);
        }
        Path file = Files.move(
                partial, target.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        List<BackupFile> all = list();
        for (BackupFile old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(target.resolve(old.name()));
        }
        return new BackupFile(name, Files.size(file), now);
    }

    @Scheduled(cron = "#{" + DatabaseSettings.BEAN + ".backup().cron()}", zone = MinistryTime.ZONE_ID)
    void nightly() {
        if (dir.isEmpty()) {
            return;
        }
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!tryLock(lockHolder)) {
                return;
            }
            try {
                BackupFile made = makeNow();
                log.info("Резервная копия создана: {} ({} байт)", dir.get().resolve(made.name()), made.size());
            } finally {
                try (Statement sql = lockHolder.createStatement()) {
                    sql.execute("select pg_advisory_unlock(" + LOCK + ")");
                }
            }
        } catch (IOException | SQLException | RuntimeException ex) {
            log.warn("Резервная копия не создана: {}", ex.toString());
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("select pg_try_advisory_lock(" + LOCK + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
