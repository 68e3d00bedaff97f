package ru.otklik.deadlines.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import ru.otklik.deadlines.MailSettings;

/**
 * A blank mail host means no e-mail at all (what docker-compose used to pass), and the mail indicator says so instead
 * of probing localhost:25; a message's id is one per outbox row.
 */
class MailHealthIndicatorTest {

    @Test
    void aBlankMailHostMeansNoMailAndNoProbe() {
        EmailOutbox outbox =
                new EmailOutbox(null, null, null, null, new MailSettings("otklik@localhost", 30000, ""), " ");

        Health health = new MailHealthIndicator(outbox).health();

        assertThat(outbox.configured()).isFalse();
        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails()).containsEntry("configured", false);
    }

    @Test
    void beforeAnyAttemptAConfiguredMailServerIsReportedUp() {
        EmailOutbox outbox = new EmailOutbox(
                null, null, null, null, new MailSettings("otklik@localhost", 30000, ""), "smtp.example");

        assertThat(new MailHealthIndicator(outbox).health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void theMessageIdIsOnePerOutboxRowInTheSendersDomain() {
        Instant created = Instant.parse("2026-12-01T03:00:00Z");

        assertThat(EmailOutbox.messageId(42, created, "Отклик <otklik@ministry.example>"))
                .isEqualTo("<outbox-42." + created.toEpochMilli() + "@ministry.example>")
                .isEqualTo(EmailOutbox.messageId(42, created, "Отклик <otklik@ministry.example>"))
                .isNotEqualTo(EmailOutbox.messageId(43, created, "Отклик <otklik@ministry.example>"));
    }
}
