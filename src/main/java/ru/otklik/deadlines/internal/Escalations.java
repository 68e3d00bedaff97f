package ru.otklik.deadlines.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.people.Role;
import ru.otklik.people.StaleEditException;
import ru.otklik.posts.Actor;

/**
 * Escalations (эскалации): posts handed to a deputy minister after an ACCEPT breach (п.9), open until the deputy
 * reassigns, comments or closes them. A deputy sees those of the departments they curate and those handed to them
 * (as a substitute); the coordinator, the first deputy and the minister see all.
 */
@Service
public class Escalations {

    record Comment(Instant at, String author, String text) {}

    record Open(
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

    private final JdbcClient jdbc;
    private final Clock clock;

    Escalations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static boolean seesAll(Actor actor, boolean coordinator) {
        return coordinator || actor.has(Role.MINISTER) || actor.has(Role.FIRST_DEPUTY_MINISTER);
    }

    @Transactional(readOnly = true)
    public List<Open> open(Actor actor, boolean all) {
        List<Open> rows = jdbc.sql("""
                        select e.id, e.version, e.post_id, p.external_id, p.version as post_version, e.assignment_id,
                               e.department_id, d.name as department, dep.full_name as deputy, ex.full_name as executor,
                               a.executor_id, e.opened_at
                        from escalation e join post p on p.id = e.post_id
                        left join department d on d.id = e.department_id
                        left join app_user dep on dep.id = e.deputy_id
                        left join assignment a on a.id = e.assignment_id
                        left join app_user ex on ex.id = a.executor_id
                        where e.closed_at is null
                          and (:all or e.deputy_id in (:me) or e.department_id in (:curated))
                        order by e.opened_at, e.id limit 500""")
                .param("all", all)
                .param("me", acting(actor))
                .param("curated", curated(actor))
                .query((rs, n) -> new Open(
                        rs.getLong("id"),
                        rs.getLong("version"),
                        rs.getLong("post_id"),
                        rs.getString("external_id"),
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

    /** Breached clocks not yet stopped, of posts in the person's departments (all for those who see all). */
    @Transactional(readOnly = true)
    public List<Breached> breached(Actor actor, boolean all) {
        return jdbc.sql("""
                        select c.id, c.rule_code, c.post_id, p.external_id, d.name as department, c.due_at
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
                        rs.getString("external_id"),
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

    @Transactional
    public void comment(long id, long version, String text, long authorId) {
        touch(id, version, null);
        jdbc.sql("insert into escalation_comment (escalation_id, author_id, at, text) values (?, ?, ?, ?)")
                .params(id, authorId, Sql.ts(clock.instant()), text.strip())
                .update();
    }

    @Transactional
    public void close(long id, long version, Long byUserId) {
        touch(id, version, byUserId);
    }

    /** Bumps the version (closing when {@code closedBy} is given); a stale or closed one is refused. */
    private void touch(long id, long version, Long closedBy) {
        int updated = jdbc.sql("""
                        update escalation set version = version + 1,
                            closed_at = case when cast(:closer as bigint) is null then closed_at else :now end,
                            closed_by = coalesce(cast(:closer as bigint), closed_by)
                        where id = :id and version = :version and closed_at is null""")
                .param("closer", closedBy)
                .param("now", Sql.ts(clock.instant()))
                .param("id", id)
                .param("version", version)
                .update();
        if (updated != 1) {
            throw new StaleEditException();
        }
    }

    /**
     * The person and those they stand in for today: an escalation handed to an absent deputy before the absence began
     * waits for the substitute like their own (п.3, Приказ п.5).
     */
    private static Set<Long> acting(Actor actor) {
        Set<Long> ids = new java.util.HashSet<>(actor.substitutedIds());
        ids.add(actor.id());
        return ids;
    }

    private static Set<Long> curated(Actor actor) {
        // an empty IN list is not valid SQL; -1 matches no department
        return actor.curatedDepartmentIds().isEmpty() ? Set.of(-1L) : actor.curatedDepartmentIds();
    }
}
