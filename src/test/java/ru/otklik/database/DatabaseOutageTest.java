package ru.otklik.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

/** A busy pool is told from an unreachable database by what HikariCP puts in its timeout (issue 20). */
class DatabaseOutageTest {

    private final DatabaseOutage outage = new DatabaseOutage(null);

    @Test
    void aPoolTimeoutWithoutAFailureToConnectIsAnOverload() {
        Throwable busy = new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction",
                new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 2001ms (total=5,"
                                + " active=5, idle=0, waiting=3)"));

        assertThat(outage.explains(busy)).as("the request could not be served").isTrue();
        assertThat(outage.overloaded(busy)).isTrue();
    }

    @Test
    void aPoolTimeoutAfterFailingToConnectIsAnOutage() {
        Throwable down = new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction",
                new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 2001ms",
                        "08001",
                        new ConnectException("Connection refused")));

        assertThat(outage.explains(down)).isTrue();
        assertThat(outage.overloaded(down)).isFalse();
    }

    @Test
    void otherFailuresAreNeither() {
        Throwable bug = new IllegalStateException("a defect of ours");

        assertThat(outage.overloaded(bug)).isFalse();
    }
}
