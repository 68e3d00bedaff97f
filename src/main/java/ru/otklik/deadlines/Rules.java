package ru.otklik.deadlines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deadline rules as stored (SPEC §3), read fresh each time so that every instance sees an admin's change at once.
 */
@Repository
public class Rules {

    private static final String COLUMNS = "code, clause, start_event, stop_event, limit_value, clock_kind, "
            + "breach_action, warn_percent, running, position, version";

    private final JdbcClient jdbc;

    Rules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All rules in the order of SPEC §3. */
    public List<DeadlineRule> all() {
        return jdbc.sql("select " + COLUMNS + " from deadline_rule order by position")
                .query(Rules::map)
                .list();
    }

    public Map<String, DeadlineRule> byCode() {
        return all().stream().collect(Collectors.toMap(DeadlineRule::code, Function.identity()));
    }

    public Optional<DeadlineRule> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from deadline_rule where code = ?")
                .param(code)
                .query(Rules::map)
                .optional();
    }

    public DeadlineRule get(String code) {
        return find(code).orElseThrow(() -> new IllegalStateException("no deadline rule " + code));
    }

    static DeadlineRule map(ResultSet rs, int row) throws SQLException {
        return new DeadlineRule(
                rs.getString("code"),
                rs.getString("clause"),
                rs.getString("start_event"),
                rs.getString("stop_event"),
                rs.getInt("limit_value"),
                ClockKind.valueOf(rs.getString("clock_kind")),
                BreachAction.valueOf(rs.getString("breach_action")),
                rs.getInt("warn_percent"),
                rs.getBoolean("running"),
                rs.getInt("position"),
                rs.getLong("version"));
    }
}
