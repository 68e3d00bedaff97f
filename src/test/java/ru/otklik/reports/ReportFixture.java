package ru.otklik.reports;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A month with known numbers: March 2025 (no other test writes there), including posts at 23:59 and 00:00
 * local time on the month's edges.
 */
final class ReportFixture {

    private final JdbcClient jdbc;
    private final long dept1;
    private final long dept2;
    private final long executor;
    private final long executor2;

    ReportFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.dept1 = jdbc.sql(
                        "select id from department where head_id = (select id from app_user where login = 'head')")
                .query(Long.class)
                .single();
        this.dept2 = jdbc.sql(
                        "select id from department where head_id = (select id from app_user where login = 'head2')")
                .query(Long.class)
                .single();
        this.executor = userId("executor");
        this.executor2 = userId("executor2");
    }

    /** Inserts the month once per database. */
    synchronized void ensure() {
        if (jdbc.sql("select count(*) from post where external_id = 'RPT-P1'")
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        long p1 = post("RPT-P1", "VK", "NORMAL", "2025-03-03T10:00:00+07:00", "ANSWERED", "2025-03-03T14:00:00+07:00");
        assign(p1, dept1, executor, "2025-03-03T10:05:00+07:00");
        event(p1, "ANSWER_POSTED", "ANSWERED", "2025-03-03T14:00:00+07:00");
        clock(p1, "ROUTE", "2025-03-03T10:00:00+07:00", "2025-03-03T10:05:00+07:00", "MET", 5);
        clock(p1, "ACCEPT", "2025-03-03T10:05:00+07:00", "2025-03-03T10:30:00+07:00", "BREACHED", 25);

        long p2 = post("RPT-P2", "OK", "HIGH", "2025-03-10T09:00:00+07:00", "AWAITING_FINAL", null);
        assign(p2, dept2, executor2, "2025-03-10T09:07:00+07:00");
        event(p2, "ANSWER_POSTED", "AWAITING_FINAL", "2025-03-10T10:30:00+07:00");
        clock(p2, "ROUTE", "2025-03-10T09:00:00+07:00", "2025-03-10T09:07:00+07:00", "MET", 7);

        post("RPT-P3", "VK", "NORMAL", "2025-03-31T23:59:00+07:00", "NEW", null);
        post("RPT-P4", "BLOG", "NORMAL", "2025-04-01T00:00:00+07:00", "NEW", null);

        long p5 = post(
                "RPT-P5",
                "OTHER",
                "NORMAL",
                "2025-02-28T23:59:00+07:00",
                "RETURNED_TO_CUR",
                "2025-03-01T00:00:00+07:00");
        event(p5, "RETURNED_TO_CUR", "RETURNED_TO_CUR", "2025-03-01T00:00:00+07:00");

        long p6 = post(
                "RPT-P6", "VK", "NORMAL", "2025-03-15T11:00:00+07:00", "NOT_PROCESSED", "2025-03-17T09:00:00+07:00");
        event(p6, "REFUSED", "NOT_PROCESSED", "2025-03-17T09:00:00+07:00");
    }

    private long post(
            String externalId, String source, String importance, String received, String state, String closed) {
        return jdbc.sql("""
                insert into post (external_id, source, url, text, detected_at, received_at, importance, state, closed_at,
                                  last_action_at)
                values (:externalId, :source, 'https://vk.com/wall-1_1', 'Сообщение для отчёта ' || :externalId,
                        :received, :received, :importance, :state, :closed, :received)
                returning id
                """)
                .param("externalId", externalId)
                .param("source", source)
                .param("importance", importance)
                .param("received", ts(received))
                .param("state", state)
                .param("closed", closed == null ? null : ts(closed))
                .query(Long.class)
                .single();
    }

    private void assign(long post, long department, long executorId, String at) {
        jdbc.sql("""
                insert into assignment (post_id, department_id, executor_id, state, assigned_at, accepted_at)
                values (?, ?, ?, 'ACCEPTED', ?, ?)
                """).params(post, department, executorId, ts(at), ts(at)).update();
    }

    private void event(long post, String action, String toState, String at) {
        jdbc.sql("insert into post_event (post_id, at, action, to_state) values (?, ?, ?, ?)")
                .params(post, ts(at), action, toState)
                .update();
    }

    private void clock(long post, String rule, String started, String stopped, String state, int usedMinutes) {
        jdbc.sql("""
                insert into deadline_clock (rule_code, post_id, base_at, started_at, due_at, warn_at, stopped_at, state,
                                            used_minutes)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(rule, post, ts(started), ts(started), ts(stopped), ts(started), ts(stopped), state, usedMinutes)
                .update();
    }

    private long userId(String login) {
        return jdbc.sql("select id from app_user where login = ?")
                .param(login)
                .query(Long.class)
                .single();
    }

    private static Timestamp ts(String offsetDateTime) {
        return Timestamp.from(OffsetDateTime.parse(offsetDateTime).toInstant());
    }
}
