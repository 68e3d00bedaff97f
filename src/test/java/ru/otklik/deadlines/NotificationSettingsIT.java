package ru.otklik.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.deadlines.internal.EmailOutbox;
import ru.otklik.deadlines.internal.Notifications;
import ru.otklik.deadlines.internal.Sql;
import ru.otklik.people.internal.Users;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;
import ru.otklik.support.TestConfig;

/**
 * Each person chooses per kind whether a notification reaches them by e-mail too, on «Настройки уведомлений».
 */
@IntegrationTest
class NotificationSettingsIT {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    MockMvc mvc;

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

    @AfterEach
    void defaultsAgain() {
        jdbc.sql("delete from notification_preference where user_id = ?")
                .param(executorId())
                .update();
    }

    @Test
    void theExecutorSwitchesEmailOffForOneKindAndOnForAnother() throws Exception {
        Cookie session = Sessions.login(mvc, "executor");
        mvc.perform(get("/notifications").cookie(session))
                .andExpect(content().string(Matchers.containsString("/notifications/settings")));
        mvc.perform(get("/notifications/settings").cookie(session))
                .andExpect(content().string(Matchers.containsString("Новое поручение (вам направлено сообщение)")))
                .andExpect(content().string(Matchers.containsString("id=\"email-REWORK\"")));
        outbox.sendDue(smtp()); // what other tests left due

        // e-mail for returned drafts only
        mvc.perform(post("/notifications/settings").cookie(session).with(csrf()).param("email", "REWORK"))
                .andExpect(redirectedUrl("/notifications/settings"));
        long first = newPost("PREF-A-" + System.nanoTime());
        long second = newPost("PREF-B-" + System.nanoTime());
        transactions.executeWithoutResult(s -> {
            notifications.notify(executorId(), NotificationKind.ASSIGNMENT, null, first, null);
            notifications.notify(executorId(), NotificationKind.REWORK, null, second, null, "Уточните сумму");
        });
        outbox.sendDue(smtp());

        assertThat(mailsAbout(label(first))).as("assignment: in the app only").isEmpty();
        assertThat(mailsAbout(label(second))).hasSize(1).allSatisfy(m -> {
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("executor@otklik.example");
            try {
                assertThat(m.getContent().toString()).startsWith("Уточните сумму");
            } catch (Exception ex) {
                throw new AssertionError(ex);
            }
        });

        // and now the other way round
        mvc.perform(post("/notifications/settings").cookie(session).with(csrf()).param("email", "ASSIGNMENT"))
                .andExpect(redirectedUrl("/notifications/settings"));
        long third = newPost("PREF-C-" + System.nanoTime());
        long fourth = newPost("PREF-D-" + System.nanoTime());
        transactions.executeWithoutResult(s -> {
            notifications.notify(executorId(), NotificationKind.ASSIGNMENT, null, third, null);
            notifications.notify(executorId(), NotificationKind.REWORK, null, fourth, null, "Ещё раз");
        });
        outbox.sendDue(smtp());

        assertThat(mailsAbout(label(third))).hasSize(1);
        assertThat(mailsAbout(label(fourth))).as("rework: in the app only now").isEmpty();
        mvc.perform(get("/notifications/settings").cookie(session))
                .andExpect(content().string(Matchers.matchesRegex("(?s).*value=\"ASSIGNMENT\"[^>]*checked.*")));
    }

    private long executorId() {
        return users.findByLogin("executor").orElseThrow().getId();
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

    private List<MimeMessage> mailsAbout(String label) {
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

    private static JavaMailSenderImpl smtp() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(greenMail.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return sender;
    }
}
