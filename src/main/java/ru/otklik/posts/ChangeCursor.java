package ru.otklik.posts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place in the feed of changed posts: after the post {@code id} changed at {@code changedAt}. The feed reads the
 * posts changed later, or at the same instant with a greater id, so that paging by it neither skips nor repeats a post
 * of which several changed at one instant. Written as an opaque token for ЦУР.
 */
public record ChangeCursor(Instant changedAt, long id) {

    private static final Pattern TOKEN = Pattern.compile("c1:(-?\\d{1,19}):(\\d{1,19})");

    /** The start of the feed at an instant: every post changed at it or later. */
    public static ChangeCursor since(Instant instant) {
        return new ChangeCursor(instant.truncatedTo(ChronoUnit.MICROS), 0);
    }

    /** After this post's change. */
    public static ChangeCursor after(PostSummary post) {
        return new ChangeCursor(post.changedAt(), post.id());
    }

    /** The token ЦУР passes back as {@code cursor}. */
    public String token() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, changedAt);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("c1:" + micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a token stands for; empty for anything this class did not write. */
    public static Optional<ChangeCursor> parse(String token) {
        if (token == null || token.isEmpty() || token.length() > 80) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
        Matcher m = TOKEN.matcher(decoded);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ChangeCursor(
                    Instant.EPOCH.plus(Long.parseLong(m.group(1)), ChronoUnit.MICROS), Long.parseLong(m.group(2))));
        } catch (ArithmeticException | java.time.DateTimeException | NumberFormatException ex) {
            return Optional.empty();
        }
    }
}
