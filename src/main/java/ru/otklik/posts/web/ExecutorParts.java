package ru.otklik.posts.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.people.Names;
import ru.otklik.posts.AssignmentState;
import ru.otklik.posts.Importance;
import ru.otklik.posts.PostState;
import ru.otklik.posts.Source;
import ru.otklik.posts.internal.InboxQuery;

/**
 * The executor's part of a post in the executor's words («Мои поручения» and the top of the post's page): the state of
 * their assignment and of the answer they write, not the post's — new, accepted, returned for rework (with the reason
 * and who returned it), with the approvers, approved, at ЦУР, posted; or, on a joint post, their contribution sent.
 */
@Component
class ExecutorParts {

    /** What the executor's part is waiting for, as the executor says it (message {@code posts.myPart.<name>}). */
    enum Stage {
        NEW,
        ACCEPTED,
        REWORK,
        IN_APPROVAL,
        APPROVED,
        AT_CUR,
        CUR_APPROVED,
        INTERIM_POSTED,
        ANSWERED,
        CONTRIBUTED,
        HANDED_BACK;

        /** Whether the executor has to act now: accept, write or rework the answer. */
        boolean theirMove() {
            return this == NEW || this == ACCEPTED || this == REWORK || this == INTERIM_POSTED;
        }
    }

    /**
     * One assignment of the executor (or of an absent executor they stand in for).
     *
     * @param onBehalfOf «за Иванова И.И.» when it is the absent executor's, or {@code null}
     * @param theirMove whether the executor has to act now ({@link Stage#theirMove()})
     * @param returnReason while on rework: the approver's or ЦУР's reason; otherwise {@code null}
     * @param returnedBy who returned it, or {@code null} when ЦУР did (through the intake API) or nothing was returned
     */
    record Part(
            long postId,
            long assignmentId,
            String registrationNumber,
            String externalId,
            Source source,
            Importance importance,
            PostState postState,
            Instant receivedAt,
            String excerpt,
            boolean flagged,
            AssignmentState assignmentState,
            Instant assignedAt,
            String department,
            String onBehalfOf,
            Stage stage,
            boolean theirMove,
            String returnReason,
            String returnedBy,
            Instant returnedAt) {}

    private static final String SELECT = """
            select p.id, a.id as assignment_id, p.registration_number, p.external_id, p.source, p.importance, p.state, p.received_at,
                   left(p.text, 200) as excerpt, p.screening_flagged, a.state as assignment_state, a.assigned_at,
                   d.name as department, a.executor_id, u.full_name as executor, a.contributed_at, p.joint_answer,
                   r.comment as return_reason, r.at as returned_at, r.action as return_action,
                   ru.full_name as returned_by, rb.full_name as returned_for
            from assignment a join post p on p.id = a.post_id join department d on d.id = a.department_id
            join app_user u on u.id = a.executor_id
            left join lateral (select e.comment, e.at, e.action, e.actor_id, e.on_behalf_of from post_event e
                               where e.post_id = p.id and e.action in ('DRAFT_RETURNED', 'CUR_RETURNED')
                               order by e.at desc, e.id desc limit 1) r on p.state = 'REWORK'
            left join app_user ru on ru.id = r.actor_id
            left join app_user rb on rb.id = r.on_behalf_of
            """;

    private final JdbcClient jdbc;

    ExecutorParts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The open assignments of these executors: new first, then those returned for rework, then what burns first
     * (breached, then nearest due: the open clocks of the post and this assignment, read from the deadlines module's
     * {@code deadline_clock}), then by importance and the order they came.
     */
    @Transactional(readOnly = true)
    List<Part> open(Set<Long> executorIds, long viewerId) {
        return jdbc.sql(SELECT + """
                        left join lateral (select bool_or(c.state = 'BREACHED') as breached, min(c.due_at) as due_at
                                           from deadline_clock c where c.post_id = p.id and c.stopped_at is null
                                             and (c.assignment_id is null or c.assignment_id = a.id)) k on true
                        where a.executor_id in (:executors) and a.state <> 'RETURNED'
                          and p.state not in ('ANSWERED', 'RETURNED_TO_CUR', 'NOT_PROCESSED')
                        order by case when a.state = 'ASSIGNED' then 0 when p.state = 'REWORK' and not p.joint_answer
                                      then 1 else 2 end,
                                 coalesce(k.breached, false) desc, k.due_at asc nulls last,
                                 case p.importance when 'HIGH' then 0 else 1 end, a.assigned_at, a.id
                        limit 500""")
                .param("executors", executorIds)
                .query((rs, n) -> part(rs, viewerId))
                .list();
    }

    /** The assignments of this post that are these executors' (their own or those they stand in for), any state. */
    @Transactional(readOnly = true)
    List<Part> ofPost(long postId, Set<Long> executorIds, long viewerId) {
        return jdbc.sql(SELECT + " where p.id = :post and a.executor_id in (:executors) order by a.assigned_at, a.id")
                .param("post", postId)
                .param("executors", executorIds)
                .query((rs, n) -> part(rs, viewerId))
                .list();
    }

    private static Part part(ResultSet rs, long viewerId) throws SQLException {
        AssignmentState assignment = AssignmentState.valueOf(rs.getString("assignment_state"));
        PostState post = PostState.valueOf(rs.getString("state"));
        boolean joint = rs.getBoolean("joint_answer");
        boolean contributed = rs.getTimestamp("contributed_at") != null;
        Stage stage = stage(assignment, post, joint, contributed);
        boolean rework = stage == Stage.REWORK;
        String returnedBy = null;
        if (rework && rs.getString("return_action") != null) {
            String by = rs.getString("returned_by");
            String forWhom = rs.getString("returned_for");
            returnedBy = by == null ? null : forWhom == null ? by : by + " (" + Names.onBehalfOf(forWhom) + ")";
        }
        return new Part(
                rs.getLong("id"),
                rs.getLong("assignment_id"),
                rs.getString("registration_number"),
                rs.getString("external_id"),
                Source.valueOf(rs.getString("source")),
                Importance.valueOf(rs.getString("importance")),
                post,
                InboxQuery.instant(rs, "received_at"),
                rs.getString("excerpt"),
                rs.getBoolean("screening_flagged"),
                assignment,
                InboxQuery.instant(rs, "assigned_at"),
                rs.getString("department"),
                rs.getLong("executor_id") == viewerId ? null : Names.onBehalfOf(rs.getString("executor")),
                stage,
                stage.theirMove(),
                rework ? rs.getString("return_reason") : null,
                returnedBy,
                rework ? InboxQuery.instant(rs, "returned_at") : null);
    }

    /**
     * The stage of the executor's part: their assignment first (new, handed back), then, on a joint post, their
     * contribution (the org specialist composes the answer), otherwise the answer they wrote.
     */
    static Stage stage(AssignmentState assignment, PostState post, boolean joint, boolean contributed) {
        if (assignment == AssignmentState.ASSIGNED) {
            return Stage.NEW;
        }
        if (assignment == AssignmentState.RETURNED) {
            return Stage.HANDED_BACK;
        }
        if (post == PostState.ANSWERED) {
            return Stage.ANSWERED;
        }
        if (joint) {
            if (post == PostState.AWAITING_FINAL) {
                return Stage.INTERIM_POSTED;
            }
            return contributed ? Stage.CONTRIBUTED : Stage.ACCEPTED;
        }
        return switch (post) {
            case REWORK -> Stage.REWORK;
            case IN_APPROVAL -> Stage.IN_APPROVAL;
            case READY_FOR_CUR -> Stage.APPROVED;
            case AT_CUR -> Stage.AT_CUR;
            case CUR_APPROVED -> Stage.CUR_APPROVED;
            case AWAITING_FINAL -> Stage.INTERIM_POSTED;
            default -> Stage.ACCEPTED;
        };
    }
}
