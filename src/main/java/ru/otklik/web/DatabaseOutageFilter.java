package ru.otklik.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import ru.otklik.api.ApiProblems;
import ru.otklik.database.DatabaseOutage;

/**
 * The outermost filter: when the database is unreachable, whatever failed (the session store, the ЦУР token lookup,
 * a page), the person gets a Russian page and the API a {@code 503} problem+json, both with {@code Retry-After},
 * within the pool's connection timeout. It needs neither the session nor the database, and logs one line per
 * minute of outage instead of a stack trace per request.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);
    private static final long LOG_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final JsonMapper json;
    private final DatabaseOutage outage;
    private final byte[] page;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    DatabaseOutageFilter(JsonMapper json, DatabaseOutage outage) {
        this.json = json;
        this.outage = outage;
        try (InputStream in = new ClassPathResource("static/errors/database-unavailable.html").getInputStream()) {
            this.page = in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (ServletException | IOException | RuntimeException ex) {
            if (!outage.explains(ex)) {
                throw ex;
            }
            logOnce(ex);
            if (response.isCommitted()) {
                return;
            }
            response.reset();
            answer(request, response);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), ApiProblems.problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "База данных недоступна", "Отклик временно не может обратиться к базе данных; запрос не выполнен."
                            + " Повторите его через минуту — повтор безопасен."));
        }
        else {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setContentLength(page.length);
            response.getOutputStream().write(page);
        }
    }

    private void logOnce(Throwable ex) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
            log.warn("База данных недоступна, запросы получают 503: {}", NestedExceptionUtils.getMostSpecificCause(ex));
        }
    }
}
