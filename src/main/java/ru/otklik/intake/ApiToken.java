package ru.otklik.intake;

import java.time.Instant;

/**
 * An access token (ключ доступа) of ЦУР's system as the admin sees it; the secret itself is never stored.
 */
public record ApiToken(
        long id, String name, Instant createdAt, String createdBy, Instant lastUsedAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
