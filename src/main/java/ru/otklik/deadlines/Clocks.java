package ru.otklik.deadlines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.calendar.WorkingCalendar;
import ru.otklik.calendar.WorkingTime;
import ru.otklik.deadlines.internal.Escalations;
import ru.otklik.deadlines.internal.Notifications;
import ru.otklik.deadlines.internal.Sql;
import ru.otklik.people.CurrentUser;
import ru.otklik.people.Role;
import ru.otklik.posts.Actor;

/**
 * The clocks of posts as pages show them, live: the read API of the deadlines module (the web shell shows them on
 * the posts' pages through {@code web.ClockCells}).
 */
@Service
public class Clocks {

    private static final String SELECT = """
            select c.id, c.rule_code, c.post_id, c.notice_id, c.assignment_id, c.department_id, d.name as department, c.started_at, c.due_at,
                   c.stopped_at, c.state, c.cancelled_because, r.clock_kind, r.warn_percent, c.responsible_id
            from deadline_clock c join deadline_rule r on r.code = c.rule_code
            left join department d on d.id = c.department_id
            """;

    private record Row(
            long id,
            String rule,
            Long postId,
            Long assignmentId,
            String department,
            Instant startedAt,
            Instant dueAt,
            Instant stoppedAt,
            ClockState state,
            String cancelledBecause,
            ClockKind kind,
            int warnPercent,
            Long responsibleId) {}

    /** How many of a department's burning clocks «Сегодня» lists by name; the rest are counted. */
    public static final int SHOWN_PER_DEPARTMENT = 20;

    private final JdbcClient jdbc;
    private final WorkingTime workingTime;
    private final MessageSource messages;
    private final Clock clock;
    private final Escalations escalations;

    Clocks(JdbcClient jdbc, WorkingTime workingTime, MessageSource messages, Clock clock, Escalations escalations) {
        this.escalations = escalations;
        this.jdbc = jdbc;
        this.workingTime = workingTime;
        this.messages = messages;
        this.clock = clock;
    }

    /** Each post's open clock due first (running or breached and not yet stopped), in one query. */
    @Transactional(readOnly = true)
    public Map<Long, LiveClock> nearestRunning(Collection<Long> postIds) {
        Map<Long, LiveClock> result = new LinkedHashMap<>();
        if (postIds == null || postIds.isEmpty()) {
            return result;
        }
        Instant now = clock.instant();
        WorkingCalendar calendar = workingTime.current();
        jdbc.sql("select distinct on (c.post_id) * from (" + SELECT
                        + " where c.post_id in (:ids) and c.stopped_at is null) c order by c.post_id, c.due_at, c.id")
                .param("ids", postIds)
                .query(Clocks::row)
                .list()
                .forEach(row -> result.put(row.postId(), live(row, now, calendar)));
        return result;
    }

    /**
     * Every clock of a post, met and breached ones included: the running ones first — those the viewer must act on
     * before the others, then soonest due first — then the finished ones in the order they started.
     *
     * @param viewer who looks: their own clocks are the ones they are responsible for (an executor's acceptance,
     *        say), or, for org staff, those of the org department (no one person responsible); {@code null}: nobody's
     */
    @Transactional(readOnly = true)
    public List<LiveClock> ofPost(long postId, CurrentUser viewer) {
        Instant now = clock.instant();
        WorkingCalendar calendar = workingTime.current();
        List<Row> rows = jdbc.sql(SELECT + " where c.post_id = ? order by c.started_at, r.position, c.id")
                .param(postId)
                .query(Clocks::row)
                .list();
        boolean orgStaff = viewer != null && viewer.hasAnyRole(Role.ORG_STAFF);
        Set<Long> mine = viewer == null
                ? Set.of()
                : rows.stream()
                        .filter(row -> row.responsibleId() == null ? orgStaff : row.responsibleId() == viewer.id())
                        .map(Row::id)
                        .collect(java.util.stream.Collectors.toSet());
        List<LiveClock> started =
                rows.stream().map(row -> live(row, now, calendar)).toList();
        List<LiveClock> shown = new ArrayList<>(started.stream()
                .filter(LiveClock::open)
                .sorted(Comparator.comparing((LiveClock c) -> !mine.contains(c.id()))
                        .thenComparing(LiveClock::dueAt))
                .toList());
        started.stream().filter(c -> !c.open()).forEach(shown::add);
        return shown;
    }

    /**
     * The posts' clocks that have not stopped and are breached or past their rule's warning point, counted by
     * department — most breached first — each with its {@link #SHOWN_PER_DEPARTMENT} most urgent clocks (breached
     * first, then soonest due): of every department, or of the given ones (a clock of the department, or a post's own
     * clock of a post one of them works on; another department's part of a joint post is that department's
     * curator's). The counting and the choosing are done by the database, so the page costs the same with a thousand
     * clocks burning as with one.
     *
     * @param departmentIds the departments, or {@code null} for all
     */
    @Transactional(readOnly = true)
    public List<BurningDepartment> burning(Set<Long> departmentIds) {
        Instant now = clock.instant();
        WorkingCalendar calendar = workingTime.current();
        boolean all = departmentIds == null;
        Set<Long> scope = all || departmentIds.isEmpty() ? Set.of(-1L) : departmentIds;
        record Fetched(
                Row row, String postLabel, Long departmentId, boolean breached, long breachedCount, long count) {}
        List<Fetched> rows = jdbc.sql("""
                        select * from (
                            select b.*,
                                   row_number() over (partition by b.department_id
                                                      order by b.breached desc, b.due_at, b.id) as n,
                                   count(*) over (partition by b.department_id) as burning_count,
                                   count(*) filter (where b.breached) over (partition by b.department_id) as breached_count
                            from (
                                select c.id, c.rule_code, c.post_id, c.assignment_id, c.department_id,
                                       d.name as department, c.started_at, c.due_at, c.stopped_at, c.state,
                                       c.cancelled_because, r.clock_kind, r.warn_percent, c.responsible_id,
                                       p.registration_number, (c.state = 'BREACHED' or c.due_at <= :now) as breached
                                from deadline_clock c join deadline_rule r on r.code = c.rule_code
                                join post p on p.id = c.post_id
                                left join department d on d.id = c.department_id
                                where c.stopped_at is null
                                  and (c.state = 'BREACHED' or c.due_at <= :now or c.warn_at <= :now)
                                  and (:all or c.department_id in (:scope)
                                       or c.department_id is null
                                          and exists (select 1 from assignment a where a.post_id = c.post_id
                                                      and a.state <> 'RETURNED' and a.department_id in (:scope)))
                            ) b
                        ) ranked
                        where n <= :shown
                        order by breached_count desc, burning_count desc, department_id nulls first, n""")
                .param("now", Sql.ts(now))
                .param("all", all)
                .param("scope", scope)
                .param("shown", SHOWN_PER_DEPARTMENT)
                .query((rs, n) -> new Fetched(
                        row(rs, n),
                        rs.getString("registration_number"),
                        Sql.longOrNull(rs, "department_id"),
                        rs.getBoolean("breached"),
                        rs.getLong("breached_count"),
                        rs.getLong("burning_count")))
                .list();
        Map<Long, BurningDepartment> result = new LinkedHashMap<>();
        for (Fetched f : rows) {
            Row r = f.row();
            LiveClock live = live(r, now, calendar);
            result.computeIfAbsent(
                            f.departmentId() == null ? -1L : f.departmentId(),
                            k -> new BurningDepartment(
                                    f.departmentId(),
                                    r.department(),
                                    f.breachedCount(),
                                    f.count() - f.breachedCount(),
                                    new ArrayList<>()))
                    .mostUrgent()
                    .add(new BurningClock(
                            r.id(),
                            r.postId(),
                            f.postLabel(),
                            f.departmentId(),
                            r.department(),
                            live.ruleName(),
                            r.dueAt(),
                            f.breached(),
                            live.text()));
        }
        return List.copyOf(result.values());
    }

    /**
     * The open escalations waiting for the person, oldest first: those of the departments they curate and those
     * handed to them (or to whom they stand in for), or all of them for those who see all (п.3).
     */
    @Transactional(readOnly = true)
    public List<WaitingEscalation> escalationsWaiting(Actor actor, boolean all) {
        return escalations.waiting(actor, all);
    }

    /** Whether the person sees every escalation: the coordinator (or who stands in for them), first deputy, minister. */
    public static boolean seesAllEscalations(Actor actor, boolean coordinator) {
        return Escalations.seesAll(actor, coordinator);
    }

    /** A clock of a post that has not stopped (running or breached): its rule's code and when it is due. */
    public record OpenDeadline(String rule, Instant dueAt) {}

    /**
     * A post's clocks that have not stopped, in the order they started: what ЦУР's API reports, read with one query
     * and no texts for pages.
     */
    @Transactional(readOnly = true)
    public List<OpenDeadline> openDeadlines(long postId) {
        // the rule's position in a subquery, not a join: PostgreSQL plans this in a quarter of the time, which
        // counts on a statement that answers every message from ЦУР
        return jdbc.sql("""
                        select c.rule_code, c.due_at from deadline_clock c where c.post_id = ? and c.stopped_at is null
                        order by c.started_at, (select r.position from deadline_rule r where r.code = c.rule_code), c.id""")
                .param(postId)
                .query((rs, n) -> new OpenDeadline(rs.getString("rule_code"), Sql.instant(rs, "due_at")))
                .list();
    }

    /**
     * The clocks of changes in legislation (п.20), one per concerned department: by change id, then department id.
     *
     * @param noticeIds the changes shown
     */
    @Transactional(readOnly = true)
    public Map<Long, Map<Long, LiveClock>> ofNotices(Collection<Long> noticeIds) {
        Map<Long, Map<Long, LiveClock>> result = new LinkedHashMap<>();
        if (noticeIds.isEmpty()) {
            return result;
        }
        Instant now = clock.instant();
        WorkingCalendar calendar = workingTime.current();
        String ids =
                "{" + String.join(",", noticeIds.stream().map(String::valueOf).toList()) + "}";
        jdbc.sql(SELECT + " where c.notice_id = any (cast(:ids as bigint[])) and c.department_id is not null"
                        + " order by c.id")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(List.of(rs.getLong("notice_id"), rs.getLong("department_id")), row(rs, n)))
                .list()
                .forEach(e -> result.computeIfAbsent(e.getKey().get(0), k -> new LinkedHashMap<>())
                        .put(e.getKey().get(1), live(e.getValue(), now, calendar)));
        return result;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("rule_code"),
                Sql.longOrNull(rs, "post_id"),
                Sql.longOrNull(rs, "assignment_id"),
                rs.getString("department"),
                Sql.instant(rs, "started_at"),
                Sql.instant(rs, "due_at"),
                Sql.instant(rs, "stopped_at"),
                ClockState.valueOf(rs.getString("state")),
                rs.getString("cancelled_because"),
                ClockKind.valueOf(rs.getString("clock_kind")),
                rs.getInt("warn_percent"),
                Sql.longOrNull(rs, "responsible_id"));
    }

    private LiveClock live(Row r, Instant now, WorkingCalendar calendar) {
        String ruleName = msg("deadlines.rule." + r.rule());
        String tone;
        String text;
        String unit = r.kind().working() ? msg("deadlines.clock.working") : "";
        if (r.state() == ClockState.CANCELLED) {
            // neither met nor breached: the post left the path this clock measures
            tone = "cancelled";
            text = msg("deadlines.clock.cancelled." + r.cancelledBecause());
        } else if (r.stoppedAt() != null) {
            boolean met = r.state() == ClockState.MET;
            tone = met ? "met" : "breached";
            text = met
                    ? msg("deadlines.clock.met")
                    : msg("deadlines.clock.breachedBy", span(r, r.dueAt(), r.stoppedAt(), calendar)) + unit;
        } else if (now.isBefore(r.dueAt())) {
            long total = seconds(r, r.startedAt(), r.dueAt(), calendar);
            long used = seconds(r, r.startedAt(), now, calendar);
            tone = total > 0 && used * 100 >= total * r.warnPercent() ? "warn" : "ok";
            text = msg("deadlines.clock.left", span(r, now, r.dueAt(), calendar)) + unit;
        } else {
            tone = "breached";
            long overdue = seconds(r, r.dueAt(), now, calendar);
            text = overdue < 60
                    ? msg("deadlines.clock.expired")
                    : msg("deadlines.clock.overdue", span(overdue, r.kind().working())) + unit;
        }
        String label = msg("deadlines.clock.label", ruleName, text, MinistryTime.format(r.dueAt()));
        return new LiveClock(
                r.id(),
                r.rule(),
                ruleName,
                r.postId(),
                r.assignmentId(),
                r.department(),
                r.startedAt(),
                r.dueAt(),
                r.stoppedAt(),
                r.state(),
                r.kind(),
                tone,
                text,
                label);
    }

    private static long seconds(Row r, Instant a, Instant b, WorkingCalendar calendar) {
        if (!b.isAfter(a)) {
            return 0;
        }
        return r.kind().working()
                ? calendar.workingSeconds(a, b)
                : Duration.between(a, b).toSeconds();
    }

    /**
     * A span as text in one format for every clock: «12 мин», «1 ч 20 мин», «2 дн 3 ч»; whether the time is working
     * time is said once, after the whole phrase («осталось 1 ч 20 мин (рабочих)»).
     */
    private String span(Row r, Instant a, Instant b, WorkingCalendar calendar) {
        return span(seconds(r, a, b, calendar), r.kind().working());
    }

    String span(long seconds, boolean working) {
        long minutes = (seconds + 59) / 60;
        String prefix = "deadlines.span.";
        if (minutes < 60) {
            return msg(prefix + "minutes", String.valueOf(minutes));
        }
        if (working || minutes < 24 * 60) {
            return msg(prefix + "hours", String.valueOf(minutes / 60), String.format("%02d", minutes % 60));
        }
        return msg(prefix + "days", String.valueOf(minutes / (24 * 60)), String.valueOf((minutes % (24 * 60)) / 60));
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, Notifications.RU);
    }
}
