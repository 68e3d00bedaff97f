package ru.otklik.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import ru.otklik.posts.Importance;
import ru.otklik.posts.Source;

/**
 * A message from ЦУР that passed validation: strings stripped, optional empty fields {@code null}, importance
 * defaulted to NORMAL.
 */
public record IntakeMessage(
        String externalId,
        Source source,
        String url,
        String authorName,
        String authorUrl,
        String text,
        Instant detectedAt,
        Importance importance,
        String topic) {

    /**
     * SHA-256 of a canonical form of the accepted fields: the same message written with other key order,
     * whitespace around values, another offset of the same instant or an explicit NORMAL has the same hash.
     */
    public String contentHash() {
        StringBuilder canonical = new StringBuilder();
        append(canonical, "externalId", externalId);
        append(canonical, "source", source.name());
        append(canonical, "url", url);
        append(canonical, "authorName", authorName);
        append(canonical, "authorUrl", authorUrl);
        append(canonical, "text", text);
        append(canonical, "detectedAt", detectedAt.toString());
        append(canonical, "importance", importance.name());
        append(canonical, "topic", topic);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }

    private static void append(StringBuilder canonical, String name, String value) {
        // length-prefixed, so no value can imitate a field boundary
        canonical.append(name).append('=');
        if (value == null) {
            canonical.append('-');
        } else {
            canonical.append(value.length()).append(':').append(value);
        }
        canonical.append('\n');
    }
}
