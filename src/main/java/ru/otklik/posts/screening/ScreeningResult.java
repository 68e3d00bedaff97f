package ru.otklik.posts.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The advice of the п.18 screening: whether the text matched and where. The specialist decides.
 */
public record ScreeningResult(List<Match> matches) {

    private static final int MAX_STORED = 1900;

    public ScreeningResult {
        matches = List.copyOf(matches);
    }

    public boolean flagged() {
        return !matches.isEmpty();
    }

    /** The matches as {@code CATEGORY:words} joined by {@code ;}, cut to fit the stored column; null when none. */
    public String encoded() {
        if (matches.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Match match : matches) {
            String item = match.category().name() + ":"
                    + match.words().replace(";", " ").replace(":", " ");
            if (out.length() + item.length() + 1 > MAX_STORED) {
                break;
            }
            if (!out.isEmpty()) {
                out.append(';');
            }
            out.append(item);
        }
        return out.toString();
    }

    /** Reads what {@link #encoded()} wrote. */
    public static ScreeningResult decode(String encoded) {
        List<Match> matches = new ArrayList<>();
        if (encoded != null && !encoded.isBlank()) {
            for (String item : encoded.split(";")) {
                int colon = item.indexOf(':');
                if (colon > 0) {
                    try {
                        matches.add(new Match(Category.valueOf(item.substring(0, colon)), item.substring(colon + 1)));
                    } catch (IllegalArgumentException ignored) {
                        // an unknown category from an older lexicon: skip it
                    }
                }
            }
        }
        return new ScreeningResult(matches);
    }

    /** The matched words of one category, joined for display. */
    public String wordsOf(Category category) {
        return matches.stream()
                .filter(m -> m.category() == category)
                .map(Match::words)
                .distinct()
                .collect(Collectors.joining(", "));
    }

    /** Every matched word, joined for display. */
    public String allWords() {
        return matches.stream().map(Match::words).distinct().collect(Collectors.joining(", "));
    }

    public List<Category> categories() {
        return matches.stream().map(Match::category).distinct().sorted().toList();
    }
}
