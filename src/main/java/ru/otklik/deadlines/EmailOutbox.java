package ru.otklik.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the e-mail copies of notifications from {@code email_outbox}, apart from the transactions that wrote them:
 * a mail server outage only delays them. A failed message is retried later with a growing pause (1, 2, 4 … up to 60
 * minutes); each message is claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances never send one twice.
 * Runs only when SMTP is configured ({@code spring.mail.host}, which creates the {@link JavaMailSender}).
 */
@Component
public class EmailOutbox {

    private record Pending(long id, String recipient, NotificationKind kind, String rule, String label) {
    }

    private static final Logger log = LoggerFactory.getLogger(EmailOutbox.class);
    private static final int BATCH = 20;
    private static final Duration MAX_PAUSE = Duration.ofMinutes(60);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<JavaMailSender> senders;
    private final Notifications notifications;
    private final Clock clock;
    private final String from;

    EmailOutbox(JdbcClient jdbc, PlatformTransactionManager transactionManager, ObjectProvider<JavaMailSender> senders,
            Notifications notifications, Clock clock,
            @Value("${otklik.mail.from:otklik@localhost}") String from) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.senders = senders;
        this.notifications = notifications;
        this.clock = clock;
        this.from = from;
    }

    @Scheduled(fixedDelayString = "${otklik.mail.outbox-delay-ms:30000}", initialDelayString = "${otklik.mail.outbox-delay-ms:30000}")
    void scheduledSend() {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return;
        }
        try {
            sendDue(sender);
        }
        catch (RuntimeException ex) {
            log.warn("E-mail outbox run failed, will retry: {}", ex.toString());
        }
    }

    /**
     * Sends every message due now through the given sender.
     *
     * @return how many were sent
     */
    public int sendDue(JavaMailSender sender) {
        int sent = 0;
        int claimed;
        do {
            int[] counts = transactions.execute(status -> sendBatch(sender));
            claimed = counts[0];
            sent += counts[1];
        } while (claimed == BATCH);
        return sent;
    }

    private int[] sendBatch(JavaMailSender sender) {
        Instant now = clock.instant();
        List<Pending> batch = jdbc.sql("""
                        select o.id, o.recipient, n.kind, n.rule_code, n.post_label
                        from email_outbox o join notification n on n.id = o.notification_id
                        where o.sent_at is null and o.next_attempt_at <= :now
                        order by o.next_attempt_at, o.id limit :limit
                        for update of o skip locked""")
                .param("now", Sql.ts(now)).param("limit", BATCH)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("recipient"),
                        NotificationKind.valueOf(rs.getString("kind")), rs.getString("rule_code"),
                        rs.getString("post_label")))
                .list();
        int sent = 0;
        for (Pending p : batch) {
            String text = notifications.text(p.kind(), p.rule(), p.label());
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(p.recipient());
            message.setSubject(notifications.subject(text));
            message.setText(text + "\n\n" + notifications.footer());
            try {
                sender.send(message);
                jdbc.sql("update email_outbox set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                        .params(Sql.ts(now), p.id()).update();
                sent++;
            }
            catch (MailException ex) {
                jdbc.sql("""
                                update email_outbox set attempts = attempts + 1, last_error = left(:error, 2000),
                                    next_attempt_at = :now + least(cast(:max as interval),
                                        interval '1 minute' * power(2, least(attempts, 10)))
                                where id = :id""")
                        .param("error", String.valueOf(ex.getMessage())).param("now", Sql.ts(now))
                        .param("max", MAX_PAUSE.toMinutes() + " minutes").param("id", p.id()).update();
            }
        }
        return new int[] {batch.size(), sent};
    }
}
