package ru.otklik.posts.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Undoes the usual disguises of rude words before they are looked up: Latin look-alikes and digits in place of
 * Cyrillic letters, separators between letters ({@code х.у.й}, {@code х*у*й}, {@code х у й}), repeated letters
 * ({@code сууука}) and ё.
 */
public final class TextNormaliser {

    /** A word of the text: as written, and its normalised forms (two when a Latin b could be в or ь). */
    public record Token(String original, List<String> forms) {}

    private static final Map<Character, Character> LOOK_ALIKES = Map.ofEntries(
            Map.entry('a', 'а'),
            Map.entry('e', 'е'),
            Map.entry('o', 'о'),
            Map.entry('p', 'р'),
            Map.entry('c', 'с'),
            Map.entry('x', 'х'),
            Map.entry('y', 'у'),
            Map.entry('k', 'к'),
            Map.entry('m', 'м'),
            Map.entry('t', 'т'),
            Map.entry('h', 'н'),
            Map.entry('0', 'о'),
            Map.entry('3', 'з'),
            Map.entry('4', 'ч'),
            Map.entry('6', 'б'),
            Map.entry('@', 'а'),
            Map.entry('ё', 'е'));

    /** Characters that end a word; anything else that is not a letter is a disguise inside a word and is dropped. */
    private static final String WORD_BREAKS = ",!?;:()[]{}\"«»„“”/\\<>";

    private TextNormaliser() {}

    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        StringBuilder chunk = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isWhitespace(c) || WORD_BREAKS.indexOf(c) >= 0) {
                addChunk(chunk.toString(), tokens);
                chunk.setLength(0);
            } else {
                chunk.append(c);
            }
        }
        return joinSpacedLetters(tokens);
    }

    /** Normalises one word of the lexicon or of a text (without the b ambiguity). */
    public static String normalise(String word) {
        return forms(word).get(0);
    }

    private static void addChunk(String chunk, List<Token> tokens) {
        if (chunk.isEmpty() || chunk.chars().noneMatch(Character::isLetter)) {
            return;
        }
        List<String> forms = forms(chunk);
        if (!forms.get(0).isEmpty()) {
            tokens.add(new Token(chunk, forms));
        }
    }

    private static List<String> forms(String chunk) {
        String lower = chunk.toLowerCase(Locale.ROOT);
        if (lower.indexOf('b') < 0) {
            return List.of(map(lower, 'в'));
        }
        return List.of(map(lower, 'в'), map(lower, 'ь'));
    }

    private static String map(String lower, char forB) {
        StringBuilder out = new StringBuilder(lower.length());
        char last = 0;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            Character mapped = c == 'b' ? Character.valueOf(forB) : LOOK_ALIKES.get(c);
            char letter = mapped != null ? mapped : c;
            if (!Character.isLetter(letter) || letter == last) {
                continue;
            }
            out.append(letter);
            last = letter;
        }
        return out.toString();
    }

    /** {@code х у й}: three or more one-letter words in a row are read as one word. */
    private static List<Token> joinSpacedLetters(List<Token> tokens) {
        List<Token> joined = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size()
                    && tokens.get(j).forms().get(0).length() == 1
                    && tokens.get(j).forms().size() == 1) {
                j++;
            }
            if (j - i >= 3) {
                StringBuilder original = new StringBuilder();
                StringBuilder word = new StringBuilder();
                for (int k = i; k < j; k++) {
                    original.append(k > i ? " " : "").append(tokens.get(k).original());
                    word.append(tokens.get(k).forms().get(0));
                }
                joined.add(new Token(original.toString(), List.of(normalise(word.toString()))));
                i = j;
            } else {
                joined.add(tokens.get(i));
                i++;
            }
        }
        return joined;
    }
}
