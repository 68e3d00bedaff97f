package ru.otklik.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.deadlines.internal.EmailOutbox;
import ru.otklik.deadlines.internal.Notifications;
import ru.otklik.deadlines.internal.Sql;
import ru.otklik.people.internal.Users;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.MutableClock;
import ru.otklik.support.TestConfig;

/**
 * E-mails leave through the outbox: sent once, and retried later when the mail server was down.
 */
@IntegrationTest
class EmailOutboxIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    EmailOutbox outbox;

    @Autowired
    Notifications notifications;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.set(TestConfig.START);
    }

    /**
     * Each test mails a notification of its own: deputy2's unread breach lines left by earlier tests would take it
     * into their group (one line and one e-mail per group, issue 17), so they are read first, and the copies other
     * tests queued are taken out of the queue.
     */
    @org.junit.jupiter.api.BeforeEach
    void nothingUnreadToFoldInto() {
        jdbc.sql("update notification set read_at = now() where read_at is null"
                        + " and recipient_id = (select id from app_user where login = 'deputy2')")
                .update();
        // and the e-mail copies of earlier tests' hand-offs are not in the queue ahead of it
        jdbc.sql("update email_outbox set sent_at = now() where sent_at is null")
                .update();
        // deputy2 at work, with the default choice of e-mail per kind
        jdbc.sql("delete from absence where user_id = (select id from app_user where login = 'deputy2')")
                .update();
        jdbc.sql(
                        "delete from notification_preference where user_id = (select id from app_user where login = 'deputy2')")
                .update();
    }

    @Test
    void aNotificationIsMailedExactlyOnce() throws Exception {
        long postId = newPost("MAIL-ONCE-" + System.nanoTime());
        String label = label(postId);
        transactions.executeWithoutResult(s -> notifications.notify(
                users.findByLogin("deputy2").orElseThrow().getId(), NotificationKind.BREACH, "ROUTE", postId, null));

        outbox.sendDue(smtp(greenMail.getSmtp().getPort()));
        outbox.sendDue(smtp(greenMail.getSmtp().getPort()));

        assertThat(mailsAbout(label)).hasSize(1).allSatisfy(m -> {
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("deputy2@otklik.example");
            assertThat(m.getSubject()).contains("Нарушен срок «Направить исполнителю»");
            assertThat(text(m))
                    .as("the e-mail links to the exact place to act, at the address staff open Otklik at")
                    .contains("https://otklik.test/posts/" + postId);
        });
    }

    @Test
    void whenTheMailServerIsDownTheMessageIsRetriedLaterAndSentOnce() throws Exception {
        long postId = newPost("MAIL-RETRY-" + System.nanoTime());
        String label = label(postId);
        transactions.executeWithoutResult(s -> notifications.notify(
                users.findByLogin("deputy2").orElseThrow().getId(),
                NotificationKind.BREACH,
                "CUR_SUBMIT",
                postId,
                null));

        outbox.sendDue(smtp(closedPort()));
        assertThat(jdbc.sql("select attempts from email_outbox o join notification n on n.id = o.notification_id"
                                + " where n.post_id = ? and o.sent_at is null and o.last_error is not null")
                        .param(postId)
                        .query(Integer.class)
                        .list())
                .containsExactly(1);

        outbox.sendDue(smtp(greenMail.getSmtp().getPort())); // too early: the pause has not passed
        assertThat(mailsAbout(label)).isEmpty();

        clock.advance(Duration.ofMinutes(3));
        outbox.sendDue(smtp(greenMail.getSmtp().getPort()));
        outbox.sendDue(smtp(greenMail.getSmtp().getPort()));
        assertThat(mailsAbout(label)).hasSize(1);
    }

    @Test
    void aCrashInTheMiddleOfARunResendsAtMostOneMessageAndWithTheSameMessageId() throws Exception {
        outbox.sendDue(smtp(greenMail.getSmtp().getPort())); // what other tests left due
        long postId = newPost("MAIL-CRASH-" + System.nanoTime());
        String label = label(postId);
        long deputy = users.findByLogin("deputy2").orElseThrow().getId();
        for (int i = 0; i < 5; i++) {
            transactions.executeWithoutResult(
                    s -> notifications.notify(deputy, NotificationKind.BREACH, "ROUTE", postId, null));
        }

        CrashingSender crashing = new CrashingSender(greenMail.getSmtp().getPort(), 2);
        assertThatThrownBy(() -> outbox.sendDue(crashing)).isInstanceOf(SimulatedCrash.class);
        assertThat(mailsAbout(label)).hasSize(2);

        clock.advance(Duration.ofMinutes(15)); // the restarted instance, once the crashed one's claim has lapsed
        outbox.sendDue(smtp(greenMail.getSmtp().getPort()));
        outbox.sendDue(smtp(greenMail.getSmtp().getPort()));

        List<MimeMessage> mails = mailsAbout(label);
        Map<String, Long> perMessageId =
                mails.stream().collect(Collectors.groupingBy(EmailOutboxIT::messageId, Collectors.counting()));
        assertThat(perMessageId).hasSize(5);
        assertThat(mails).hasSizeLessThanOrEqualTo(6);
        assertThat(perMessageId.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        assertThat(jdbc.sql("select count(*) from email_outbox o join notification n on n.id = o.notification_id"
                                + " where n.post_id = ? and o.sent_at is null")
                        .param(postId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The JVM dying right after the mail server took a message: nothing after the send runs. */
    static final class SimulatedCrash extends Error {}

    /** Delivers through GreenMail, and "crashes" right after the given number of messages. */
    static final class CrashingSender extends JavaMailSenderImpl {

        private final int crashAfter;
        private int sent;

        CrashingSender(int port, int crashAfter) {
            JavaMailSenderImpl template = smtp(port);
            setHost(template.getHost());
            setPort(template.getPort());
            setDefaultEncoding("UTF-8");
            setJavaMailProperties(template.getJavaMailProperties());
            this.crashAfter = crashAfter;
        }

        @Override
        protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
            for (int i = 0; i < mimeMessages.length; i++) {
                super.doSend(
                        new MimeMessage[] {mimeMessages[i]},
                        originalMessages == null ? null : new Object[] {originalMessages[i]});
                if (++sent == crashAfter) {
                    throw new SimulatedCrash();
                }
            }
        }
    }

    private long newPost(String externalId) {
        return jdbc.sql("""
                        insert into post (external_id, source, url, text, detected_at, received_at, importance, state,
                                          last_action_at, closed_at)
                        values (?, 'VK', 'https://vk.com/wall-1_1', 'Тест', ?, ?, 'NORMAL', 'ANSWERED', ?, ?)
                        returning id""")
                .params(
                        externalId,
                        Sql.ts(TestConfig.START),
                        Sql.ts(TestConfig.START),
                        Sql.ts(TestConfig.START),
                        Sql.ts(TestConfig.START))
                .query(Long.class)
                .single();
    }

    /** How notifications and e-mails name the post: its registration number. */
    private String label(long postId) {
        return jdbc.sql("select registration_number from post where id = ?")
                .param(postId)
                .query(String.class)
                .single();
    }

    private java.util.List<MimeMessage> mailsAbout(String label) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().contains(label);
                    } catch (MessagingException ex) {
                        return false;
                    }
                })
                .toList();
    }

    private static JavaMailSenderImpl smtp(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        Properties props = new Properties();
        props.put("mail.smtp.connectiontimeout", "2000");
        props.put("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(props);
        return sender;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The decoded text of a message. */
    private static String text(jakarta.mail.internet.MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (java.io.IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
