package ru.otklik.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one real PostgreSQL of a test run: a Testcontainers {@code postgres:<major>} when a Docker engine answers,
 * otherwise the embedded PostgreSQL binaries on the class path. The major version is the build's
 * ({@code otklik.test.postgres-major}: 17, or 15 and 16 with the {@code postgres15}/{@code postgres16} profiles).
 * Started once, shared by every test, stopped at JVM exit.
 */
public final class TestDatabase {

    private static final TestDatabase INSTANCE = start();

    private final String url;
    private final String username;
    private final String password;

    private TestDatabase(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public static TestDatabase get() {
        return INSTANCE;
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The PostgreSQL major version this build tests on. */
    public static int expectedMajor() {
        return Integer.parseInt(System.getProperty("otklik.test.postgres-major", "17"));
    }

    private static TestDatabase start() {
        if (!"embedded".equals(System.getenv("OTKLIK_TEST_DB")) && dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:" + expectedMajor());
            container.start();
            return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("timezone", "UTC")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary data folder is removed by the next run's cleaner
                }
            }));
            return new TestDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException ex) {
            throw new UncheckedIOException("Не удалось запустить встроенную PostgreSQL для тестов", ex);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException ex) {
            return false;
        }
    }
}
