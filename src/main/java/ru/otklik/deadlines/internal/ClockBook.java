package ru.otklik.deadlines.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.otklik.calendar.WorkingCalendar;
import ru.otklik.calendar.WorkingTime;
import ru.otklik.deadlines.CancelReason;
import ru.otklik.deadlines.ClockState;
import ru.otklik.deadlines.DeadlineRule;
import ru.otklik.deadlines.Rules;

/**
 * Writes clocks: starts, stops, judges and recomputes them, always inside the caller's transaction so that a clock
 * changes atomically with the transition that moved it.
 */
@Component
public class ClockBook {

    /** A clock to start. */
    record Start(
            String rule,
            Long postId,
            Long assignmentId,
            Long noticeId,
            Long departmentId,
            Long responsibleId,
            Instant baseAt,
            Instant startedAt,
            String offsetRule) {

        static Start ofPost(String rule, long postId, Instant baseAt, Instant startedAt) {
            return new Start(rule, postId, null, null, null, null, baseAt, startedAt, null);
        }
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Rules rules;
    private final WorkingTime workingTime;

    ClockBook(JdbcClient jdbc, NamedParameterJdbcTemplate batch, Rules rules, WorkingTime workingTime) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.rules = rules;
        this.workingTime = workingTime;
    }

    /** Starts a clock unless the same one is already open (the open-clock unique key). */
    boolean start(Start s) {
        return start(List.of(s)) == 1;
    }

    /**
     * Starts several clocks with one read of the rules and one batch of inserts; a clock already open stays as it is.
     *
     * @return how many clocks were started
     */
    int start(List<Start> starts) {
        Map<String, DeadlineRule> all = rules.byCode();
        WorkingCalendar calendar = workingTime.current();
        MapSqlParameterSource[] rows = new MapSqlParameterSource[starts.size()];
        for (int i = 0; i < rows.length; i++) {
            Start s = starts.get(i);
            DeadlineRule rule = all.get(s.rule());
            Instant due = due(rule, s.baseAt(), s.offsetRule(), all, calendar);
            Instant warn = rule.warnAt(s.startedAt(), due, calendar);
            rows[i] = new MapSqlParameterSource()
                    .addValue("rule", rule.code())
                    .addValue("post", s.postId())
                    .addValue("assignment", s.assignmentId())
                    .addValue("notice", s.noticeId())
                    .addValue("department", s.departmentId())
                    .addValue("responsible", s.responsibleId())
                    .addValue("base", Sql.ts(s.baseAt()))
                    .addValue("offset", s.offsetRule())
                    .addValue("started", Sql.ts(s.startedAt()))
                    .addValue("due", Sql.ts(due))
                    .addValue("warn", Sql.ts(warn));
        }
        int[] counts = batch.batchUpdate("""
                insert into deadline_clock (rule_code, post_id, assignment_id, notice_id, department_id,
                    responsible_id, base_at, offset_rule, started_at, due_at, warn_at, state)
                values (:rule, :post, :assignment, :notice, :department, :responsible, :base, :offset,
                    :started, :due, :warn, 'RUNNING')
                on conflict do nothing""", rows);
        return java.util.Arrays.stream(counts).map(c -> c > 0 ? 1 : 0).sum();
    }

    /**
     * Judges a rule without a running clock (RETURN_TO_CUR, EXECUTOR_RETURN): a stopped clock, met or breached at
     * the moment of the return.
     */
    void judge(String ruleCode, long postId, Long assignmentId, Long departmentId, Instant baseAt, Instant at) {
        DeadlineRule rule = rules.get(ruleCode);
        WorkingCalendar calendar = workingTime.current();
        Instant due = rule.dueFrom(baseAt, calendar);
        boolean met = !at.isAfter(due);
        jdbc.sql("""
                        insert into deadline_clock (rule_code, post_id, assignment_id, department_id, base_at,
                            started_at, due_at, warn_at, stopped_at, state, breached_at, used_minutes)
                        values (:rule, :post, :assignment, :department, :base, :base, :due, :due, :at, :state, :breached,
                            :used)""")
                .param("rule", ruleCode)
                .param("post", postId)
                .param("assignment", assignmentId)
                .param("department", departmentId)
                .param("base", Sql.ts(baseAt))
                .param("due", Sql.ts(due))
                .param("at", Sql.ts(at))
                .param("state", met ? "MET" : "BREACHED")
                .param("breached", met ? null : Sql.ts(at))
                .param("used", usedMinutes(rule, baseAt, at, calendar))
                .update();
    }

    /**
     * Stops the post's open clocks of the given rules (all rules when {@code codes} is null), of one assignment or
     * of all: met if stopped by the due instant, breached otherwise (a swept clock stays breached).
     */
    int stop(long postId, Long assignmentId, Collection<String> codes, Instant at) {
        String sql = """
                update deadline_clock set stopped_at = :at,
                    state = case when state = 'RUNNING' and :at <= due_at then 'MET' else 'BREACHED' end,
                    breached_at = case when :at > due_at then coalesce(breached_at, :at) else breached_at end,
                    action_pending = state = 'RUNNING' and :at > due_at
                where post_id = :post and stopped_at is null""";
        if (codes != null) {
            sql += " and rule_code in (:codes)";
        }
        if (assignmentId != null) {
            sql += " and assignment_id = :assignment";
        }
        sql += " returning id, rule_code, started_at";
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("at", Sql.ts(at)).param("post", postId);
        if (codes != null) {
            spec = spec.param("codes", codes);
        }
        if (assignmentId != null) {
            spec = spec.param("assignment", assignmentId);
        }
        return recordUsed(spec.query(ClockBook::stopped).list(), at);
    }

    /**
     * Cancels the post's open clocks of the given rules (all rules when {@code codes} is null), of one assignment or
     * of all: the post left the path they measure, so they count neither as met nor as breached. A clock already past
     * its due instant stays breached: the time ran out while the post was still on that path.
     *
     * @return how many clocks were stopped, cancelled or breached
     */
    int cancel(long postId, Long assignmentId, Collection<String> codes, CancelReason reason, Instant at) {
        String sql = """
                update deadline_clock set stopped_at = :at,
                    state = case when state = 'RUNNING' and :at <= due_at then 'CANCELLED' else 'BREACHED' end,
                    cancelled_because = case when state = 'RUNNING' and :at <= due_at then :reason end,
                    breached_at = case when :at > due_at then coalesce(breached_at, :at) else breached_at end,
                    action_pending = state = 'RUNNING' and :at > due_at
                where post_id = :post and stopped_at is null""";
        if (codes != null) {
            sql += " and rule_code in (:codes)";
        }
        if (assignmentId != null) {
            sql += " and assignment_id = :assignment";
        }
        sql += " returning id, rule_code, started_at, state";
        JdbcClient.StatementSpec spec =
                jdbc.sql(sql).param("at", Sql.ts(at)).param("post", postId).param("reason", reason.name());
        if (codes != null) {
            spec = spec.param("codes", codes);
        }
        if (assignmentId != null) {
            spec = spec.param("assignment", assignmentId);
        }
        List<Map.Entry<Stopped, String>> ended = spec.query((rs, n) -> Map.entry(stopped(rs, n), rs.getString("state")))
                .list();
        // a cancelled clock used no time towards its rule: the report's medians leave it out
        recordUsed(
                ended.stream()
                        .filter(e -> !ClockState.CANCELLED.name().equals(e.getValue()))
                        .map(Map.Entry::getKey)
                        .toList(),
                at);
        return ended.size();
    }

    /** Stops the clock of one department's notice of a change in legislation (п.20). */
    int stopNotice(long noticeId, long departmentId, Instant at) {
        return recordUsed(
                jdbc.sql("""
                        update deadline_clock set stopped_at = :at,
                            state = case when state = 'RUNNING' and :at <= due_at then 'MET' else 'BREACHED' end,
                            breached_at = case when :at > due_at then coalesce(breached_at, :at) else breached_at end,
                            action_pending = state = 'RUNNING' and :at > due_at
                        where notice_id = :notice and department_id = :department and stopped_at is null
                        returning id, rule_code, started_at""")
                        .param("at", Sql.ts(at))
                        .param("notice", noticeId)
                        .param("department", departmentId)
                        .query(ClockBook::stopped)
                        .list(),
                at);
    }

    /** A clock just stopped: what its used time is computed from. */
    private record Stopped(long id, String rule, Instant startedAt) {}

    private static Stopped stopped(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Stopped(
                rs.getLong("id"),
                rs.getString("rule_code"),
                rs.getTimestamp("started_at").toInstant());
    }

    /**
     * Writes the time each stopped clock used — working minutes for working clocks, minutes for calendar ones — so
     * the monthly report takes its medians in SQL.
     *
     * @return how many clocks were stopped
     */
    private int recordUsed(List<Stopped> stopped, Instant at) {
        if (stopped.isEmpty()) {
            return 0;
        }
        Map<String, DeadlineRule> all = rules.byCode();
        WorkingCalendar calendar = workingTime.current();
        MapSqlParameterSource[] rows = stopped.stream()
                .map(s -> new MapSqlParameterSource()
                        .addValue("id", s.id())
                        .addValue("used", usedMinutes(all.get(s.rule()), s.startedAt(), at, calendar)))
                .toArray(MapSqlParameterSource[]::new);
        batch.batchUpdate("update deadline_clock set used_minutes = :used where id = :id", rows);
        return stopped.size();
    }

    static long usedMinutes(DeadlineRule rule, Instant start, Instant stop, WorkingCalendar calendar) {
        return rule.kind().working()
                ? calendar.workingMinutes(start, stop)
                : Math.max(0, java.time.Duration.between(start, stop).toMinutes());
    }

    /** Moves the post's running clock of one rule to another rule (ANSWER ↔ ANSWER_HIGH) and recomputes it. */
    void switchRule(long postId, String from, String to) {
        jdbc.sql("""
                        update deadline_clock set rule_code = :to where post_id = :post and rule_code = :from
                          and state = 'RUNNING'
                          and not exists (select 1 from deadline_clock o where o.post_id = :post and o.rule_code = :to
                                          and o.stopped_at is null)""").param("to", to).param("from", from).param("post", postId).update();
        jdbc.sql("update deadline_clock set offset_rule = :to where post_id = :post and offset_rule = :from"
                        + " and state = 'RUNNING'")
                .param("to", to)
                .param("from", from)
                .param("post", postId)
                .update();
        recompute("post_id = :post", Map.of("post", postId));
    }

    /** The base instant of the post's open clock of a rule, if any (e.g. detectedAt from ANSWER). */
    Instant baseOf(long postId, Collection<String> codes) {
        return jdbc.sql("select min(base_at) as base from deadline_clock where post_id = :post"
                        + " and rule_code in (:codes)")
                .param("post", postId)
                .param("codes", codes)
                .query((rs, n) -> Sql.instant(rs, "base"))
                .optional()
                .orElse(null);
    }

    /** The open ANSWER-type rule of the post (ANSWER or ANSWER_HIGH), or null. */
    String answerRuleOf(long postId) {
        return jdbc.sql("select rule_code from deadline_clock where post_id = ? and rule_code in ('ANSWER',"
                        + " 'ANSWER_HIGH') order by stopped_at nulls first, id desc limit 1")
                .param(postId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Recomputes due and warning instants of running clocks of the given rules (all when null). */
    public int recomputeRules(Collection<String> codes) {
        return codes == null
                ? recompute("true", Map.of())
                : recompute("(rule_code in (:codes) or offset_rule in (:codes))", Map.of("codes", codes));
    }

    private int recompute(String where, Map<String, ?> params) {
        record Running(long id, String rule, Instant base, Instant started, String offset) {}
        List<Running> running = jdbc.sql("select id, rule_code, base_at, started_at, offset_rule from deadline_clock"
                        + " where state = 'RUNNING' and " + where)
                .params(params)
                .query((rs, n) -> new Running(
                        rs.getLong("id"),
                        rs.getString("rule_code"),
                        Sql.instant(rs, "base_at"),
                        Sql.instant(rs, "started_at"),
                        rs.getString("offset_rule")))
                .list();
        if (running.isEmpty()) {
            return 0;
        }
        Map<String, DeadlineRule> all = rules.byCode();
        WorkingCalendar calendar = workingTime.current();
        List<String> ids = new ArrayList<>();
        List<String> dues = new ArrayList<>();
        List<String> warns = new ArrayList<>();
        for (Running r : running) {
            DeadlineRule rule = all.get(r.rule());
            Instant due = due(rule, r.base(), r.offset(), all, calendar);
            ids.add(Long.toString(r.id()));
            dues.add(due.toString());
            warns.add(rule.warnAt(r.started(), due, calendar).toString());
        }
        // one statement for all of them: the new instants travel as arrays
        return jdbc.sql("""
                        update deadline_clock c set due_at = v.due, warn_at = v.warn,
                            warned_at = case when v.warn > c.warn_at then null else c.warned_at end
                        from unnest(cast(:ids as bigint[]), cast(:dues as timestamptz[]), cast(:warns as timestamptz[]))
                             as v(id, due, warn)
                        where c.id = v.id and c.state = 'RUNNING'""")
                .param("ids", Sql.array(ids))
                .param("dues", Sql.array(dues))
                .param("warns", Sql.array(warns))
                .update();
    }

    static Instant due(
            DeadlineRule rule,
            Instant base,
            String offsetRule,
            Map<String, DeadlineRule> all,
            WorkingCalendar calendar) {
        if (offsetRule != null && all.containsKey(offsetRule)) {
            DeadlineRule answer = all.get(offsetRule);
            long minutes = Math.max(0, (long) answer.limit() - rule.limit());
            return DeadlineRule.dueFrom(base, minutes, answer.kind(), calendar);
        }
        return rule.dueFrom(base, calendar);
    }
}
