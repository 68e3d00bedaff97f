package ru.otklik.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import ru.otklik.api.ApiProblemWriter;
import ru.otklik.api.Outages;

/**
 * Found by the load harness (issue 20): with more requests at once than the pool has connections, one request that
 * waited too long for a connection switched the whole instance into "the database is down", and for the next 10 s
 * every page got that 503 though PostgreSQL answered. A busy pool is an overload of that request, not an outage.
 */
class DatabaseOutageFilterTest {

    /** What HikariCP throws when no connection became free in time and opening connections had not failed. */
    private static final RuntimeException POOL_BUSY = new CannotCreateTransactionException(
            "Could not open JPA EntityManager for transaction",
            new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after"
                    + " 2001ms (total=10, active=10, idle=0, waiting=6)"));

    /** The same when the pool could not open a connection: the database is unreachable. */
    private static final RuntimeException DATABASE_DOWN = new CannotCreateTransactionException(
            "Could not open JPA EntityManager for transaction",
            new SQLTransientConnectionException(
                    "HikariPool-1 - Connection is not available, request timed out after 2001ms",
                    "08001",
                    new java.net.ConnectException("Connection refused")));

    private final ApiProblemWriter problems = mock(ApiProblemWriter.class);
    private final DatabaseOutageFilter filter = new DatabaseOutageFilter(problems, new HikariTimeouts());
    private final AtomicInteger served = new AtomicInteger();

    @Test
    void aPageThatFoundEveryConnectionBusyIsToldToRetryInSecondsAndTheNextPageIsServed() throws Exception {
        MockHttpServletResponse busy = request("/inbox", POOL_BUSY);

        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeader("Retry-After")).isEqualTo("5");
        assertThat(busy.getContentAsString(StandardCharsets.UTF_8))
                .contains("Отклик перегружен")
                .contains("Повторите через несколько секунд")
                .doesNotContain("База данных недоступна");

        MockHttpServletResponse next = request("/posts/1", null);
        assertThat(next.getStatus()).as("the page after an overload").isEqualTo(200);
        assertThat(served).as("the page after it reached the application").hasValue(1);
    }

    @Test
    void ЦУРsRequestThatFoundEveryConnectionBusyGetsAProblemSayingSo() throws Exception {
        MockHttpServletResponse busy = request("/api/v1/messages", POOL_BUSY);

        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeader("Retry-After")).isEqualTo("5");
        ArgumentCaptor<ProblemDetail> problem = ArgumentCaptor.forClass(ProblemDetail.class);
        verify(problems).write(any(), problem.capture());
        assertThat(problem.getValue().getTitle()).isEqualTo("Отклик перегружен");
        assertThat(problem.getValue().getDetail()).contains("повтор безопасен");
    }

    @Test
    void anUnreachableDatabaseIsStillRememberedSoTheNextPagesAreAnsweredAtOnce() throws Exception {
        MockHttpServletResponse down = request("/inbox", DATABASE_DOWN);
        assertThat(down.getStatus()).isEqualTo(503);
        assertThat(down.getHeader("Retry-After")).isEqualTo("60");
        assertThat(down.getContentAsString(StandardCharsets.UTF_8)).contains("База данных недоступна");

        // one request probes whether the database is back; while it runs, the others are answered without waiting
        filter.doFilter(get("/inbox"), new MockHttpServletResponse(), (req, res) -> {
            MockHttpServletResponse other = request("/assignments", null);
            assertThat(other.getStatus()).isEqualTo(503);
            assertThat(other.getContentAsString(StandardCharsets.UTF_8)).contains("База данных недоступна");
            throw DATABASE_DOWN;
        });
        assertThat(served)
                .as("only the first request and the probe reached the application")
                .hasValue(0);
    }

    private MockHttpServletResponse request(String path, RuntimeException failure) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            filter.doFilter(get(path), response, (req, res) -> {
                if (failure != null) {
                    throw failure;
                }
                served.incrementAndGet();
                ((MockHttpServletResponse) res).setStatus(200);
            });
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
        return response;
    }

    private static MockHttpServletRequest get(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        return request;
    }

    /** As the database module tells them: any pool timeout is explained, a timeout without a cause is a busy pool. */
    private static final class HikariTimeouts implements Outages {

        @Override
        public boolean explains(Throwable failure) {
            return failure.getCause() instanceof SQLTransientConnectionException;
        }

        @Override
        public boolean overloaded(Throwable failure) {
            return failure.getCause() instanceof SQLTransientConnectionException timeout && timeout.getCause() == null;
        }
    }
}
