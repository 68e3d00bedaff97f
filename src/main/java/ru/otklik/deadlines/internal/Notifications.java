package ru.otklik.deadlines.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
            String text,
            String detail,
            int count,
            List<PostLink> posts) {

        public boolean unread() {
            return readAt == null;
        }

        /** Whether the line stands for several warnings or breaches. */
        public boolean grouped() {
            return count > 1;
        }

        /** Where to act: the post page (at the draft for rework), the legislation notices, or nowhere. */
        public String link() {
            return linkOf(kind, postId);
        }
    }

    /** Where to act on a notification of this kind about this post (or none): the same in the page and in e-mail. */
    static String linkOf(NotificationKind kind, Long postId) {
        if (kind == NotificationKind.LEGISLATION) {
            return "/legislation";
        }
        if (postId == null) {
            return null;
        }
        return "/posts/" + postId + (kind == NotificationKind.REWORK ? "#draft-text" : "");
    }

    /** A post a grouped line stands for. */
    public record PostLink(long id, String label) {}

    /** Otklik speaks Russian only; e-mails are rendered off any request, so the locale is fixed here. */
    public static final Locale RU = Locale.forLanguageTag("ru");

    private static final int DETAIL_MAX = 2000;

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
     * @return the id of the notification, or of the unread line it was folded into (a clock's warning or breach)
     */
    @Transactional
    public long notify(long userId, NotificationKind kind, String ruleCode, Long postId, Long clockId) {
        return notify(userId, kind, ruleCode, postId, clockId, null);
    }

    /**
     * Notifies a person, or their substitute while they are absent, with a detail shown on top (the reason of a
     * return, a comment). By e-mail too when the recipient has an address and wants this kind by e-mail.
     *
     * @return the id of the notification, or of the unread line it was folded into (a clock's warning or breach)
     */
    @Transactional
    public long notify(long userId, NotificationKind kind, String ruleCode, Long postId, Long clockId, String detail) {
        Instant now = clock.instant();
        long recipient = substitutes.effective(userId, now);
        return write(recipient, kind, ruleCode, postId, clockId, detail, now);
    }

    /**
     * Notifies each person once, or their substitute while they are absent: a substitute standing in for two of them
     * gets one notification.
     */
    @Transactional
    public void notifyEach(Collection<Long> userIds, NotificationKind kind, Long postId, String detail) {
        Instant now = clock.instant();
        Set<Long> recipients = new LinkedHashSet<>();
        userIds.forEach(u -> recipients.add(substitutes.effective(u, now)));
        recipients.forEach(r -> write(r, kind, null, postId, null, detail, now));
    }

    private long write(
            long recipient,
            NotificationKind kind,
            String ruleCode,
            Long postId,
            Long clockId,
            String detail,
            Instant now) {
        String shortDetail = detail == null || detail.isBlank()
                ? null
                : detail.strip().substring(0, Math.min(detail.strip().length(), DETAIL_MAX));
        java.util.Optional<Long> written = jdbc.sql("""
                        insert into notification (recipient_id, created_at, kind, rule_code, post_id, post_label, clock_id,
                                                  detail)
                        values (:recipient, :now, :kind, :rule, :post,
                                (select registration_number from post where id = :post), :clock, :detail)
                        returning id""")
                .param("recipient", recipient)
                .param("now", Sql.ts(now))
                .param("kind", kind.name())
                .param("rule", ruleCode)
                .param("post", postId)
                .param("clock", clockId)
                .param("detail", shortDetail)
                .query(Long.class)
                .optional();
        if (written.isEmpty()) {
            // folded into the person's unread line of the same kind (V62 notification_group): no new line, no e-mail
            return jdbc.sql("""
                            select id from notification where recipient_id = ? and kind = ? and read_at is null
                            order by created_at desc, id desc limit 1""")
                    .params(recipient, kind.name())
                    .query(Long.class)
                    .single();
        }
        long id = written.get();
        jdbc.sql("""
                        insert into email_outbox (notification_id, recipient, created_at, next_attempt_at)
                        select :id, u.email, :now, :now from app_user u
                        where u.id = :recipient and u.enabled and u.email is not null and u.email <> ''
                          and wants_email(u.id, :kind)""")
                .param("id", id)
                .param("now", Sql.ts(now))
                .param("recipient", recipient)
                .param("kind", kind.name())
                .update();
        return id;
    }

    /** The org specialists who may act on a post now (Приказ п.2.2: authorised by the org head). */
    @Transactional(readOnly = true)
    public List<Long> orgSpecialists() {
        return jdbc.sql("""
                        select u.id from app_user u join user_role r on r.user_id = u.id and r.role = 'ORG_SPECIALIST'
                        where u.enabled and u.org_authorised order by u.id""").query(Long.class).list();
    }

    /** The kinds the person gets by e-mail too, as chosen or by default ({@code wants_email}). */
    @Transactional(readOnly = true)
    public Set<NotificationKind> emailKinds(long userId) {
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            if (Boolean.TRUE.equals(jdbc.sql("select wants_email(?, ?)")
                    .params(userId, kind.name())
                    .query(Boolean.class)
                    .single())) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** Records, for every kind, whether the person gets it by e-mail too. */
    @Transactional
    public void chooseEmailKinds(long userId, Set<NotificationKind> byEmail) {
        for (NotificationKind kind : NotificationKind.values()) {
            jdbc.sql("""
                            insert into notification_preference (user_id, kind, email) values (?, ?, ?)
                            on conflict (user_id, kind) do update set email = excluded.email""").params(userId, kind.name(), byEmail.contains(kind)).update();
        }
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

    private static final String NOTE_COLUMNS = """
            select id, created_at, kind, rule_code, post_id, post_label, read_at, detail, group_count, group_post_ids,
                   group_labels
            from notification
            """;

    /** The person's latest notifications, unread first. */
    @Transactional(readOnly = true)
    public List<Note> recent(long userId, int limit) {
        return jdbc.sql(NOTE_COLUMNS
                        + "where recipient_id = ? order by (read_at is null) desc, created_at desc, id desc limit ?")
                .params(userId, limit)
                .query(this::note)
                .list();
    }

    /**
     * The unread notifications of these people written after {@code afterId}, oldest first: what a live page missed
     * while its stream was down.
     */
    @Transactional(readOnly = true)
    public List<Note> unreadSince(Collection<Long> recipients, long afterId, int limit) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        NOTE_COLUMNS
                                + "where recipient_id in (:recipients) and id > :after and read_at is null order by id limit :limit")
                .param("recipients", recipients)
                .param("after", afterId)
                .param("limit", limit)
                .query(this::note)
                .list();
    }

    /** One notification, if it exists. */
    @Transactional(readOnly = true)
    public java.util.Optional<Note> find(long id) {
        return jdbc.sql(NOTE_COLUMNS + "where id = ?")
                .param(id)
                .query(this::note)
                .optional();
    }

    /** The newest notification's id (0 when there is none): where a page's live stream starts. */
    @Transactional(readOnly = true)
    public long latestId() {
        return jdbc.sql("select coalesce(max(id), 0) from notification")
                .query(Long.class)
                .single();
    }

    private Note note(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        NotificationKind kind = NotificationKind.valueOf(rs.getString("kind"));
        String rule = rs.getString("rule_code");
        String label = rs.getString("post_label");
        int count = rs.getInt("group_count");
        List<PostLink> posts = new ArrayList<>();
        java.sql.Array ids = rs.getArray("group_post_ids");
        java.sql.Array labels = rs.getArray("group_labels");
        if (count > 1 && ids != null && labels != null) {
            Object[] idValues = (Object[]) ids.getArray();
            Object[] labelValues = (Object[]) labels.getArray();
            for (int i = 0; i < idValues.length && i < labelValues.length; i++) {
                if (idValues[i] != null) {
                    posts.add(new PostLink(((Number) idValues[i]).longValue(), (String) labelValues[i]));
                }
            }
        }
        return new Note(
                rs.getLong("id"),
                Sql.instant(rs, "created_at"),
                kind,
                rule,
                Sql.longOrNull(rs, "post_id"),
                label,
                Sql.instant(rs, "read_at"),
                count > 1 ? groupedText(kind, rule, count) : text(kind, rule, label),
                rs.getString("detail"),
                count,
                posts);
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
        return new Note(id, createdAt, kind, rule, postId, label, readAt, text(kind, rule, label), null, 1, List.of());
    }

    /** «5 сообщений: …» for a grouped line of warnings or breaches. */
    String groupedText(NotificationKind kind, String rule, int count) {
        String ruleName = rule == null ? "" : messages.getMessage("deadlines.rule." + rule, null, rule, RU);
        return messages.getMessage(
                "deadlines.notification.grouped." + kind.name(), new Object[] {count, ruleName, posts(count)}, RU);
    }

    /** «1 сообщение», «3 сообщения», «5 сообщений»: the Russian plural of the count. */
    static String posts(int count) {
        int tens = count % 100;
        int units = count % 10;
        if (tens >= 11 && tens <= 14 || units == 0 || units >= 5) {
            return "сообщений";
        }
        return units == 1 ? "сообщение" : "сообщения";
    }

    String subject(String text) {
        return messages.getMessage("deadlines.mail.subject", new Object[] {text}, RU);
    }

    /** The line of an e-mail with the link to act: «Открыть: https://…». */
    String openLine(String url) {
        return messages.getMessage("deadlines.mail.open", new Object[] {url}, RU);
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
