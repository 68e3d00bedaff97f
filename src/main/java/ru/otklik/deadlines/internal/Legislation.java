package ru.otklik.deadlines.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.deadlines.NotificationKind;
import ru.otklik.people.PeopleLookup;
import ru.otklik.people.Role;

/**
 * Changes in legislation (п.20): «Руководители структурных подразделений Министерства в течение 3 дней с момента
 * внесения изменений в действующее законодательство … обязаны известить специалиста(ов) отдела организационной
 * работы». A change is registered (by an org specialist or head, or a department head) with the date of the amending
 * act and the departments it concerns. Each concerned department's head owes one notice — what changes for the
 * answers — within 3 calendar days after the day of the act (ГК РФ ст.191: the day of the act is not counted, the
 * time runs to the end of the 3rd day, in Ministry time): one LEGISLATION_NOTICE clock per department, which the
 * head's notice stops. The notice reaches every org specialist and the department's executors (п.17 needs them).
 */
@Service
public class Legislation {

    /** A registered change with the notices it is owed, one per concerned department. */
    public record Change(
            long id,
            String title,
            LocalDate actDate,
            LocalDate effectiveOn,
            String body,
            String link,
            String author,
            Instant createdAt,
            List<DepartmentNotice> departments) {}

    /** A concerned department's notice: owed by its head until recorded. */
    public record DepartmentNotice(
            long departmentId,
            String department,
            Long headId,
            String head,
            String text,
            String notifiedBy,
            Instant notifiedAt) {

        public boolean recorded() {
            return notifiedAt != null;
        }
    }

    /** What happened to a head's notice. */
    public enum Outcome {
        RECORDED,
        ALREADY_RECORDED,
        NOT_CONCERNED
    }

    private final JdbcClient jdbc;
    private final ClockBook book;
    private final Notifications notifications;
    private final PeopleLookup people;
    private final Clock clock;

    Legislation(JdbcClient jdbc, ClockBook book, Notifications notifications, PeopleLookup people, Clock clock) {
        this.jdbc = jdbc;
        this.book = book;
        this.notifications = notifications;
        this.people = people;
        this.clock = clock;
    }

    /**
     * The instant a head's notice is due: the end of the {@code days}-th calendar day after the day of the act, in
     * Ministry time (the day of the act is not counted, ГК РФ ст.191). The clock's base is the start of the day after
     * the act; the rule's calendar days are counted from it.
     */
    static Instant baseOf(LocalDate actDate) {
        return MinistryTime.startOf(actDate.plusDays(1));
    }

    /**
     * Registers a change: a clock for the head of each concerned department, who is told of it.
     *
     * @return the id of the change
     */
    @Transactional
    public long register(
            long authorId,
            String title,
            LocalDate actDate,
            LocalDate effectiveOn,
            String body,
            String link,
            Collection<Long> departmentIds) {
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into legislation_notice (author_id, title, act_date, effective_on, body, link, created_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(authorId, title, actDate, effectiveOn, body, link, Sql.ts(now))
                .query(Long.class)
                .single();
        Instant base = baseOf(actDate);
        for (long departmentId : new LinkedHashSet<>(departmentIds)) {
            Long head = jdbc.sql("select head_id from department where id = ?")
                    .param(departmentId)
                    .query((rs, n) -> Sql.longOrNull(rs, "head_id"))
                    .single();
            jdbc.sql("insert into legislation_notice_department (notice_id, department_id, head_id) values (?, ?, ?)")
                    .params(id, departmentId, head)
                    .update();
            book.start(new ClockBook.Start(
                    ClockKeeper.LEGISLATION_NOTICE, null, null, id, departmentId, head, base, now, null));
            if (head != null && head != authorId) {
                notifications.notifyAbout(head, NotificationKind.LEGISLATION, id);
            }
        }
        return id;
    }

    /**
     * A department head records the notice for one department they head: it stops that department's clock and
     * reaches every org specialist and the department's executors. Recorded once; a second attempt changes nothing.
     */
    @Transactional
    public Outcome recordNotice(long noticeId, long departmentId, long headId, String text) {
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                        update legislation_notice_department set notice_text = ?, notified_by = ?, notified_at = ?,
                               version = version + 1
                        where notice_id = ? and department_id = ? and notified_at is null""")
                .params(text, headId, Sql.ts(now), noticeId, departmentId)
                .update();
        if (updated == 0) {
            boolean concerned = jdbc.sql(
                                    "select count(*) from legislation_notice_department where notice_id = ? and department_id = ?")
                            .params(noticeId, departmentId)
                            .query(Long.class)
                            .single()
                    > 0;
            return concerned ? Outcome.ALREADY_RECORDED : Outcome.NOT_CONCERNED;
        }
        book.stopNotice(noticeId, departmentId, now);
        Set<Long> recipients = new LinkedHashSet<>();
        people.enabledWithRole(Role.ORG_SPECIALIST).forEach(u -> recipients.add(u.id()));
        people.department(departmentId).ifPresent(d -> d.activeExecutors().forEach(u -> recipients.add(u.id())));
        recipients.remove(headId);
        recipients.forEach(u -> notifications.notifyAbout(u, NotificationKind.LEGISLATION, noticeId));
        return Outcome.RECORDED;
    }

    @Transactional(readOnly = true)
    public boolean exists(long noticeId) {
        return jdbc.sql("select count(*) from legislation_notice where id = ?")
                        .param(noticeId)
                        .query(Long.class)
                        .single()
                == 1;
    }

    /**
     * The changes a person may read, newest first: all of them, or — for a person who only executes — those that
     * concern their departments.
     */
    @Transactional(readOnly = true)
    public List<Change> visibleTo(long viewerId, boolean onlyOwnDepartments) {
        String own = onlyOwnDepartments
                ? " where exists (select 1 from legislation_notice_department nd join department_executor de"
                        + " on de.department_id = nd.department_id where nd.notice_id = n.id and de.user_id = :viewer)"
                : "";
        Map<Long, Change> changes = new LinkedHashMap<>();
        jdbc.sql("""
                        select n.id, n.title, n.act_date, n.effective_on, n.body, n.link, a.full_name as author,
                               n.created_at
                        from legislation_notice n join app_user a on a.id = n.author_id""" + own + " order by n.created_at desc, n.id desc limit 300")
                .param("viewer", viewerId)
                .query((rs, i) -> new Change(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getObject("act_date", LocalDate.class),
                        rs.getObject("effective_on", LocalDate.class),
                        rs.getString("body"),
                        rs.getString("link"),
                        rs.getString("author"),
                        Sql.instant(rs, "created_at"),
                        new ArrayList<>()))
                .list()
                .forEach(c -> changes.put(c.id(), c));
        if (changes.isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                        select nd.notice_id, nd.department_id, d.name, nd.head_id, h.full_name as head, nd.notice_text,
                               b.full_name as notified_by, nd.notified_at
                        from legislation_notice_department nd join department d on d.id = nd.department_id
                        left join app_user h on h.id = nd.head_id left join app_user b on b.id = nd.notified_by
                        where nd.notice_id = any (cast(:ids as bigint[]))
                        order by d.name, nd.department_id""")
                .param(
                        "ids",
                        Sql.array(changes.keySet().stream().map(String::valueOf).toList()))
                .query((rs, i) -> Map.entry(
                        rs.getLong("notice_id"),
                        new DepartmentNotice(
                                rs.getLong("department_id"),
                                rs.getString("name"),
                                Sql.longOrNull(rs, "head_id"),
                                rs.getString("head"),
                                rs.getString("notice_text"),
                                rs.getString("notified_by"),
                                Sql.instant(rs, "notified_at"))))
                .list()
                .forEach(e -> changes.get(e.getKey()).departments().add(e.getValue()));
        return List.copyOf(changes.values());
    }
}
