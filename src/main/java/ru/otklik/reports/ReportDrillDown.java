package ru.otklik.reports;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The posts behind a number of the monthly report.
 */
@Service
public class ReportDrillDown {

    static final int PAGE_SIZE = 50;

    /** One post of a drill-down list, named by its registration number (СОЦ-2026/0123) and ЦУР's id. */
    public record PostLine(
            long id,
            String registrationNumber,
            String externalId,
            Instant receivedAt,
            String state,
            String source,
            String importance,
            String excerpt) {}

    /** A page of posts and the total behind the number. */
    public record Listing(List<PostLine> posts, long total, int page) {

        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    /** Which outcome of a rule's clocks to list. */
    public enum Outcome {
        STARTED,
        MET,
        BREACHED,
        RUNNING,
        CANCELLED
    }

    private static final String COLUMNS = "p.id, p.registration_number, p.external_id, p.received_at, p.state,"
            + " p.source, p.importance, left(p.text, 160) as excerpt";

    private final JdbcClient jdbc;

    ReportDrillDown(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Posts counted under a measure, for one row of a breakdown (or all of them for {@link Dimension#TOTAL}). */
    @Transactional(readOnly = true)
    public Listing measured(
            YearMonth month, Measure measure, Dimension dimension, String key, List<Long> scope, int page) {
        String filter = switch (dimension) {
            case TOTAL -> "true";
            case SOURCE -> "p.source = :key";
            case IMPORTANCE -> "p.importance = :key";
            case DEPARTMENT ->
                "0".equals(key)
                        ? "not exists (select 1 from assignment da where da.post_id = p.id)"
                        : "exists (select 1 from assignment da where da.post_id = p.id and da.department_id = cast(:key as bigint))";
        };
        String where = MonthlyReports.MEASURED
                + " , chosen as (select distinct m.post_id from measured m join post p on p.id = m.post_id"
                + " where m.measure = :measure and " + filter + " and " + MonthlyReports.IN_SCOPE.formatted("p.id")
                + ")";
        MapSqlParameterSource params =
                params(month, scope).addValue("measure", measure.name()).addValue("key", key);
        return listing(where, "select post_id from chosen", params, page);
    }

    /** Posts whose clocks of a rule started during the month, with the given outcome. */
    @Transactional(readOnly = true)
    public Listing clocks(YearMonth month, String rule, Outcome outcome, List<Long> scope, int page) {
        String state = outcome == Outcome.STARTED ? "true" : "c.state = :outcome";
        String where = "with chosen as (select distinct c.post_id from deadline_clock c where c.rule_code = :rule"
                + " and c.post_id is not null and c.started_at >= :from and c.started_at < :to and " + state
                + " and (not :scoped or c.department_id = any(:depts) or "
                + MonthlyReports.IN_SCOPE.formatted("c.post_id") + "))";
        MapSqlParameterSource params =
                params(month, scope).addValue("rule", rule).addValue("outcome", outcome.name());
        return listing(where, "select post_id from chosen", params, page);
    }

    /** Posts assigned during the month to an executor or to a department. */
    @Transactional(readOnly = true)
    public Listing assignments(YearMonth month, Long executorId, Long departmentId, List<Long> scope, int page) {
        String where = "with chosen as (select distinct a.post_id from assignment a where a.assigned_at >= :from"
                + " and a.assigned_at < :to and (cast(:executor as bigint) is null or a.executor_id = :executor)"
                + " and (cast(:department as bigint) is null or a.department_id = :department)"
                + " and (not :scoped or a.department_id = any(:depts)))";
        MapSqlParameterSource params =
                params(month, scope).addValue("executor", executorId).addValue("department", departmentId);
        return listing(where, "select post_id from chosen", params, page);
    }

    private Listing listing(String with, String ids, MapSqlParameterSource params, int page) {
        long total = jdbc.sql(with + " select count(*) from chosen")
                .paramSource(params)
                .query(Long.class)
                .single();
        // Any page number is shown: below the first is the first, beyond the last is the last.
        int shown = Math.min(Math.max(page, 0), new Listing(List.of(), total, 0).pages() - 1);
        params.addValue("offset", (long) shown * PAGE_SIZE);
        List<PostLine> posts = jdbc.sql(with + " select " + COLUMNS + " from post p where p.id in (" + ids + ")"
                        + " order by p.received_at desc, p.id desc limit :limit offset :offset")
                .paramSource(params)
                .query(ReportDrillDown::line)
                .list();
        return new Listing(posts, total, shown);
    }

    /**
     * Every post received during the month (in the scope), in the order of registration: the exports' list of posts,
     * each with its registration number.
     */
    @Transactional(readOnly = true)
    public List<PostLine> received(YearMonth month, List<Long> scope) {
        return jdbc.sql("select " + COLUMNS + " from post p where p.received_at >= :from and p.received_at < :to and "
                        + MonthlyReports.IN_SCOPE.formatted("p.id")
                        + " order by p.registration_year, p.registration_seq")
                .paramSource(params(month, scope))
                .query(ReportDrillDown::line)
                .list();
    }

    private static PostLine line(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PostLine(
                rs.getLong("id"),
                rs.getString("registration_number"),
                rs.getString("external_id"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getString("state"),
                rs.getString("source"),
                rs.getString("importance"),
                rs.getString("excerpt"));
    }

    private static MapSqlParameterSource params(YearMonth month, List<Long> scope) {
        return new MonthlyReports.Params(MonthlyReports.start(month), MonthlyReports.start(month.plusMonths(1)), scope)
                .source()
                .addValue("limit", PAGE_SIZE);
    }
}
