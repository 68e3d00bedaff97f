package ru.otklik.posts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

/** The similar-text lookup over its time limit is told from other failures (issue 20). */
class RepeatFinderTimeoutTest {

    @Test
    void aStatementCancelledByItsTimeoutIsTheLookupRunningOutOfTime() {
        SQLException cancelled = new SQLException("canceling statement due to statement timeout", "57014");

        assertThat(RepeatFinder.timedOut(new QueryTimeoutException("similar posts", cancelled)))
                .isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        SQLException refused = new SQLException("Connection refused", "08001");

        assertThat(RepeatFinder.timedOut(new DataAccessResourceFailureException("similar posts", refused)))
                .isFalse();
        assertThat(RepeatFinder.timedOut(new IllegalStateException("a defect"))).isFalse();
    }
}
