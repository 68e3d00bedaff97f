package ru.otklik.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.deadlines.internal.ClockBook;
import ru.otklik.deadlines.internal.Sql;
import ru.otklik.people.StaleEditException;

/**
 * The admin's changes of deadline rules: limit, clock kind and breach action (never the events), each kept in the
 * history with who and when; running clocks of the rule are recomputed at once.
 */
@Service
public class RuleManagement {

    record Change(
            String rule,
            Instant at,
            String by,
            int oldLimit,
            ClockKind oldKind,
            BreachAction oldAction,
            int newLimit,
            ClockKind newKind,
            BreachAction newAction) {}

    private final JdbcClient jdbc;
    private final Rules rules;
    private final ClockBook book;
    private final Clock clock;

    RuleManagement(JdbcClient jdbc, Rules rules, ClockBook book, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.book = book;
        this.clock = clock;
    }

    /**
     * @return how many running clocks were recomputed
     * @throws StaleEditException when someone changed the rule since {@code version}
     */
    @Transactional
    public int change(String code, long version, int limit, ClockKind kind, BreachAction action, long byUserId) {
        DeadlineRule old = rules.find(code).orElseThrow(ru.otklik.people.NotFoundException::new);
        int updated = jdbc.sql("""
                        update deadline_rule set limit_value = :limit, clock_kind = :kind, breach_action = :action,
                            version = version + 1
                        where code = :code and version = :version""")
                .param("limit", limit)
                .param("kind", kind.name())
                .param("action", action.name())
                .param("code", code)
                .param("version", version)
                .update();
        if (updated != 1) {
            throw new StaleEditException();
        }
        if (old.limit() == limit && old.kind() == kind && old.action() == action) {
            return 0;
        }
        jdbc.sql("""
                        insert into deadline_rule_change (rule_code, changed_at, changed_by, old_limit, old_kind,
                            old_action, new_limit, new_kind, new_action)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        code,
                        Sql.ts(clock.instant()),
                        byUserId,
                        old.limit(),
                        old.kind().name(),
                        old.action().name(),
                        limit,
                        kind.name(),
                        action.name())
                .update();
        return book.recomputeRules(List.of(code));
    }

    @Transactional(readOnly = true)
    public List<Change> history(int limit) {
        return jdbc.sql("""
                        select h.*, u.full_name from deadline_rule_change h left join app_user u on u.id = h.changed_by
                        order by h.changed_at desc, h.id desc limit ?""")
                .param(limit)
                .query((rs, n) -> new Change(
                        rs.getString("rule_code"),
                        Sql.instant(rs, "changed_at"),
                        rs.getString("full_name"),
                        rs.getInt("old_limit"),
                        ClockKind.valueOf(rs.getString("old_kind")),
                        BreachAction.valueOf(rs.getString("old_action")),
                        rs.getInt("new_limit"),
                        ClockKind.valueOf(rs.getString("new_kind")),
                        BreachAction.valueOf(rs.getString("new_action"))))
                .list();
    }
}
