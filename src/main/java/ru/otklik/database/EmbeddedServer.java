package ru.otklik.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 of a data directory, started so that what it acknowledged survives a crash and only
 * Otklik can log in to it.
 *
 * <ul>
 * <li><b>Durable</b>: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} are on (the embedded
 * library turns the first two off for speed, which lost posts answered {@code 201} when the process was killed).</li>
 * <li><b>Password</b>: the superuser {@code postgres} gets a random password kept in {@code <data-dir>/postgres.password}
 * (readable by the owner only), and every connection, TCP or socket, must present it.</li>
 * <li><b>Restart after a crash</b>: a killed JVM leaves its postmaster running (it is started through {@code pg_ctl},
 * not as a child). If no live Otklik holds the data directory, that orphaned postmaster is stopped before the new
 * one starts.</li>
 * </ul>
 */
public final class EmbeddedServer {

    /** The settings that make a commit durable, each forced on over the embedded library's defaults. */
    static final List<String> DURABILITY = List.of("fsync", "synchronous_commit", "full_page_writes");

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final String SUPERUSER = "postgres";
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private EmbeddedServer() {}

    /**
     * Starts PostgreSQL on {@code dataDir/postgres}.
     *
     * @param dataDir Otklik's data directory ({@code otklik.data-dir})
     * @param port the port, or 0 for any free one
     */
    public static Started start(Path dataDir, int port) {
        Path pgData = dataDir.resolve("postgres").toAbsolutePath();
        try {
            Files.createDirectories(pgData);
            String password = password(dataDir.resolve("postgres.password"));
            stopOrphan(pgData);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "100")
                    .setConnectConfig("password", password);
            DURABILITY.forEach(setting -> builder.setServerConfig(setting, "on"));
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            requirePassword(postgres, pgData, password);
            log.info("Встроенная PostgreSQL запущена: порт {}, данные в {}", postgres.getPort(), pgData);
            return new Started(postgres, password);
        } catch (IOException ex) {
            throw new UncheckedIOException(
                    "Не удалось запустить встроенную PostgreSQL в " + pgData + ": " + ex.getMessage()
                            + ". Проверьте, что папка доступна для записи и что её не использует работающий экземпляр Отклика"
                            + " (его можно остановить или задать другую папку: otklik.data-dir).",
                    ex);
        }
    }

    /** A running embedded PostgreSQL and the superuser's password. */
    public record Started(EmbeddedPostgres postgres, String password) implements java.io.Closeable {

        @Override
        public void close() throws IOException {
            postgres.close();
        }

        public String jdbcUrl() {
            return postgres.getJdbcUrl(SUPERUSER, "postgres");
        }

        public String username() {
            return SUPERUSER;
        }
    }

    /** The password of the data directory: read, or made once and stored where only the owner can read it. */
    static String password(Path file) throws IOException {
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!stored.isEmpty()) {
                return stored;
            }
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(
                tmp,
                password,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE,
                StandardOpenOption.SYNC);
        ownerOnly(tmp);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    /**
     * Sets the superuser's password and makes {@code pg_hba.conf} demand it. The library creates the cluster with
     * {@code trust} for every local connection; an older data directory of Otklik has that too, so this runs at every
     * start and changes files only when they still trust.
     */
    private static void requirePassword(EmbeddedPostgres postgres, Path pgData, String password) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        String wanted = """
                # Written by Otklik: every connection to the embedded PostgreSQL needs the password in ../postgres.password
                local   all   all                  scram-sha-256
                host    all   all   127.0.0.1/32   scram-sha-256
                host    all   all   ::1/128        scram-sha-256
                """;
        if (wanted.equals(Files.readString(hba, StandardCharsets.UTF_8))) {
            return;
        }
        try (Connection connection =
                        DriverManager.getConnection(postgres.getJdbcUrl(SUPERUSER, "postgres"), SUPERUSER, password);
                Statement statement = connection.createStatement()) {
            statement.execute("set password_encryption = 'scram-sha-256'");
            statement.execute("alter role postgres password '" + password.replace("'", "''") + "'");
            Files.writeString(hba, wanted, StandardCharsets.UTF_8);
            statement.execute("select pg_reload_conf()");
        } catch (SQLException ex) {
            throw new IOException("не удалось задать пароль встроенной PostgreSQL: " + ex.getMessage(), ex);
        }
        ownerOnly(hba);
        log.info(
                "Встроенная PostgreSQL принимает подключения только с паролем из {}",
                pgData.resolveSibling("postgres.password"));
    }

    /**
     * Stops a postmaster that a killed Otklik left running on this data directory. A live Otklik holds the
     * library's lock file {@code epg-lock}; if the lock can be taken, nobody owns the postmaster any more.
     */
    static void stopOrphan(Path pgData) throws IOException {
        Optional<ProcessHandle> postmaster = runningPostmaster(pgData);
        if (postmaster.isEmpty()) {
            return;
        }
        long pid = postmaster.get().pid();
        if (heldByLiveInstance(pgData)) {
            throw new IOException("PostgreSQL (процесс " + pid + ") уже работает на этой папке у другого запущенного"
                    + " экземпляра Отклика");
        }
        log.warn(
                "Найден PostgreSQL (процесс {}), оставшийся от аварийно завершённого Отклика на {}: останавливаю его",
                pid,
                pgData);
        ProcessHandle process = postmaster.get();
        process.destroy();
        try {
            process.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException ex) {
            log.warn(
                    "PostgreSQL (процесс {}) не остановился за {} с: завершаю принудительно",
                    pid,
                    ORPHAN_STOP_WAIT.toSeconds());
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("прервано ожидание остановки PostgreSQL " + pid, ex);
        } catch (java.util.concurrent.ExecutionException ex) {
            throw new IOException("не удалось дождаться остановки PostgreSQL " + pid, ex);
        }
        log.info("Оставшийся PostgreSQL (процесс {}) остановлен", pid);
    }

    /** The postmaster named in {@code postmaster.pid}, if that process is alive and is a PostgreSQL server. */
    static Optional<ProcessHandle> runningPostmaster(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info()
                        .command()
                        .map(c -> c.endsWith("postgres") || c.endsWith("postgres.exe"))
                        .orElse(true));
    }

    private static boolean heldByLiveInstance(Path pgData) throws IOException {
        Path lockFile = pgData.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw")) {
            FileLock lock = file.getChannel().tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException ex) {
            return true;
        }
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ex) {
            // Windows: the file inherits the user's profile folder's permissions
        }
    }
}
