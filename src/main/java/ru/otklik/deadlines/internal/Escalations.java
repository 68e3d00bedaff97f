package ru.otklik.deadlines.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.deadlines.WaitingEscalation;
import ru.otklik.people.Role;
import ru.otklik.people.StaleEditException;
import ru.otklik.posts.Actor;
import ru.otklik.posts.AssignmentAccepted;
import ru.otklik.posts.AssignmentReturned;
import ru.otklik.posts.PostReassigned;
import ru.otklik.posts.PostTimeline;

/**
 * Escalations (эскалации): posts handed to a deputy minister after an ACCEPT breach (п.9), open until the deputy
 * closes them, or until they close themselves: the executor accepts, the assignment is handed to another executor or
 * goes back to the org specialist (by its executor or by the deputy). Each opening, comment and closing is a line on
 * the post's timeline, written through the posts module, which owns it. A deputy sees those of the departments they curate and those handed to them
 * (as a substitute); the coordinator, the first deputy and the minister see all.
 */
@Service
public class Escalations {

    public record Comment(Instant at, String author, String text) {}

    public record Open(
            long id,
            long version,
            long postId,
            String postLabel,
            long postVersion,
            Long assignmentId,
            Long departmentId,
            String department,
            String deputy,
            String executor,
            Long executorId,
            Instant openedAt,
            List<Comment> comments) {}

    record Breached(long clockId, String rule, long postId, String postLabel, String department, Instant dueAt) {}

    /** Why an escalation was closed (the {@code close_reason} column). */
    enum CloseReason {
        /** The deputy closed it. */
        CLOSED,
        /** The executor accepted the assignment. */
        ACCEPTED,
        /** The assignment was handed to another executor. */
        REASSIGNED,
        /** The assignment went back to the org specialist: returned by its executor, or handed back by the deputy. */
        RETURNED
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PostTimeline timeline;
    private final MessageSource messages;
    private final HandOffs handOffs;

    Escalations(JdbcClient jdbc, Clock clock, PostTimeline timeline, MessageSource messages, HandOffs handOffs) {
        this.handOffs = handOffs;
        this.jdbc = jdbc;
        this.clock = clock;
        this.timeline = timeline;
        this.messages = messages;
    }

    public static boolean seesAll(Actor actor, boolean coordinator) {
        return coordinator || actor.has(Role.MINISTER) || actor.has(Role.FIRST_DEPUTY_MINISTER);
    }

    /** The open escalations the person may act on, what burns first: the post's clock breached, then nearest due. */
    @Transactional(readOnly = true)
    public List<Open> open(Actor actor, boolean all) {
        List<Open> rows = jdbc.sql("""
                        select e.id, e.version, e.post_id, p.registration_number, p.version as post_version, e.assignment_id,
                               e.department_id, d.name as department, dep.full_name as deputy, ex.full_name as executor,
                               a.executor_id, e.opened_at
                        from escalation e join post p on p.id = e.post_id
                        left join department d on d.id = e.department_id
                        left join app_user dep on dep.id = e.deputy_id
                        left join assignment a on a.id = e.assignment_id
                        left join app_user ex on ex.id = a.executor_id
                        left join lateral (select bool_or(c.state = 'BREACHED') as breached, min(c.due_at) as due_at
                                           from deadline_clock c where c.post_id = e.post_id and c.stopped_at is null) k
                               on true
                        where e.closed_at is null
                          and (:all or e.deputy_id in (:me) or e.department_id in (:curated))
                        order by coalesce(k.breached, false) desc, k.due_at asc nulls last, e.opened_at, e.id
                        limit 500""")
                .param("all", all)
                .param("me", acting(actor))
                .param("curated", curated(actor))
                .query((rs, n) -> new Open(
                        rs.getLong("id"),
                        rs.getLong("version"),
                        rs.getLong("post_id"),
                        rs.getString("registration_number"),
                        rs.getLong("post_version"),
                        Sql.longOrNull(rs, "assignment_id"),
                        Sql.longOrNull(rs, "department_id"),
                        rs.getString("department"),
                        rs.getString("deputy"),
                        rs.getString("executor"),
                        Sql.longOrNull(rs, "executor_id"),
                        Sql.instant(rs, "opened_at"),
                        new ArrayList<>()))
                .list();
        if (!rows.isEmpty()) {
            Map<Long, Open> byId = new HashMap<>();
            rows.forEach(r -> byId.put(r.id(), r));
            jdbc.sql("""
                            select c.escalation_id, c.at, u.full_name, c.text from escalation_comment c
                            join app_user u on u.id = c.author_id where c.escalation_id in (:ids) order by c.at, c.id""")
                    .param("ids", byId.keySet())
                    .query((rs, n) -> {
                        byId.get(rs.getLong("escalation_id"))
                                .comments()
                                .add(new Comment(
                                        Sql.instant(rs, "at"), rs.getString("full_name"), rs.getString("text")));
                        return null;
                    })
                    .list();
        }
        return rows;
    }

    /**
     * The open escalations waiting for the person, oldest first, for «Сегодня»: the same ones as «Эскалации» shows,
     * without the comments.
     */
    @Transactional(readOnly = true)
    public List<WaitingEscalation> waiting(Actor actor, boolean all) {
        return jdbc.sql("""
                        select e.id, e.post_id, p.registration_number, d.name as department, e.opened_at
                        from escalation e join post p on p.id = e.post_id
                        left join department d on d.id = e.department_id
                        where e.closed_at is null
                          and (:all or e.deputy_id in (:me) or e.department_id in (:curated))
                        order by e.opened_at, e.id limit 500""")
                .param("all", all)
                .param("me", acting(actor))
                .param("curated", curated(actor))
                .query((rs, n) -> new WaitingEscalation(
                        rs.getLong("id"),
                        rs.getLong("post_id"),
                        rs.getString("registration_number"),
                        rs.getString("department"),
                        Sql.instant(rs, "opened_at")))
                .list();
    }

    /** How many open escalations wait for the person: theirs, of the departments they curate, or all (the menu). */
    @Transactional(readOnly = true)
    public long countOpen(Actor actor, boolean all) {
        return jdbc.sql("""
                        select count(*) from escalation e where e.closed_at is null
                          and (:all or e.deputy_id in (:me) or e.department_id in (:curated))""")
                .param("all", all)
                .param("me", acting(actor))
                .param("curated", curated(actor))
                .query(Long.class)
                .single();
    }

    /** Breached clocks not yet stopped, of posts in the person's departments (all for those who see all). */
    @Transactional(readOnly = true)
    public List<Breached> breached(Actor actor, boolean all) {
        return jdbc.sql("""
                        select c.id, c.rule_code, c.post_id, p.registration_number, d.name as department, c.due_at
                        from deadline_clock c join post p on p.id = c.post_id
                        left join department d on d.id = c.department_id
                        where c.state = 'BREACHED' and c.stopped_at is null
                          and (:all or c.department_id in (:curated)
                               or exists (select 1 from assignment a where a.post_id = c.post_id
                                          and a.state <> 'RETURNED' and a.department_id in (:curated)))
                        order by c.due_at limit 500""")
                .param("all", all)
                .param("curated", curated(actor))
                .query((rs, n) -> new Breached(
                        rs.getLong("id"),
                        rs.getString("rule_code"),
                        rs.getLong("post_id"),
                        rs.getString("registration_number"),
                        rs.getString("department"),
                        Sql.instant(rs, "due_at")))
                .list();
    }

    /** Whether the person may act on this escalation: it is theirs, of their departments, or they see all. */
    @Transactional(readOnly = true)
    public boolean mayAct(long id, Actor actor, boolean all) {
        return jdbc.sql("""
                        select count(*) from escalation e where e.id = :id
                          and (:all or e.deputy_id in (:me) or e.department_id in (:curated))""")
                        .param("id", id)
                        .param("all", all)
                        .param("me", acting(actor))
                        .param("curated", curated(actor))
                        .query(Long.class)
                        .single()
                == 1;
    }

    /** A comment on the escalation; it goes on the post's timeline and to the deputy and the executor. */
    @Transactional
    public void comment(long id, long version, String text, long authorId) {
        Instant now = clock.instant();
        Subject subject = touch(id, version, null, null, now);
        jdbc.sql("insert into escalation_comment (escalation_id, author_id, at, text) values (?, ?, ?, ?)")
                .params(id, authorId, Sql.ts(now), text.strip())
                .update();
        timeline.record(
                PostTimeline.Note.ESCALATION_COMMENTED,
                new PostTimeline.Line(subject.postId(), subject.assignmentId(), authorId, null, text.strip()),
                now);
        // the deputy and the executor are told, save the author (issue 17)
        handOffs.commented(id, subject.postId(), authorId, text.strip());
    }

    /** The deputy closes the escalation; the post's timeline says so. */
    @Transactional
    public void close(long id, long version, long byUserId) {
        Instant now = clock.instant();
        Subject subject = touch(id, version, byUserId, CloseReason.CLOSED, now);
        closedOnTimeline(subject, byUserId, CloseReason.CLOSED, null, now);
    }

    /** Whether the escalation is open and at this version: before acting on the post in its name. */
    @Transactional(readOnly = true)
    public void requireCurrent(long id, long version) {
        boolean current = jdbc.sql("select count(*) from escalation where id = ? and version = ? and closed_at is null")
                        .params(id, version)
                        .query(Long.class)
                        .single()
                == 1;
        if (!current) {
            throw new StaleEditException();
        }
    }

    @EventListener
    void on(AssignmentAccepted e) {
        resolve(e.assignmentId(), e.executorId(), CloseReason.ACCEPTED, null, e.at());
    }

    @EventListener
    void on(PostReassigned e) {
        resolve(e.assignmentId(), e.reassignedBy(), CloseReason.REASSIGNED, e.comment(), e.at());
    }

    @EventListener
    void on(AssignmentReturned e) {
        resolve(e.assignmentId(), e.returnedBy(), CloseReason.RETURNED, e.reason(), e.at());
    }

    /**
     * Closes the open escalations of an assignment that moved on (accepted, reassigned, returned), in the
     * transaction of that move, recording who moved it and why, here and on the post's timeline.
     */
    private void resolve(long assignmentId, long byUserId, CloseReason reason, String note, Instant at) {
        List<Subject> closed = jdbc.sql("""
                        update escalation set version = version + 1, closed_at = :at, closed_by = :by,
                            close_reason = :reason, close_note = :note
                        where assignment_id = :assignment and closed_at is null
                        returning post_id, assignment_id""")
                .param("at", Sql.ts(at))
                .param("by", byUserId)
                .param("reason", reason.name())
                .param("note", note)
                .param("assignment", assignmentId)
                .query((rs, n) -> new Subject(rs.getLong("post_id"), Sql.longOrNull(rs, "assignment_id")))
                .list();
        closed.forEach(subject -> closedOnTimeline(subject, byUserId, reason, note, at));
    }

    private void closedOnTimeline(Subject subject, long byUserId, CloseReason reason, String note, Instant at) {
        String why =
                messages.getMessage("deadlines.escalations.closedBecause." + reason.name(), null, Notifications.RU);
        timeline.record(
                PostTimeline.Note.ESCALATION_CLOSED,
                new PostTimeline.Line(
                        subject.postId(),
                        subject.assignmentId(),
                        byUserId,
                        null,
                        note == null || note.isBlank() ? why : why + ": " + note.strip()),
                at);
    }

    /** The post and assignment an escalation is about. */
    private record Subject(long postId, Long assignmentId) {}

    /**
     * Bumps the version (closing when {@code closedBy} is given); a stale or closed one is refused.
     *
     * @return what the escalation is about
     */
    private Subject touch(long id, long version, Long closedBy, CloseReason reason, Instant now) {
        return jdbc.sql("""
                        update escalation set version = version + 1,
                            closed_at = case when cast(:closer as bigint) is null then closed_at else :now end,
                            closed_by = coalesce(cast(:closer as bigint), closed_by),
                            close_reason = coalesce(cast(:reason as varchar), close_reason)
                        where id = :id and version = :version and closed_at is null
                        returning post_id, assignment_id""")
                .param("closer", closedBy)
                .param("reason", reason == null ? null : reason.name())
                .param("now", Sql.ts(now))
                .param("id", id)
                .param("version", version)
                .query((rs, n) -> new Subject(rs.getLong("post_id"), Sql.longOrNull(rs, "assignment_id")))
                .optional()
                .orElseThrow(StaleEditException::new);
    }

    /**
     * The person and those they stand in for today: an escalation handed to an absent deputy before the absence began
     * waits for the substitute like their own (п.3, Приказ п.5).
     */
    private static Set<Long> acting(Actor actor) {
        return actor.actingIds();
    }

    private static Set<Long> curated(Actor actor) {
        // an empty IN list is not valid SQL; -1 matches no department
        return actor.curatedDepartmentIds().isEmpty() ? Set.of(-1L) : actor.curatedDepartmentIds();
    }
}
