package ru.otklik.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.otklik.api.ApiProblemWriter;
import ru.otklik.api.ApiProblems;
import ru.otklik.api.Outages;
import ru.otklik.database.DatabaseOutage;

/**
 * The outermost filter: when the database is unreachable, whatever failed (the session store, the ЦУР token lookup,
 * a page), the person gets a Russian page and the API a {@code 503} problem+json, both with {@code Retry-After},
 * within the pool's connection timeout. It needs neither the session nor the database, and logs one line per
 * minute of outage instead of a stack trace per request.
 *
 * <p>Once an outage is seen, it answers at once instead of letting every request wait for the pool: one request at a
 * time still goes through to find out whether the database is back (its success ends the outage), the others get
 * the 503 straight away. Static files and the health endpoints, which need no database or must ask it themselves,
 * always go through. An outage not confirmed for 10 s is forgotten.
 *
 * <p>A pool that only had no free connection in time, while the database answers, is an overload, not an outage: that
 * request gets a 503 saying so, with a short {@code Retry-After}, and the requests after it are served as usual.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);
    private static final long LOG_EVERY_NANOS = Duration.ofMinutes(1).toNanos();
    private static final long OUTAGE_MEMORY_NANOS = Duration.ofSeconds(10).toNanos();
    private static final long NO_OUTAGE = Long.MIN_VALUE;
    /** How long a client is asked to wait after an overload, in seconds: the pool frees up within moments. */
    static final int BUSY_RETRY_AFTER_SECONDS = 5;

    private final ApiProblemWriter problems;
    private final Outages outage;
    private final byte[] page;
    private final byte[] busyPage;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private final AtomicLong lastLoggedBusy = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    /** When an outage was last seen ({@link System#nanoTime()}), or {@link #NO_OUTAGE}. */
    private final AtomicLong outageSeen = new AtomicLong(NO_OUTAGE);
    /** The one request that may go through during an outage to find out whether the database is back. */
    private final Semaphore probe = new Semaphore(1);

    DatabaseOutageFilter(ApiProblemWriter problems, Outages outage) {
        this.problems = problems;
        this.outage = outage;
        this.page = page("static/errors/database-unavailable.html");
        this.busyPage = page("static/errors/busy.html");
    }

    private static byte[] page(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean probing = false;
        if (duringOutage() && needsDatabase(request)) {
            if (!probe.tryAcquire()) {
                answer(request, response);
                return;
            }
            probing = true;
        }
        try {
            chain.doFilter(request, response);
            if (probing) {
                outageSeen.set(NO_OUTAGE);
            }
        } catch (ServletException | IOException | RuntimeException ex) {
            if (!outage.explains(ex)) {
                throw ex;
            }
            boolean busy = outage.overloaded(ex);
            if (busy) {
                logOnce(lastLoggedBusy, "Все соединения с базой данных заняты, запрос получил 503: {}", ex);
            } else {
                outageSeen.set(System.nanoTime());
                logOnce(lastLogged, "База данных недоступна, запросы получают 503: {}", ex);
            }
            if (response.isCommitted()) {
                return;
            }
            response.reset();
            if (busy) {
                answerBusy(request, response);
            } else {
                answer(request, response);
            }
        } finally {
            if (probing) {
                probe.release();
            }
        }
    }

    private boolean duringOutage() {
        long seen = outageSeen.get();
        return seen != NO_OUTAGE && System.nanoTime() - seen < OUTAGE_MEMORY_NANOS;
    }

    private static boolean needsDatabase(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/assets/") || path.startsWith("/webjars/") || path.startsWith("/actuator/"));
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        unavailable(response, DatabaseOutage.RETRY_AFTER_SECONDS);
        if (isApi(request)) {
            problems.write(
                    response,
                    ApiProblems.problem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "База данных недоступна",
                            "Отклик временно не может обратиться к базе данных; запрос не выполнен."
                                    + " Повторите его через минуту — повтор безопасен."));
        } else {
            html(response, page);
        }
    }

    private void answerBusy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        unavailable(response, BUSY_RETRY_AFTER_SECONDS);
        if (isApi(request)) {
            problems.write(
                    response,
                    ApiProblems.problem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "Отклик перегружен",
                            "Все соединения с базой данных заняты другими запросами; запрос не выполнен."
                                    + " Повторите его через несколько секунд — повтор безопасен."));
        } else {
            html(response, busyPage);
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static void html(HttpServletResponse response, byte[] content) throws IOException {
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }

    private static void unavailable(HttpServletResponse response, int retryAfterSeconds) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
    }

    private static void logOnce(AtomicLong lastLogged, String message, Throwable ex) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
            log.warn(message, NestedExceptionUtils.getMostSpecificCause(ex));
        }
    }
}
