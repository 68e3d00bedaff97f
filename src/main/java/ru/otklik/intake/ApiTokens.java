package ru.otklik.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, checks and revokes the tokens ЦУР's system sends as {@code Authorization: Bearer <token>}.
 * Secrets are random, so a SHA-256 hash is enough to store them safely and to look them up in one query.
 */
@Service
public class ApiTokens {

    /** "Last used" is written at most this often per token, so intake does not write a row per request. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates a token with a fresh random secret; the secret is returned once and never again. */
    @Transactional
    public String create(String name, String createdBy) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "otk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        createWithSecret(name, secret, createdBy);
        return secret;
    }

    /** Creates a token with a known secret: for the demo token {@code demo-cur-token}. */
    @Transactional
    public void createWithSecret(String name, String secret, String createdBy) {
        jdbc.sql("insert into api_token (name, secret_hash, created_at, created_by) values (?, ?, ?, ?)")
                .params(name, hash(secret), Timestamp.from(clock.instant()), createdBy)
                .update();
    }

    /** The name of the live token with this secret, if there is one; notes that it was used. */
    public Optional<String> authenticate(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(secret.strip());
        Instant now = clock.instant();
        Optional<Live> live = jdbc.sql(
                        "select name, last_used_at from api_token where secret_hash = ? and revoked_at is null")
                .param(hash)
                .query((rs, n) -> new Live(rs.getString(1), instant(rs.getTimestamp(2))))
                .optional();
        // "Last used" is written at most once a minute, so a busy intake reads one row per request and writes none.
        live.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION)))
                .ifPresent(t -> jdbc.sql("update api_token set last_used_at = ? where secret_hash = ?")
                        .params(Timestamp.from(now), hash)
                        .update());
        return live.map(Live::name);
    }

    private record Live(String name, Instant lastUsedAt) {}

    /** Revokes a token: from now on it gets 401. */
    @Transactional
    public boolean revoke(long id) {
        return jdbc.sql("update api_token set revoked_at = ? where id = ? and revoked_at is null")
                        .params(Timestamp.from(clock.instant()), id)
                        .update()
                == 1;
    }

    public List<ApiToken> all() {
        return jdbc.sql(
                        "select id, name, created_at, created_by, last_used_at, revoked_at from api_token order by revoked_at nulls first, created_at desc")
                .query((rs, n) -> new ApiToken(
                        rs.getLong("id"),
                        rs.getString("name"),
                        instant(rs.getTimestamp("created_at")),
                        rs.getString("created_by"),
                        instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }
}
