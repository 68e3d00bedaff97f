package ru.otklik.deadlines.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.otklik.deadlines.MailSettings;
import ru.otklik.deadlines.NotificationKind;

/**
 * Sends the e-mail copies of notifications from {@code email_outbox}, apart from the transactions that wrote them:
 * a mail server outage only delays them. A failed message is retried later with a growing pause (1, 2, 4 … up to 60
 * minutes).
 *
 * <p>One message at a time, and no transaction is open while the mail server is talked to: a message is first
 * claimed for {@link #CLAIM} by moving its {@code next_attempt_at} (one statement, committed), then sent, then
 * recorded as sent (another statement, committed). So several instances never send one message twice, a hung server
 * holds no row lock, and a crash between sending and recording re-sends at most that one message once its claim has
 * lapsed, with the same {@code Message-ID} so that a receiving server can drop the duplicate.
 *
 * <p>Runs only when SMTP is configured (a non-blank {@code spring.mail.host}, which creates the
 * {@link JavaMailSender}), on a scheduler thread of its own ({@link DeadlineSchedulers}); the SMTP timeouts are set in
 * {@code application.properties}.
 */
@Component
public class EmailOutbox {

    /** What the last attempt on this instance came to: the mail health indicator reports it. */
    record Outcome(boolean sent, Instant at, String error) {}

    private record Pending(
            long id,
            String recipient,
            Instant createdAt,
            NotificationKind kind,
            String rule,
            String label,
            String detail,
            Long postId) {}

    private static final Logger log = LoggerFactory.getLogger(EmailOutbox.class);
    /** How long a claimed message is left to the instance that claimed it; well above a conversation's timeouts. */
    static final Duration CLAIM = Duration.ofMinutes(5);

    private static final Duration MAX_PAUSE = Duration.ofMinutes(60);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> senders;
    private final Notifications notifications;
    private final Clock clock;
    private final String from;
    private final String publicBase;
    private final boolean configured;
    private volatile boolean closing;
    private volatile Outcome lastOutcome;

    EmailOutbox(
            JdbcClient jdbc,
            ObjectProvider<JavaMailSender> senders,
            Notifications notifications,
            Clock clock,
            MailSettings settings,
            @Value("${spring.mail.host:}") String host) {
        this.jdbc = jdbc;
        this.senders = senders;
        this.notifications = notifications;
        this.clock = clock;
        this.from = settings.from();
        this.publicBase = settings.publicBase();
        this.configured = !host.isBlank();
    }

    @Scheduled(
            fixedDelayString = "#{" + MailSettings.BEAN + ".outboxDelayMs()}",
            initialDelayString = "#{" + MailSettings.BEAN + ".outboxDelayMs()}",
            scheduler = DeadlineSchedulers.MAIL)
    void scheduledSend() {
        JavaMailSender sender = configured ? senders.getIfAvailable() : null;
        if (sender == null) {
            return;
        }
        try {
            sendDue(sender);
        } catch (RuntimeException ex) {
            log.warn("E-mail outbox run failed, will retry: {}", ex.toString());
        }
    }

    /** Stops the outbox after the message in flight, so that shutdown does not wait for a whole backlog. */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        closing = true;
    }

    /** Whether SMTP is configured, i.e. the outbox sends at all. */
    public boolean configured() {
        return configured;
    }

    /** The last attempt on this instance, if any. */
    Optional<Outcome> lastOutcome() {
        return Optional.ofNullable(lastOutcome);
    }

    /**
     * Sends every message due now through the given sender, one after the other, each claimed and recorded in a
     * transaction of its own.
     *
     * @return how many were sent
     */
    public int sendDue(JavaMailSender sender) {
        int sent = 0;
        Optional<Pending> next;
        while (!closing && (next = claim()).isPresent()) {
            if (send(sender, next.get())) {
                sent++;
            }
        }
        return sent;
    }

    /** Claims the next due message for {@link #CLAIM}: one committed statement, no lock kept. */
    private Optional<Pending> claim() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        with next as (
                            select id from email_outbox
                            where sent_at is null and next_attempt_at <= :now
                            order by next_attempt_at, id limit 1
                            for update skip locked
                        ), claimed as (
                            update email_outbox o set next_attempt_at = :until from next where o.id = next.id
                            returning o.id, o.recipient, o.created_at, o.notification_id
                        )
                        select c.id, c.recipient, c.created_at, n.kind, n.rule_code, n.post_label, n.detail, n.post_id
                        from claimed c join notification n on n.id = c.notification_id""")
                .param("now", Sql.ts(now))
                .param("until", Sql.ts(now.plus(CLAIM)))
                .query((rs, n) -> new Pending(
                        rs.getLong("id"),
                        rs.getString("recipient"),
                        rs.getTimestamp("created_at").toInstant(),
                        NotificationKind.valueOf(rs.getString("kind")),
                        rs.getString("rule_code"),
                        rs.getString("post_label"),
                        rs.getString("detail"),
                        Sql.longOrNull(rs, "post_id")))
                .optional();
    }

    private boolean send(JavaMailSender sender, Pending p) {
        try {
            sender.send(message(sender, p));
        } catch (MailException | MessagingException ex) {
            Instant now = clock.instant();
            jdbc.sql("""
                            update email_outbox set attempts = attempts + 1, last_error = left(:error, 2000),
                                next_attempt_at = :now + least(cast(:max as interval),
                                    interval '1 minute' * power(2, least(attempts, 10)))
                            where id = :id""")
                    .param("error", String.valueOf(ex.getMessage()))
                    .param("now", Sql.ts(now))
                    .param("max", MAX_PAUSE.toMinutes() + " minutes")
                    .param("id", p.id())
                    .update();
            lastOutcome = new Outcome(false, now, String.valueOf(ex.getMessage()));
            return false;
        }
        Instant now = clock.instant();
        jdbc.sql("update email_outbox set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                .params(Sql.ts(now), p.id())
                .update();
        lastOutcome = new Outcome(true, now, null);
        return true;
    }

    private MimeMessage message(JavaMailSender sender, Pending p) throws MessagingException {
        String text = notifications.text(p.kind(), p.rule(), p.label());
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom(from);
        helper.setTo(p.recipient());
        helper.setSubject(notifications.subject(text));
        // the reason of a return or the comment first: what the person must act on
        String body = p.detail() == null ? text : p.detail() + "\n\n" + text;
        if (publicBase != null) {
            // the exact place to act, as the notification in the application links it
            String link = Notifications.linkOf(p.kind(), p.postId());
            body = body + "\n\n" + notifications.openLine(publicBase + (link == null ? "/notifications" : link));
        }
        helper.setText(body + "\n\n" + notifications.footer());
        // kept by JavaMailSenderImpl when it saves the message: a re-sent copy carries the same id
        message.setHeader("Message-ID", messageId(p.id(), p.createdAt(), from));
        return message;
    }

    /** One id per outbox row, stable across attempts; the creation instant keeps it apart from other databases'. */
    static String messageId(long id, Instant createdAt, String from) {
        int at = from.lastIndexOf('@');
        String domain = at >= 0 && at < from.length() - 1
                ? from.substring(at + 1).replace(">", "").strip()
                : "otklik";
        return "<outbox-" + id + "." + createdAt.toEpochMilli() + "@" + domain + ">";
    }
}
