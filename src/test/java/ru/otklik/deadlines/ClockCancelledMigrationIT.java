package ru.otklik.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.support.DatabaseContents.urlOf;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.TestDatabase;

/**
 * V52 mends the clocks that returns and refusals stopped before clocks could be cancelled: in an empty database
 * migrated to V51, clocks stopped the old way, then V52.
 */
@IntegrationTest
class ClockCancelledMigrationIT {

    @Autowired
    DataSource dataSource;

    @Test
    void clocksOldReturnsAndRefusalsMetAreCancelledAndAReturnAfterRoutingIsNoLongerJudged() {
        JdbcTemplate main = new JdbcTemplate(dataSource);
        String database = "v52_" + UUID.randomUUID().toString().replace("-", "");
        main.execute("create database " + database);
        try {
            DriverManagerDataSource target = new DriverManagerDataSource(
                    urlOf(database),
                    TestDatabase.get().username(),
                    TestDatabase.get().password());
            Flyway.configure()
                    .dataSource(target)
                    .locations("classpath:db/migration")
                    .target("51")
                    .load()
                    .migrate();
            JdbcTemplate db = new JdbcTemplate(target);
            long user = db.queryForObject(
                    "insert into app_user (login, full_name, password_hash)"
                            + " values ('v52', 'Исполнитель', 'x') returning id",
                    Long.class);
            long department =
                    db.queryForObject("insert into department (name) values ('Отдел') returning id", Long.class);

            // returned to ЦУР before routing at 10:05
            long returned = post(db, "RETURNED_TO_CUR");
            clock(db, returned, null, "ROUTE", "MET");
            clock(db, returned, null, "CUR_SUBMIT", "MET");
            clock(db, returned, null, "ANSWER", "MET");
            clock(db, returned, null, "RETURN_TO_CUR", "MET");
            // refused at 10:05
            long refused = post(db, "NOT_PROCESSED");
            clock(db, refused, null, "ROUTE", "MET");
            clock(db, refused, null, "ANSWER", "MET");
            // routed, returned by the executor at 10:03, then returned to ЦУР at 10:05 (judged the old way, breached)
            long rerouted = post(db, "RETURNED_TO_CUR");
            long assignment = db.queryForObject(
                    "insert into assignment (post_id, department_id, executor_id, state,"
                            + " assigned_at) values (?, ?, ?, 'RETURNED', '2026-12-01T10:00:00+07') returning id",
                    Long.class,
                    rerouted,
                    department,
                    user);
            clock(db, rerouted, null, "ACCEPT", "MET", "10:03");
            clock(db, rerouted, assignment, "EXECUTOR_ANSWER", "MET", "10:03");
            clock(db, rerouted, assignment, "EXECUTOR_RETURN", "MET", "10:03");
            clock(db, rerouted, null, "REROUTE", "MET");
            clock(db, rerouted, null, "RETURN_TO_CUR", "BREACHED");

            Flyway.configure()
                    .dataSource(target)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();

            assertThat(states(db, returned))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "ROUTE",
                            "MET",
                            "CUR_SUBMIT",
                            "CANCELLED RETURNED_TO_CUR",
                            "ANSWER",
                            "CANCELLED RETURNED_TO_CUR",
                            "RETURN_TO_CUR",
                            "MET"));
            assertThat(states(db, refused))
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of("ROUTE", "CANCELLED REFUSED", "ANSWER", "CANCELLED REFUSED"));
            assertThat(states(db, rerouted))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "ACCEPT",
                            "MET",
                            "EXECUTOR_ANSWER",
                            "CANCELLED PART_RETURNED",
                            "EXECUTOR_RETURN",
                            "MET",
                            "REROUTE",
                            "MET"));
        } finally {
            main.execute("drop database if exists " + database + " with (force)");
        }
    }

    private static long post(JdbcTemplate db, String state) {
        return db.queryForObject("""
                insert into post (external_id, source, url, text, detected_at, received_at, importance, state,
                                  last_action_at, closed_at)
                values (?, 'VK', 'https://vk.com/wall-1_1', 'Текст', '2026-12-01T10:00:00+07', '2026-12-01T10:00:00+07',
                        'NORMAL', ?, '2026-12-01T10:05:00+07', '2026-12-01T10:05:00+07')
                returning id""", Long.class, UUID.randomUUID().toString(), state);
    }

    /** A clock started at 10:00, due at 10:30 and stopped at 10:05 with the post, as the old code stopped it. */
    private static void clock(JdbcTemplate db, long post, Long assignment, String rule, String state) {
        clock(db, post, assignment, rule, state, "10:05");
    }

    private static void clock(JdbcTemplate db, long post, Long assignment, String rule, String state, String stopped) {
        db.update("""
                insert into deadline_clock (rule_code, post_id, assignment_id, base_at, started_at, due_at, warn_at,
                                            stopped_at, state, used_minutes)
                values (?, ?, ?, '2026-12-01T10:00:00+07', '2026-12-01T10:00:00+07', '2026-12-01T10:30:00+07',
                        '2026-12-01T10:24:00+07', cast(? as timestamptz), ?, 5)""", rule, post, assignment, "2026-12-01T" + stopped + ":00+07", state);
    }

    private static Map<String, String> states(JdbcTemplate db, long post) {
        return db
                .queryForList("select rule_code, state, cancelled_because from deadline_clock where post_id = ?", post)
                .stream()
                .collect(Collectors.toMap(
                        r -> (String) r.get("rule_code"),
                        r -> r.get("cancelled_because") == null
                                ? (String) r.get("state")
                                : r.get("state") + " " + r.get("cancelled_because")));
    }
}
