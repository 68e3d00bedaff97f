package ru.otklik.people;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One canonical spelling of a login, used alike by the lookup at login, the uniqueness check, the throttle and the
 * audit log. Spellings that look alike or differ only in case fold to the same key: compatibility forms are
 * normalised (NFKC: fullwidth «ｍ» is «m»), the Turkish dotted and dotless I become «i», case is folded without
 * regard to locale, and accents, combining marks and invisible format characters are dropped. A login is canonical
 * when its folded form has only Latin lower-case letters, digits, «.», «_» and «-»; anything else (Cyrillic «і»
 * included) can never name an account.
 */
public final class Logins {

    /** The shape of a login, as the database's check constraint on {@code app_user.login} also says. */
    public static final Pattern CANONICAL = Pattern.compile("^[a-z0-9._-]{2,64}$");

    /** A throttle key is at most this long: a longer typed login counts on its first characters. */
    public static final int MAX_KEY = 200;

    private static final Pattern MARKS_AND_FORMATS = Pattern.compile("[\\p{M}\\p{Cf}]");

    private Logins() {}

    /** The folded form of whatever was typed: the key its failures are counted on. */
    public static String fold(String typed) {
        if (typed == null) {
            return "";
        }
        String folded = Normalizer.normalize(typed, Normalizer.Form.NFKC)
                .replace('\u0130', 'i')
                .replace('\u0131', 'i')
                .toLowerCase(Locale.ROOT);
        folded = MARKS_AND_FORMATS
                .matcher(Normalizer.normalize(folded, Normalizer.Form.NFD))
                .replaceAll("");
        folded = Normalizer.normalize(folded, Normalizer.Form.NFKC).strip();
        return folded.length() > MAX_KEY ? folded.substring(0, MAX_KEY) : folded;
    }

    /** The canonical login that was typed, or empty when the typed text cannot be any account's login. */
    public static Optional<String> canonical(String typed) {
        String folded = fold(typed);
        return CANONICAL.matcher(folded).matches() ? Optional.of(folded) : Optional.empty();
    }
}
