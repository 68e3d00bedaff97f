package ru.otklik.posts;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import ru.otklik.api.ControlCharacters;

/**
 * The rules of a post's fields (поля сообщения), one set wherever a post comes from: ЦУР's API and an imported file
 * (through the intake module's validator) and the org specialist's registration form. Pure; each check answers
 * the problem in Russian, or null.
 */
public final class PostFields {

    public static final int EXTERNAL_ID_MAX = 100;
    /** Any link Otklik keeps: a post's and its author's, a posted answer's, a legislation notice's. */
    public static final int URL_MAX = 2000;

    public static final int AUTHOR_NAME_MAX = 300;
    /** The text of a post, and of an answer to it: a draft, a contribution to a joint answer, an answer template. */
    public static final int TEXT_MAX = 20_000;

    public static final int TOPIC_MAX = 300;
    /**
     * A comment or reason typed on a page or sent by ЦУР: why a post is returned or refused, why an assignment is
     * returned or reassigned, why a draft goes back, an escalation's comment, ЦУР's decision comment.
     */
    public static final int COMMENT_MAX = 2000;
    /** ЦУР's clock may run a little ahead of ours. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    /** No post in Otklik is older: an earlier date is a typing error. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /** Where a moment (detected, received) lies against the present. */
    public enum Moment {
        PLAUSIBLE,
        FUTURE,
        TOO_EARLY
    }

    private PostFields() {}

    /**
     * Control characters (the database refuses NUL; a line break has no place in a one-line field) and broken UTF-16
     * are refused, not silently altered.
     *
     * @param multiline whether line breaks are allowed (the text of a post)
     */
    public static String characterProblem(String value, boolean multiline) {
        int control = ControlCharacters.firstRefused(value, multiline);
        if (control >= 0) {
            return "Содержит управляющий символ (код " + control + ").";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                            && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                return "Содержит повреждённый символ Юникода.";
            }
        }
        return null;
    }

    /** At most {@code max} characters (code points, as a person counts them). */
    public static String lengthProblem(String value, int max) {
        int length = value.codePointCount(0, value.length());
        return length > max ? "Не длиннее " + max + " символов (сейчас " + length + ")." : null;
    }

    /**
     * The one rule of a link (ссылка) in Otklik: an absolute http:// or https:// address (either case) with a host
     * and no spaces. Used by ЦУР's API, the import, the registration form, the posted answer and legislation notices.
     */
    public static boolean isLink(String value) {
        return value != null && linkProblem(value) == null;
    }

    /** Why {@code value} is not a link ({@link #isLink}), in Russian; null when it is one. */
    public static String linkProblem(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getHost().isBlank()) {
                return "Нужна ссылка http:// или https:// с адресом сайта.";
            }
            return null;
        } catch (URISyntaxException ex) {
            return "Не похоже на ссылку: нужна ссылка http:// или https:// без пробелов.";
        }
    }

    /** A moment no later than {@link #FUTURE_TOLERANCE} from now and not before {@link #EARLIEST}. */
    public static Moment moment(Instant instant, Instant now) {
        if (instant.isAfter(now.plus(FUTURE_TOLERANCE))) {
            return Moment.FUTURE;
        }
        return instant.isBefore(EARLIEST) ? Moment.TOO_EARLY : Moment.PLAUSIBLE;
    }
}
