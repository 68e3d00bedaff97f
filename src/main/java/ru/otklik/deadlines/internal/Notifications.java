package ru.otklik.deadlines.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.deadlines.NotificationKind;
import ru.otklik.people.PeopleLookup;
import ru.otklik.people.Substitutes;

/**
 * In-app notifications (уведомления) and their e-mail copies. Sending one writes the notification and, when the
 * recipient has an address, an {@code email_outbox} row in the caller's transaction: the mail goes out later, from
 * {@link EmailOutbox}, so a mail server outage loses nothing. Work for an absent person goes to their substitute.
 */
@Service
public class Notifications {

    /** One notification as its recipient sees it. */
    public record Note(
            long id,
            Instant createdAt,
            NotificationKind kind,
            String ruleCode,
            Long postId,
            String postLabel,
            Instant readAt,
            String text) {

        public boolean unread() {
            return readAt == null;
        }
    }

    /** Otklik speaks Russian only; e-mails are rendered off any request, so the locale is fixed here. */
    public static final Locale RU = Locale.forLanguageTag("ru");

    private final JdbcClient jdbc;
    private final Substitutes substitutes;
    private final PeopleLookup people;
    private final MessageSource messages;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Substitutes substitutes, PeopleLookup people, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.substitutes = substitutes;
        this.people = people;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Notifies a person, or their substitute while they are absent.
     *
     * @return the id of the notification
     */
    @Transactional
    public long notify(long userId, NotificationKind kind, String ruleCode, Long postId, Long clockId) {
        Instant now = clock.instant();
        long recipient = substitutes.effective(userId, now);
        Long id = jdbc.sql("""
                        insert into notification (recipient_id, created_at, kind, rule_code, post_id, post_label, clock_id)
                        values (:recipient, :now, :kind, :rule, :post,
                                (select external_id from post where id = :post), :clock)
                        returning id""")
                .param("recipient", recipient)
                .param("now", Sql.ts(now))
                .param("kind", kind.name())
                .param("rule", ruleCode)
                .param("post", postId)
                .param("clock", clockId)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into email_outbox (notification_id, recipient, created_at, next_attempt_at)
                        select :id, u.email, :now, :now from app_user u
                        where u.id = :recipient and u.enabled and u.email is not null and u.email <> ''""")
                .param("id", id)
                .param("now", Sql.ts(now))
                .param("recipient", recipient)
                .update();
        return id;
    }

    /** Notifies a person of a legislation notice (п.20): the label is its title. */
    @Transactional
    public long notifyAbout(long userId, NotificationKind kind, long noticeId) {
        long id = notify(userId, kind, null, null, null);
        jdbc.sql(
                        "update notification set post_label = (select title from legislation_notice where id = ?) where id = ?")
                .params(noticeId, id)
                .update();
        return id;
    }

    /** Notifies the coordinating deputy minister (п.3), or their substitute. */
    @Transactional
    public void notifyCoordinator(NotificationKind kind, String ruleCode, Long postId, Long clockId, Instant at) {
        people.coordinator().ifPresent(c -> notify(c.id(), kind, ruleCode, postId, clockId));
    }

    @Transactional(readOnly = true)
    public long unreadCount(long userId) {
        return jdbc.sql("select count(*) from notification where recipient_id = ? and read_at is null")
                .param(userId)
                .query(Long.class)
                .single();
    }

    /** The person's latest notifications, unread first. */
    @Transactional(readOnly = true)
    public List<Note> recent(long userId, int limit) {
        return jdbc.sql("""
                        select id, created_at, kind, rule_code, post_id, post_label, read_at from notification
                        where recipient_id = ? order by (read_at is null) desc, created_at desc, id desc limit ?""")
                .params(userId, limit)
                .query((rs, n) -> note(
                        rs.getLong("id"),
                        Sql.instant(rs, "created_at"),
                        NotificationKind.valueOf(rs.getString("kind")),
                        rs.getString("rule_code"),
                        Sql.longOrNull(rs, "post_id"),
                        rs.getString("post_label"),
                        Sql.instant(rs, "read_at")))
                .list();
    }

    /** Marks one of the person's notifications read; false if it is not theirs. */
    @Transactional
    public boolean markRead(long userId, long id) {
        return jdbc.sql("update notification set read_at = coalesce(read_at, ?) where id = ? and recipient_id = ?")
                        .params(Sql.ts(clock.instant()), id, userId)
                        .update()
                == 1;
    }

    @Transactional
    public int markAllRead(long userId) {
        return jdbc.sql("update notification set read_at = ? where recipient_id = ? and read_at is null")
                .params(Sql.ts(clock.instant()), userId)
                .update();
    }

    Note note(
            long id, Instant createdAt, NotificationKind kind, String rule, Long postId, String label, Instant readAt) {
        return new Note(id, createdAt, kind, rule, postId, label, readAt, text(kind, rule, label));
    }

    String subject(String text) {
        return messages.getMessage("deadlines.mail.subject", new Object[] {text}, RU);
    }

    /** The closing line of every e-mail. */
    String footer() {
        return messages.getMessage("deadlines.mail.footer", null, RU);
    }

    /** The Russian text of a notification. */
    String text(NotificationKind kind, String rule, String label) {
        String ruleName = rule == null ? "" : messages.getMessage("deadlines.rule." + rule, null, rule, RU);
        return messages.getMessage(
                "deadlines.notification." + kind.name(), new Object[] {ruleName, label == null ? "" : label}, RU);
    }
}
