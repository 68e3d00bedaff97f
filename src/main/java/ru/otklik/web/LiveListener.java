package ru.otklik.web;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import ru.otklik.people.PeopleCache;

/**
 * This instance's ear on PostgreSQL: one connection of its own, outside the pool, that {@code LISTEN}s on
 * {@value #CHANNEL} (V66's triggers announce every change there in the changing transaction) and hands each event
 * to {@link LiveStreams}, and V74's {@code p} (people or departments changed) to {@link PeopleCache}. A lost
 * connection is opened again after {@link LiveSettings#reconnect()}; what was missed meanwhile is refreshed on every
 * page, and the people kept in memory are forgotten.
 */
@Component
class LiveListener implements SmartLifecycle {

    static final String CHANNEL = "otklik_live";

    private static final Logger log = LoggerFactory.getLogger(LiveListener.class);
    /** How long one wait for notifications lasts before the loop looks whether it should stop. */
    private static final int WAIT_MS = 500;

    private final DataSource dataSource;
    private final LiveStreams streams;
    private final LiveSettings settings;
    private final PeopleCache people;
    private volatile Thread thread;
    private volatile Connection connection;

    LiveListener(DataSource dataSource, LiveStreams streams, LiveSettings settings, PeopleCache people) {
        this.dataSource = dataSource;
        this.streams = streams;
        this.settings = settings;
        this.people = people;
    }

    @Override
    public void start() {
        Thread listening = new Thread(this::listen, "otklik-live-listener");
        listening.setDaemon(true);
        thread = listening;
        listening.start();
    }

    @Override
    public void stop() {
        Thread listening = thread;
        thread = null;
        if (listening != null) {
            listening.interrupt();
            closeQuietly();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Whether the instance is listening now (its connection is open). */
    boolean listening() {
        return connection != null;
    }

    private void listen() {
        boolean lost = false;
        while (thread == Thread.currentThread()) {
            try (Connection opened = open()) {
                connection = opened;
                try (Statement statement = opened.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (lost) {
                    log.info("Live events: listening to PostgreSQL again");
                    streams.eventsMayBeLost();
                    people.forget();
                    lost = false;
                }
                PGConnection pg = opened.unwrap(PGConnection.class);
                while (thread == Thread.currentThread()) {
                    PGNotification[] received = pg.getNotifications(WAIT_MS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            dispatch(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException failed) {
                if (thread != Thread.currentThread()) {
                    break;
                }
                if (!lost) {
                    log.warn(
                            "Live events: lost PostgreSQL ({}); listening again in {}",
                            failed.toString(),
                            settings.reconnect());
                }
                lost = true;
            } finally {
                connection = null;
            }
            pause();
        }
    }

    /** Hands one payload of V66's triggers to the streams; an unknown one is ignored. */
    void dispatch(String payload) {
        String[] parts = payload.split(":");
        try {
            switch (parts[0]) {
                case "n" -> streams.notificationWritten(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                case "c" -> streams.notificationsChanged(Long.parseLong(parts[1]));
                case "k" -> streams.clockChanged(Long.parseLong(parts[1]));
                case "w" -> streams.workChanged();
                case "p" -> people.forget();
                default -> log.debug("Live events: unknown payload {}", payload);
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException malformed) {
            log.debug("Live events: malformed payload {}", payload);
        }
    }

    /** A connection of its own, with the pool's address and credentials: it never takes a pool's connection. */
    private Connection open() throws SQLException {
        HikariDataSource hikari =
                dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        if (hikari != null && hikari.getJdbcUrl() != null) {
            Properties properties = new Properties();
            properties.putAll(hikari.getDataSourceProperties());
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            properties.setProperty("ApplicationName", "otklik-live");
            Connection opened = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
            opened.setAutoCommit(true);
            return opened;
        }
        // another pool: one of its connections is kept for as long as the instance listens
        Connection borrowed = dataSource.getConnection();
        borrowed.setAutoCommit(true);
        return borrowed;
    }

    private void pause() {
        try {
            Thread.sleep(settings.reconnect().toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly() {
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                log.trace("closing the listener's connection", ignored);
            }
        }
    }
}
