package ru.otklik.deadlines.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The mail server as the e-mail outbox last found it ({@code /actuator/health/email}): UP after a message went out,
 * DEGRADED after a failed attempt. Mail is not critical (the outbox retries later and loses nothing), so DEGRADED is
 * left out of the overall status and of the liveness and readiness probes; and the probe itself opens no connection.
 */
@Component
class MailHealthIndicator implements HealthIndicator {

    /** A status outside the default aggregate order: {@code /actuator/health} ignores it. */
    static final Status DEGRADED = new Status("DEGRADED", "Почтовый сервер не принял последнее письмо");

    private final EmailOutbox outbox;

    MailHealthIndicator(EmailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Health health() {
        if (!outbox.configured()) {
            return Health.unknown().withDetail("configured", false).build();
        }
        return outbox.lastOutcome()
                .map(o -> o.sent()
                        ? Health.up().withDetail("lastSentAt", o.at())
                        : Health.status(DEGRADED)
                                .withDetail("lastFailureAt", o.at())
                                .withDetail("error", o.error()))
                .orElseGet(Health::up)
                .build();
    }
}
