package ru.otklik.posts;

import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.people.Role;

/**
 * How many items wait for a person in each of their work lists, for the menu on every page: one statement, with only
 * the counts of the person's roles, each an index scan of the items waiting (V65).
 */
@Service
public class WorkQueues {

    /**
     * The states in which a post waits for the org specialist (п.9, п.14, п.18): route or return, send to ЦУР, post
     * the answer ЦУР approved (30-minute clock), decide an executor's п.18 flag. The partial index
     * {@code post_org_action_ix} has exactly this predicate.
     */
    public static final String ORG_ACTION =
            "(p.state in ('NEW', 'RETURNED_BY_EXECUTOR', 'READY_FOR_CUR', 'CUR_APPROVED')"
                    + " or (p.p18_flag is not null and p.state in ('ASSIGNED', 'IN_WORK', 'REWORK')))";

    /** A returned part of a joint post waits to be sent to another department or left out (п.14, п.15). */
    public static final String PART_WAITING =
            "exists (select 1 from assignment w where w.post_id = p.id and w.part_state = 'AWAITING_REROUTE')";

    /** The counts of one person's lists; 0 for the lists their roles do not have. */
    public record Counts(long inbox, long assignments, long approvals) {}

    private final JdbcClient jdbc;

    WorkQueues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Posts waiting for org staff (Входящие), assignments new or returned for rework of the executor and those they
     * stand in for (Мои поручения), drafts waiting for the approver and those they stand in for (На согласовании).
     */
    @Transactional(readOnly = true)
    public Counts counts(Actor actor) {
        boolean org = actor.isOrgStaff();
        boolean executor = actor.has(Role.EXECUTOR);
        boolean approver = actor.hasAny(Role.APPROVERS);
        if (!org && !executor && !approver) {
            return new Counts(0, 0, 0);
        }
        Set<Long> acting = actor.actingIds();
        String sql = "select "
                + (org
                        ? "(select count(*) from (select p.id from post p where " + ORG_ACTION
                                + " union select w.post_id from assignment w where w.part_state = 'AWAITING_REROUTE') o)"
                        : "0")
                + " as inbox, "
                + (executor
                        // two scans: the new ones by executor, the returned ones from the few posts in rework
                        ? "(select count(*) from assignment a where a.executor_id in (:acting) and a.state = 'ASSIGNED')"
                                + " + (select count(*) from post p join assignment a on a.post_id = p.id"
                                + " where p.state = 'REWORK' and a.state = 'ACCEPTED' and a.executor_id in (:acting))"
                        : "0")
                + " as assignments, "
                + (approver
                        // a joint answer's parts wait for their heads at once (п.15)
                        ? "(select count(*) from draft d join post p on p.id = d.post_id where (d.current_approver_id"
                                + " in (:acting) or exists (select 1 from draft_part_approval pa where pa.draft_id = d.id"
                                + " and pa.approved_at is null and pa.head_id in (:acting)))"
                                + " and d.posted_at is null and p.state = 'IN_APPROVAL')"
                        : "0")
                + " as approvals";
        var statement = jdbc.sql(sql);
        if (executor || approver) {
            statement = statement.param("acting", acting);
        }
        return statement
                .query((rs, n) -> new Counts(rs.getLong("inbox"), rs.getLong("assignments"), rs.getLong("approvals")))
                .single();
    }
}
