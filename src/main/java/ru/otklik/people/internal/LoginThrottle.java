package ru.otklik.people.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.otklik.people.Logins;

/**
 * Login throttling, counted on the canonical login ({@link Logins#fold}) so that look-alike spellings share one count,
 * and on the client's address:
 * <ul>
 * <li>{@value #MAX_FAILURES} failures for one login from one address within 15 minutes refuse that login from that
 * address for 15 minutes;</li>
 * <li>{@value #MAX_FAILURES_PER_ADDRESS} failures from one address, whatever the logins, refuse that address;</li>
 * <li>{@value #MAX_FAILURES_PER_LOGIN} failures for one login, whatever the addresses, refuse that login
 * everywhere.</li>
 * </ul>
 * So guessing from one address stops soon, while someone elsewhere cannot lock a colleague out with ten wrong
 * passwords. The address is the request's remote address, which honours {@code server.forward-headers-strategy}
 * behind a reverse proxy. Kept in PostgreSQL, so every instance behind a load balancer counts the same attempts.
 */
@Component
public class LoginThrottle {

    static final int MAX_FAILURES = 10;
    static final int MAX_FAILURES_PER_ADDRESS = 100;
    static final int MAX_FAILURES_PER_LOGIN = 100;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration BLOCK = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether attempts for this login from this address are refused right now. */
    public boolean isBlocked(String login, String address) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("select count(*) from login_throttle where login in (:keys) and blocked_until > :now")
                        .param("keys", keys(login, address))
                        .param("now", now)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Counts a failed attempt on the login from the address, on the address and on the login. */
    public void recordFailure(String login, String address) {
        count(pairKey(login, address), MAX_FAILURES);
        count(addressKey(address), MAX_FAILURES_PER_ADDRESS);
        count(loginKey(login), MAX_FAILURES_PER_LOGIN);
    }

    /** A successful login clears the count of that login from that address. */
    public void recordSuccess(String login, String address) {
        jdbc.sql("delete from login_throttle where login = ?")
                .param(pairKey(login, address))
                .update();
    }

    private void count(String key, int max) {
        Instant now = clock.instant();
        // One statement, so concurrent failures on several instances are all counted.
        jdbc.sql("""
                insert into login_throttle (login, failures, window_start, blocked_until)
                values (:key, 1, :now, case when 1 >= :max then cast(:blockedUntil as timestamptz) end)
                on conflict (login) do update set
                  failures = case when login_throttle.window_start < :windowStart then 1 else login_throttle.failures + 1 end,
                  window_start = case when login_throttle.window_start < :windowStart then :now else login_throttle.window_start end,
                  blocked_until = case
                    when (case when login_throttle.window_start < :windowStart then 1 else login_throttle.failures + 1 end) >= :max
                    then :blockedUntil else login_throttle.blocked_until end
                """)
                .param("key", key)
                .param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(now.minus(WINDOW)))
                .param("blockedUntil", Timestamp.from(now.plus(BLOCK)))
                .param("max", max)
                .update();
    }

    private static List<String> keys(String login, String address) {
        return List.of(pairKey(login, address), addressKey(address), loginKey(login));
    }

    private static String loginKey(String login) {
        return limit("login:" + Logins.fold(login));
    }

    private static String addressKey(String address) {
        return limit("address:" + (address == null ? "" : address));
    }

    private static String limit(String key) {
        return key.length() > Logins.MAX_KEY ? key.substring(0, Logins.MAX_KEY) : key;
    }

    private static String pairKey(String login, String address) {
        return limit("pair:" + (address == null ? "" : address) + " " + Logins.fold(login));
    }
}
