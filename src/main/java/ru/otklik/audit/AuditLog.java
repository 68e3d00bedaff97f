package ru.otklik.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log of administrative actions (ASVS 5.0 V16.2): every admin page that changes something writes one line
 * here, with the logged-in person, the time, the client's address (the request's remote address, which honours
 * {@code server.forward-headers-strategy} behind a proxy), what was done and to what. Lines are only ever added:
 * nothing here updates or deletes them, and the database refuses it too (V21).
 */
@Service
public class AuditLog {

    /** A line of the log, newest first on the page. */
    public record Entry(
            long id, Instant at, String actor, String address, String action, String subject, String details) {}

    static final int MAX_SUBJECT = 300;
    static final int MAX_DETAILS = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records an action of the person logged in now.
     *
     * @param action what was done, one of {@link AuditAction}
     * @param subject to what: a login, a department's name, a date
     * @param details the new values, briefly; may be null
     */
    public void record(AuditAction action, String subject, String details) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String actor = authentication == null ? "система" : authentication.getName();
        jdbc.sql("""
                insert into audit_event (at, actor_login, address, action, subject, details)
                values (:at, :actor, :address, :action, :subject, :details)
                """)
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", cut(actor, 64))
                .param("address", cut(address(), 100))
                .param("action", action.name())
                .param("subject", cut(subject, MAX_SUBJECT))
                .param("details", cut(details, MAX_DETAILS))
                .update();
    }

    /** One page of the log, newest first. */
    List<Entry> page(int page, int size) {
        return jdbc.sql("""
                select id, at, actor_login, address, action, subject, details from audit_event
                order by at desc, id desc limit :size offset :offset
                """)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new Entry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor_login"),
                        rs.getString("address"),
                        rs.getString("action"),
                        rs.getString("subject"),
                        rs.getString("details")))
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }

    private static String address() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
