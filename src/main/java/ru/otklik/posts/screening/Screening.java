package ru.otklik.posts.screening;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import ru.otklik.posts.screening.Lexicon.Entry;
import ru.otklik.posts.screening.TextNormaliser.Token;

/**
 * Screening under п.18: finds obscenity, insults and threats in a post's text, seeing through common disguises.
 * Pure and thread-safe; the result is advice for the org specialist, who decides whether to refuse the post.
 */
public final class Screening {

    private final Lexicon lexicon;

    public Screening(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public ScreeningResult check(String text) {
        List<Token> tokens = TextNormaliser.tokens(text);
        Set<Match> found = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (Entry entry : lexicon.entries()) {
                if (matchesAt(entry, tokens, i)) {
                    found.add(new Match(
                            entry.category(),
                            tokens.subList(i, i + entry.words().size()).stream()
                                    .map(Token::original)
                                    .map(Screening::trimDisguise)
                                    .collect(Collectors.joining(" "))));
                }
            }
        }
        return new ScreeningResult(new ArrayList<>(found));
    }

    private static boolean matchesAt(Entry entry, List<Token> tokens, int start) {
        if (start + entry.words().size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < entry.words().size(); k++) {
            Lexicon.Pattern pattern = entry.words().get(k);
            if (tokens.get(start + k).forms().stream().noneMatch(pattern::matches)) {
                return false;
            }
        }
        return true;
    }

    /** The word as written, without the sentence's full stop or a trailing dash. */
    private static String trimDisguise(String original) {
        return original.replaceAll("^[.\\-_]+|[.\\-_]+$", "");
    }
}
