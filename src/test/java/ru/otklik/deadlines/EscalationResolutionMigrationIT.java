package ru.otklik.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.support.DatabaseContents.urlOf;

import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.TestDatabase;

/**
 * V57 closes the escalations left open although their assignment was accepted or returned before escalations closed
 * themselves; one still waiting for acceptance stays open, and one the deputy closed is recorded as closed by them.
 */
@IntegrationTest
class EscalationResolutionMigrationIT {

    @Autowired
    DataSource dataSource;

    @Test
    void escalationsOfAcceptedOrReturnedAssignmentsAreClosedByTheExecutorAndTheOthersStayAsTheyWere() {
        JdbcTemplate main = new JdbcTemplate(dataSource);
        String database = "v57_" + UUID.randomUUID().toString().replace("-", "");
        main.execute("create database " + database);
        try {
            DriverManagerDataSource target = new DriverManagerDataSource(
                    urlOf(database),
                    TestDatabase.get().username(),
                    TestDatabase.get().password());
            Flyway.configure()
                    .dataSource(target)
                    .locations("classpath:db/migration")
                    .target("56")
                    .load()
                    .migrate();
            JdbcTemplate db = new JdbcTemplate(target);
            long executor = db.queryForObject(
                    "insert into app_user (login, full_name, password_hash)"
                            + " values ('v57', 'Исполнитель', 'x') returning id",
                    Long.class);
            long deputy = db.queryForObject(
                    "insert into app_user (login, full_name, password_hash)"
                            + " values ('v57d', 'Заместитель', 'x') returning id",
                    Long.class);
            long department =
                    db.queryForObject("insert into department (name) values ('Отдел') returning id", Long.class);
            long accepted = escalation(db, department, executor, "ACCEPTED", null);
            long returned = escalation(db, department, executor, "RETURNED", null);
            long waiting = escalation(db, department, executor, "ASSIGNED", null);
            long closedByDeputy = escalation(db, department, executor, "ASSIGNED", deputy);

            Flyway.configure()
                    .dataSource(target)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();

            assertThat(closing(db, accepted))
                    .containsEntry("close_reason", "ACCEPTED")
                    .containsEntry("closed_by", executor);
            assertThat(closing(db, returned))
                    .containsEntry("close_reason", "RETURNED")
                    .containsEntry("closed_by", executor);
            assertThat(closing(db, waiting)).containsEntry("close_reason", null).containsEntry("closed_at", null);
            assertThat(closing(db, closedByDeputy))
                    .containsEntry("close_reason", "CLOSED")
                    .containsEntry("closed_by", deputy);
        } finally {
            main.execute("drop database if exists " + database + " with (force)");
        }
    }

    /** A post escalated at 10:16 on an assignment now in the given state (accepted or returned at 10:20). */
    private static long escalation(JdbcTemplate db, long department, long executor, String state, Long closedBy) {
        long post = db.queryForObject("""
                insert into post (external_id, source, url, text, detected_at, received_at, importance, state,
                                  last_action_at)
                values (?, 'VK', 'https://vk.com/wall-1_1', 'Текст', '2026-12-01T10:00:00+07', '2026-12-01T10:00:00+07',
                        'NORMAL', 'IN_WORK', '2026-12-01T10:20:00+07')
                returning id""", Long.class, UUID.randomUUID().toString());
        long assignment = db.queryForObject(
                "insert into assignment (post_id, department_id, executor_id, state, assigned_at, accepted_at,"
                        + " returned_at) values (?, ?, ?, ?, '2026-12-01T10:00:00+07', cast(? as timestamptz),"
                        + " cast(? as timestamptz)) returning id",
                Long.class,
                post,
                department,
                executor,
                state,
                state.equals("ACCEPTED") ? "2026-12-01T10:20:00+07" : null,
                state.equals("RETURNED") ? "2026-12-01T10:20:00+07" : null);
        long clock = db.queryForObject("""
                insert into deadline_clock (rule_code, post_id, assignment_id, base_at, started_at, due_at, warn_at,
                                            state, breached_at)
                values ('ACCEPT', ?, ?, '2026-12-01T10:00:00+07', '2026-12-01T10:00:00+07', '2026-12-01T10:15:00+07',
                        '2026-12-01T10:12:00+07', 'BREACHED', '2026-12-01T10:15:00+07')
                returning id""", Long.class, post, assignment);
        return db.queryForObject(
                "insert into escalation (clock_id, post_id, assignment_id, department_id, opened_at, closed_at,"
                        + " closed_by) values (?, ?, ?, ?, '2026-12-01T10:16:00+07', cast(? as timestamptz), ?)"
                        + " returning id",
                Long.class,
                clock,
                post,
                assignment,
                department,
                closedBy == null ? null : "2026-12-01T10:18:00+07",
                closedBy);
    }

    private static Map<String, Object> closing(JdbcTemplate db, long escalation) {
        return db.queryForMap("select close_reason, closed_by, closed_at from escalation where id = ?", escalation);
    }
}
