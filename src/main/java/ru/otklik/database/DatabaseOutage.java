package ru.otklik.database;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import ru.otklik.api.Outages;

/**
 * Tells a failure caused by the database being unreachable (stopped, restarting, the network down, the pool unable to
 * connect) from any other failure, so that users get "try again in a minute" instead of an error.
 */
@Component
public class DatabaseOutage implements Outages {

    /** How long a client is asked to wait before trying again, in seconds ({@code Retry-After}). */
    public static final int RETRY_AFTER_SECONDS = 60;

    private final DataSource dataSource;

    DatabaseOutage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Whether an unreachable database explains this failure: by its causes, or, when they do not say (a failed
     * rollback on a connection the server closed hides the original error), by asking the database now.
     */
    @Override
    public boolean explains(Throwable failure) {
        return causedBy(failure) || !reachable();
    }

    /**
     * HikariCP's "Connection is not available, request timed out" carries as its cause the last failure to open a
     * connection; without one, the pool was healthy and only busy.
     */
    @Override
    public boolean overloaded(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException timeout) {
                return timeout.getCause() == null
                        && timeout.getMessage() != null
                        && timeout.getMessage().contains("Connection is not available");
            }
        }
        return false;
    }

    private boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException | RuntimeException ex) {
            return false;
        }
    }

    /** Whether the database being unreachable caused this failure, anywhere in its chain of causes. */
    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException
                    || t instanceof CannotCreateTransactionException
                    || t.getClass().getName().equals("com.zaxxer.hikari.pool.HikariPool$PoolInitializationException")
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql && connectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) and the server shutting down or starting up (57P01–57P03). */
    private static boolean connectionState(String state) {
        return state != null
                && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
