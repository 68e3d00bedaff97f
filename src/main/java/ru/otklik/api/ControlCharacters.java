package ru.otklik.api;

/**
 * Which control characters Otklik accepts in text, the same at every edge (forms, query strings, JSON): none but
 * tab, and line breaks where a field may hold several lines. PostgreSQL refuses NUL in text outright, and the other
 * control characters have no place in what people type; they are refused, never silently removed.
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    /**
     * The code of the first refused control character in {@code value}, or -1 when there is none.
     *
     * @param multiline whether CR and LF are allowed (a text area) or refused (a one-line field)
     */
    public static int firstRefused(CharSequence value, boolean multiline) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c == '\t' || multiline && (c == '\n' || c == '\r');
            if (Character.isISOControl(c) && !allowed) {
                return c;
            }
        }
        return -1;
    }

    /** Whether {@code value} holds a control character refused even in multi-line text. */
    public static boolean refusedAnywhere(CharSequence value) {
        return firstRefused(value, true) >= 0;
    }
}
