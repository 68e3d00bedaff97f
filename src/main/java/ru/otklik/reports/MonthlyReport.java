package ru.otklik.reports;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The monthly report (п.21): counts of posts, compliance with every deadline rule (п.19), and each executor's and
 * department's work. Month boundaries are midnights in Asia/Novokuznetsk.
 *
 * @param scopeDepartments the departments a department head is limited to; empty for the whole Ministry
 */
public record MonthlyReport(
        YearMonth month,
        Instant from,
        Instant to,
        List<Long> scopeDepartments,
        Map<Measure, Long> totals,
        List<Breakdown> breakdowns,
        List<RuleRow> rules,
        List<PerformerRow> executors,
        List<PerformerRow> departments,
        List<SpecialistRow> specialists) {

    /** One dimension's table: a row per key (a source, a department, an importance), a column per measure. */
    public record Breakdown(Dimension dimension, List<Row> rows) {}

    /** One row of a breakdown. */
    public record Row(String key, String label, Map<Measure, Long> counts) {

        public long count(Measure measure) {
            return counts.getOrDefault(measure, 0L);
        }
    }

    /**
     * Compliance with one deadline rule for the clocks started during the month.
     *
     * @param cancelled clocks the post left the path of (returned to ЦУР, refused, a part returned): «не требовалось»,
     *        counted neither as met nor as breached
     * @param shareOnTime met / (met + breached), {@code null} when nothing was judged yet
     * @param medianMinutes the median time used by met and breached clocks, in working minutes for working clocks and
     *        in calendar minutes for calendar ones; {@code null} when no clock finished
     */
    public record RuleRow(
            String code,
            String clause,
            String clockKind,
            long started,
            long met,
            long breached,
            long running,
            long cancelled,
            Double shareOnTime,
            Long medianMinutes) {}

    /** An executor's or a department's work during the month. */
    public record PerformerRow(
            long id, String name, long assignments, long answers, long onTime, long late, Double shareOnTime) {}

    /**
     * An org specialist's deadlines of the month (п.19 ¶2: routing and posting, {@link MonthlyReports#SPECIALIST_RULES}):
     * the clocks met and breached by the person responsible for them, or who acted when nobody was named. {@code id}
     * 0 gathers the breached clocks nobody acted on yet.
     */
    public record SpecialistRow(long id, String name, long onTime, long late, Double shareOnTime) {}

    public long total(Measure measure) {
        return totals.getOrDefault(measure, 0L);
    }

    public Breakdown breakdown(Dimension dimension) {
        return breakdowns.stream()
                .filter(b -> b.dimension() == dimension)
                .findFirst()
                .orElse(new Breakdown(dimension, List.of()));
    }

    /** Whether the report is limited to some departments (a department head's view). */
    public boolean scoped() {
        return !scopeDepartments.isEmpty();
    }
}
