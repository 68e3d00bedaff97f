package ru.otklik.posts.internal;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.posts.RegistrationSettings;

/**
 * The Ministry's registration numbers (номер регистрации, e.g. СОЦ-2026/0123): one sequence per year of registration
 * in Ministry time, without gaps. The year's counter row of {@code registration_counter} (V68) is raised in the
 * transaction that inserts the post: concurrent registrations, on any instance, wait for each other on that row until
 * the first commits, and a registration that rolls back takes its number back with it — which a PostgreSQL sequence
 * would not.
 */
@Component
public class RegistrationNumbers {

    /** A post's registration: the year, its place in the year, and the number as people read it. */
    public record Registration(int year, int seq, String number) {}

    /**
     * A registration number as someone typed it into a search box: the year and the place in it, or {@code 0} and
     * {@code 0} (matching no post) when the text is no number.
     */
    public record Wanted(int year, int seq) {}

    /** {@code СОЦ-2026/0123}, {@code соц-2026/123}, {@code 2026/0123}: any prefix (or none), the year, the place. */
    private static final Pattern TYPED = Pattern.compile("(?:[^/\\s]+-)?\\s*(\\d{4})\\s*/\\s*0*(\\d{1,9})");

    private final JdbcClient jdbc;
    private final RegistrationSettings settings;

    RegistrationNumbers(JdbcClient jdbc, RegistrationSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * The next number of the year of {@code now}; its counter row stays locked until the calling transaction ends, so
     * call it just before the post is inserted.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Registration next(Instant now) {
        int year = MinistryTime.toLocal(now).getYear();
        int seq = jdbc.sql("""
                        insert into registration_counter (year, last) values (:year, 1)
                        on conflict (year) do update set last = registration_counter.last + 1
                        returning last""").param("year", year).query(Integer.class).single();
        return new Registration(year, seq, format(settings.prefix(), year, seq));
    }

    /** The registration number a searcher typed, whatever its prefix or leading zeros. */
    public static Wanted parse(String typed) {
        Matcher matcher = typed == null ? null : TYPED.matcher(typed.strip());
        if (matcher == null || !matcher.matches()) {
            return new Wanted(0, 0);
        }
        return new Wanted(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    /** {@code СОЦ-2026/0123}: the sequence in at least four digits. */
    public static String format(String prefix, int year, int seq) {
        return prefix + "-" + year + "/" + String.format("%04d", seq);
    }
}
