package ru.otklik.people;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Login throttling: after {@value #MAX_FAILURES} failed attempts for one login within 15 minutes, that login is
 * refused for 15 minutes. Kept in PostgreSQL, so every instance behind a load balancer counts the same attempts.
 */
@Component
public class LoginThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration BLOCK = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether attempts for this login are refused right now. */
    public boolean isBlocked(String login) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("select count(*) from login_throttle where login = ? and blocked_until > ?")
                .params(key(login), now).query(Long.class).single() > 0;
    }

    /** Counts a failed attempt; the tenth within the window blocks the login. */
    public void recordFailure(String login) {
        Instant now = clock.instant();
        Timestamp nowTs = Timestamp.from(now);
        Timestamp windowStart = Timestamp.from(now.minus(WINDOW));
        Timestamp blockedUntil = Timestamp.from(now.plus(BLOCK));
        // One statement, so concurrent failures on several instances are all counted.
        jdbc.sql("""
                insert into login_throttle (login, failures, window_start, blocked_until) values (:login, 1, :now, null)
                on conflict (login) do update set
                  failures = case when login_throttle.window_start < :windowStart then 1 else login_throttle.failures + 1 end,
                  window_start = case when login_throttle.window_start < :windowStart then :now else login_throttle.window_start end,
                  blocked_until = case
                    when (case when login_throttle.window_start < :windowStart then 1 else login_throttle.failures + 1 end) >= :max
                    then :blockedUntil else login_throttle.blocked_until end
                """)
                .param("login", key(login)).param("now", nowTs).param("windowStart", windowStart)
                .param("blockedUntil", blockedUntil).param("max", MAX_FAILURES)
                .update();
    }

    /** A successful login clears the count. */
    public void recordSuccess(String login) {
        jdbc.sql("delete from login_throttle where login = ?").param(key(login)).update();
    }

    private static String key(String login) {
        String trimmed = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        return trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed;
    }
}
