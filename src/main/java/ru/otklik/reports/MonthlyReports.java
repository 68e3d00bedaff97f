package ru.otklik.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.reports.MonthlyReport.Breakdown;
import ru.otklik.reports.MonthlyReport.PerformerRow;
import ru.otklik.reports.MonthlyReport.Row;
import ru.otklik.reports.MonthlyReport.RuleRow;
import ru.otklik.reports.MonthlyReport.SpecialistRow;

/**
 * Builds the monthly report with a fixed number of set-based queries, whatever the number of posts.
 */
@Service
public class MonthlyReports {

    /** Every counted fact of the month as (post, measure); the department/scope filters are applied around it. */
    /**
     * Every counted fact of the month as (post, measure, source, importance). Each branch reads only the month's rows
     * through an index; "open at the end" uses the GiST index on the post's open interval.
     */
    static final String MEASURED = """
            with measured as materialized (
              select p.id as post_id, 'RECEIVED' as measure, p.source, p.importance from post p
               where p.received_at >= :from and p.received_at < :to
              union all
              select p.id, case e.to_state when 'ANSWERED' then 'ANSWERED' else 'INTERMEDIATE' end, p.source, p.importance
                from post_event e join post p on p.id = e.post_id
               where e.action = 'ANSWER_POSTED' and e.to_state in ('ANSWERED', 'AWAITING_FINAL') and e.at >= :from and e.at < :to
              union all
              select p.id, case e.action when 'REFUSED' then 'NOT_PROCESSED' else 'RETURNED_TO_CUR' end, p.source, p.importance
                from post_event e join post p on p.id = e.post_id
               where e.action in ('RETURNED_TO_CUR', 'REFUSED') and e.at >= :from and e.at < :to
              union all
              select p.id, 'OPEN_AT_END', p.source, p.importance from post p
               where tstzrange(p.received_at, case when p.closed_at < p.received_at then p.received_at else p.closed_at end, '(]')
                     @> cast(:to as timestamptz)
            )
            """;

    static final List<String> SOURCES = List.of("VK", "OK", "BLOG", "OTHER");
    /** The deadlines п.19 ¶2 lays on the org specialist: sending posts to departments and posting the answers. */
    static final List<String> SPECIALIST_RULES = List.of("ROUTE", "REROUTE", "POST", "RETURN_TO_CUR", "CUR_SUBMIT");

    static final List<String> IMPORTANCES = List.of("NORMAL", "HIGH");

    static final String IN_SCOPE =
            "(not :scoped or exists (select 1 from assignment sa where sa.post_id = %s and sa.department_id = any(:depts)))";

    /**
     * The counts of every measure: in total, by source, by importance (grouping sets) and by department (a post sent
     * to two departments counts in each). A department head's report first keeps the posts of their departments.
     */
    static String counts(boolean scoped) {
        String facts = scoped ? "scoped" : "measured";
        return MEASURED
                + (scoped
                        ? ", scoped as (select m.* from measured m where " + IN_SCOPE.formatted("m.post_id") + ")"
                        : "")
                + """
                select 'dims' as kind, m.measure, m.source, m.importance, null as department_id,
                       grouping(m.source) as gs, grouping(m.importance) as gi, count(*) as n
                  from %1$s m
                 group by grouping sets ((m.measure), (m.measure, m.source), (m.measure, m.importance))
                union all
                select 'dept', m.measure, null, null, coalesce(a.department_id, 0), 1, 1, count(*)
                  from %1$s m
                  left join lateral (select sa.department_id from assignment sa where sa.post_id = m.post_id) a on true
                 where (not :scoped or a.department_id = any(:depts))
                 group by m.measure, coalesce(a.department_id, 0)
                """.formatted(facts);
    }

    private final JdbcClient jdbc;
    private final Labels labels;
    private final Clock clock;

    MonthlyReports(JdbcClient jdbc, Labels labels, Clock clock) {
        this.jdbc = jdbc;
        this.labels = labels;
        this.clock = clock;
    }

    /** The current month in the Ministry's time zone. */
    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(MinistryTime.ZONE));
    }

    /** First instant of the month in the Ministry's time zone. */
    public static Instant start(YearMonth month) {
        return MinistryTime.startOf(month.atDay(1));
    }

    /**
     * The report for a month, for the whole Ministry ({@code departments} empty) or for some departments only.
     */
    @Transactional(readOnly = true)
    public MonthlyReport build(YearMonth month, List<Long> departments) {
        Instant from = start(month);
        Instant to = start(month.plusMonths(1));
        Params params = new Params(from, to, departments);

        Map<Measure, Long> totals = new EnumMap<>(Measure.class);
        Map<Dimension, Map<String, Map<Measure, Long>>> tables = new EnumMap<>(Dimension.class);
        jdbc.sql(counts(!departments.isEmpty())).paramSource(params.source()).query(rs -> {
            Measure measure = Measure.valueOf(rs.getString("measure"));
            long n = rs.getLong("n");
            if ("dept".equals(rs.getString("kind"))) {
                put(tables, Dimension.DEPARTMENT, rs.getString("department_id"), measure, n);
            } else if (rs.getInt("gs") == 1 && rs.getInt("gi") == 1) {
                totals.put(measure, n);
            } else if (rs.getInt("gs") == 0) {
                put(tables, Dimension.SOURCE, rs.getString("source"), measure, n);
            } else {
                put(tables, Dimension.IMPORTANCE, rs.getString("importance"), measure, n);
            }
        });

        Map<String, String> departmentNames = new HashMap<>();
        departmentNames.put("0", labels.get("report.department.none"));
        jdbc.sql("select id, name from department").query(rs -> {
            departmentNames.put(rs.getString("id"), rs.getString("name"));
        });
        List<Breakdown> breakdowns = List.of(
                breakdown(Dimension.SOURCE, tables, SOURCES, codes(SOURCES, labels::source)),
                breakdown(Dimension.DEPARTMENT, tables, List.of(), departmentNames),
                breakdown(Dimension.IMPORTANCE, tables, IMPORTANCES, codes(IMPORTANCES, labels::importance)));

        Performers performers = performers(params);
        return new MonthlyReport(
                month,
                from,
                to,
                departments,
                totals,
                breakdowns,
                rules(params),
                performers.executors(),
                performers.departments(),
                specialists(params));
    }

    List<RuleRow> rules(Params params) {
        return jdbc.sql("""
                select r.code, r.clause, r.clock_kind,
                       count(c.id) as started,
                       count(c.id) filter (where c.state = 'MET') as met,
                       count(c.id) filter (where c.state = 'BREACHED') as breached,
                       count(c.id) filter (where c.state = 'RUNNING') as running,
                       count(c.id) filter (where c.state = 'CANCELLED') as cancelled,
                       round(percentile_cont(0.5) within group (order by c.used_minutes)
                             filter (where c.state in ('MET', 'BREACHED'))) as median
                  from deadline_rule r
                  left join deadline_clock c on c.rule_code = r.code and c.started_at >= :from and c.started_at < :to
                   and """ + clockScope() + """
                 group by r.code, r.clause, r.clock_kind, r.position
                 order by r.position
                """)
                .paramSource(params.source())
                .query((rs, n) -> {
                    long met = rs.getLong("met");
                    long breached = rs.getLong("breached");
                    Number median = (Number) rs.getObject("median");
                    return new RuleRow(
                            rs.getString("code"),
                            rs.getString("clause"),
                            rs.getString("clock_kind"),
                            rs.getLong("started"),
                            met,
                            breached,
                            rs.getLong("running"),
                            rs.getLong("cancelled"),
                            share(met, breached),
                            median == null ? null : median.longValue());
                })
                .list();
    }

    /**
     * Each executor's and each department's month in one statement: assignments received, final answers given, and
     * drafts (the EXECUTOR_ANSWER rule) on time or late.
     *
     * @return the executors' rows and the departments' rows
     */
    Performers performers(Params params) {
        List<PerformerRow> executors = new ArrayList<>();
        List<PerformerRow> departments = new ArrayList<>();
        jdbc.sql("""
                with assigned as (
                  select grouping(a.executor_id) as by_department, coalesce(a.executor_id, a.department_id) as id,
                         count(*) as n
                    from assignment a
                   where a.assigned_at >= :from and a.assigned_at < :to and (not :scoped or a.department_id = any(:depts))
                   group by grouping sets ((a.executor_id), (a.department_id))
                ), answered as (
                  select grouping(a.executor_id) as by_department, coalesce(a.executor_id, a.department_id) as id,
                         count(distinct e.post_id) as n
                    from post_event e join assignment a on a.post_id = e.post_id and a.state = 'ACCEPTED'
                   where e.action = 'ANSWER_POSTED' and e.to_state = 'ANSWERED' and e.at >= :from and e.at < :to
                     and (not :scoped or a.department_id = any(:depts))
                   group by grouping sets ((a.executor_id), (a.department_id))
                ), judged as (
                  select grouping(c.responsible_id) as by_department, coalesce(c.responsible_id, c.department_id) as id,
                         count(*) filter (where c.state = 'MET') as met, count(*) filter (where c.state = 'BREACHED') as late
                    from deadline_clock c
                   where c.rule_code = 'EXECUTOR_ANSWER' and c.started_at >= :from and c.started_at < :to
                     and (not :scoped or c.department_id = any(:depts))
                   group by grouping sets ((c.responsible_id), (c.department_id))
                ), keys as (
                  select by_department, id from assigned union select by_department, id from answered
                  union select by_department, id from judged
                )
                select k.by_department, k.id, coalesce(u.full_name, d.name) as name,
                       coalesce(s.n, 0) as assignments, coalesce(w.n, 0) as answers,
                       coalesce(j.met, 0) as met, coalesce(j.late, 0) as late
                  from keys k
                  left join app_user u on k.by_department = 0 and u.id = k.id
                  left join department d on k.by_department = 1 and d.id = k.id
                  left join assigned s on s.by_department = k.by_department and s.id = k.id
                  left join answered w on w.by_department = k.by_department and w.id = k.id
                  left join judged j on j.by_department = k.by_department and j.id = k.id
                 where k.id is not null
                 order by name
                """).paramSource(params.source()).query(rs -> {
            long met = rs.getLong("met");
            long late = rs.getLong("late");
            PerformerRow row = new PerformerRow(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getLong("assignments"),
                    rs.getLong("answers"),
                    met,
                    late,
                    share(met, late));
            (rs.getInt("by_department") == 1 ? departments : executors).add(row);
        });
        return new Performers(executors, departments);
    }

    /**
     * Each org specialist's month (п.19 ¶2): the clocks of {@link #SPECIALIST_RULES} met and breached, each counted
     * for the person responsible for it ({@code responsible_id}) or, when nobody was named, for the one whose action
     * on the post stopped it; a breached clock nobody stopped yet counts for nobody (id 0).
     */
    List<SpecialistRow> specialists(Params params) {
        return jdbc.sql("""
                with judged as (
                  select c.state, coalesce(c.responsible_id, (
                           select e.actor_id from post_event e
                            where e.post_id = c.post_id and e.actor_id is not null and c.stopped_at is not null
                              and e.at between c.stopped_at - interval '1 millisecond'
                                           and c.stopped_at + interval '1 millisecond'
                            order by abs(extract(epoch from e.at - c.stopped_at)), e.id limit 1)) as person_id
                    from deadline_clock c
                   where c.rule_code in (:rules) and c.state in ('MET', 'BREACHED')
                     and c.started_at >= :from and c.started_at < :to and """ + clockScope() + """
                )
                select coalesce(j.person_id, 0) as id, u.full_name as name,
                       count(*) filter (where j.state = 'MET') as met,
                       count(*) filter (where j.state = 'BREACHED') as late
                  from judged j left join app_user u on u.id = j.person_id
                 group by j.person_id, u.full_name
                 order by j.person_id is null, u.full_name
                """)
                .paramSource(params.source().addValue("rules", SPECIALIST_RULES))
                .query((rs, n) -> {
                    long met = rs.getLong("met");
                    long late = rs.getLong("late");
                    String name = rs.getString("name");
                    return new SpecialistRow(
                            rs.getLong("id"),
                            name == null ? labels.get("report.specialists.nobody") : name,
                            met,
                            late,
                            share(met, late));
                })
                .list();
    }

    /** The executors' and the departments' rows of the report. */
    record Performers(List<PerformerRow> executors, List<PerformerRow> departments) {}

    private static String clockScope() {
        return "(not :scoped or c.department_id = any(:depts) or " + IN_SCOPE.formatted("c.post_id") + ")";
    }

    private static void put(
            Map<Dimension, Map<String, Map<Measure, Long>>> tables,
            Dimension dimension,
            String key,
            Measure measure,
            long n) {
        tables.computeIfAbsent(dimension, d -> new LinkedHashMap<>())
                .computeIfAbsent(key, k -> new EnumMap<>(Measure.class))
                .merge(measure, n, Long::sum);
    }

    private static Breakdown breakdown(
            Dimension dimension,
            Map<Dimension, Map<String, Map<Measure, Long>>> tables,
            List<String> fixedKeys,
            Map<String, String> labels) {
        Map<String, Map<Measure, Long>> table = tables.getOrDefault(dimension, Map.of());
        List<String> keys = new ArrayList<>(fixedKeys);
        table.keySet().stream()
                .filter(k -> !keys.contains(k))
                .sorted((a, b) -> labels.getOrDefault(a, a).compareTo(labels.getOrDefault(b, b)))
                .forEach(keys::add);
        return new Breakdown(
                dimension,
                keys.stream()
                        .map(k -> new Row(k, labels.getOrDefault(k, k), table.getOrDefault(k, Map.of())))
                        .toList());
    }

    private static Map<String, String> codes(List<String> codes, java.util.function.UnaryOperator<String> label) {
        Map<String, String> names = new HashMap<>();
        codes.forEach(code -> names.put(code, label.apply(code)));
        return names;
    }

    static Double share(long onTime, long late) {
        return onTime + late == 0 ? null : (double) onTime / (onTime + late);
    }

    /** The query parameters every report query shares. */
    record Params(Instant from, Instant to, List<Long> departments) {

        org.springframework.jdbc.core.namedparam.MapSqlParameterSource source() {
            return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                    .addValue("from", Timestamp.from(from))
                    .addValue("to", Timestamp.from(to))
                    .addValue("scoped", !departments.isEmpty())
                    .addValue("depts", departments.toArray(Long[]::new));
        }
    }
}
