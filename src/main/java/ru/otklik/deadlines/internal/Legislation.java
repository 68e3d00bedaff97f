package ru.otklik.deadlines.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.deadlines.NotificationKind;
import ru.otklik.people.PeopleLookup;
import ru.otklik.people.Role;

/**
 * Legislation notices (п.20): a department head tells the org specialists of a change in legislation within 3 days
 * of it taking effect. The LEGISLATION_NOTICE clock runs from the start of the effective date (Ministry time) and
 * stops when an org specialist acknowledges the notice.
 */
@Service
public class Legislation {

    record Notice(
            long id,
            String title,
            LocalDate effectiveOn,
            String body,
            String link,
            String author,
            String department,
            Instant createdAt,
            String acknowledgedBy,
            Instant acknowledgedAt,
            boolean mine) {}

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

    @Transactional
    public long record(long authorId, String title, LocalDate effectiveOn, String body, String link) {
        Instant now = clock.instant();
        Long department = jdbc.sql("select id from department where head_id = ? order by id limit 1")
                .param(authorId)
                .query(Long.class)
                .optional()
                .orElse(null);
        long id = jdbc.sql("""
                        insert into legislation_notice (department_id, author_id, title, effective_on, body, link, created_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(department, authorId, title, effectiveOn, body, link, Sql.ts(now))
                .query(Long.class)
                .single();
        Instant base = MinistryTime.startOf(effectiveOn);
        book.start(new ClockBook.Start(
                ClockKeeper.LEGISLATION_NOTICE, null, null, id, department, authorId, base, base, null));
        people.enabledWithRole(Role.ORG_SPECIALIST)
                .forEach(u -> notifications.notifyAbout(u.id(), NotificationKind.LEGISLATION, id));
        return id;
    }

    /** An org specialist acknowledges the notice: it has reached the org department, the clock stops. */
    @Transactional
    public boolean acknowledge(long noticeId, long userId) {
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                        insert into legislation_ack (notice_id, user_id, at)
                        select id, ?, ? from legislation_notice where id = ? on conflict do nothing""").params(userId, Sql.ts(now), noticeId).update();
        book.stopNotice(noticeId, now);
        return inserted == 1;
    }

    @Transactional(readOnly = true)
    public boolean exists(long noticeId) {
        return jdbc.sql("select count(*) from legislation_notice where id = ?")
                        .param(noticeId)
                        .query(Long.class)
                        .single()
                == 1;
    }

    @Transactional(readOnly = true)
    public List<Notice> all(long viewerId) {
        return jdbc.sql("""
                        select n.id, n.title, n.effective_on, n.body, n.link, a.full_name as author, d.name as department,
                               n.created_at, ack.full_name as ack_by, ack.at as ack_at, n.author_id
                        from legislation_notice n join app_user a on a.id = n.author_id
                        left join department d on d.id = n.department_id
                        left join lateral (select u.full_name, k.at from legislation_ack k join app_user u on u.id = k.user_id
                                           where k.notice_id = n.id order by k.at limit 1) ack on true
                        order by n.created_at desc, n.id desc limit 300""")
                .query((rs, i) -> new Notice(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getObject("effective_on", LocalDate.class),
                        rs.getString("body"),
                        rs.getString("link"),
                        rs.getString("author"),
                        rs.getString("department"),
                        Sql.instant(rs, "created_at"),
                        rs.getString("ack_by"),
                        Sql.instant(rs, "ack_at"),
                        rs.getLong("author_id") == viewerId))
                .list();
    }
}
