package ru.otklik.posts.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The words and phrases of п.18 screening, read from a data file (see {@code screening/lexicon-ru.txt} for the
 * format): exact words, word beginnings ({@code корень*}), roots anywhere in a word ({@code *корень*}) and phrases.
 */
public final class Lexicon {

    /** One word of an entry. */
    record Pattern(String text, Kind kind) {

        boolean matches(String word) {
            return switch (kind) {
                case EXACT -> word.equals(text);
                case PREFIX -> word.startsWith(text);
                case ROOT -> word.contains(text);
            };
        }
    }

    enum Kind {
        EXACT,
        PREFIX,
        ROOT
    }

    /** One entry: a category and one or more words in a row. */
    record Entry(Category category, List<Pattern> words) {}

    private final List<Entry> entries;

    private Lexicon(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /** The lexicon shipped with Otklik. */
    public static Lexicon russian() {
        return fromClasspath("screening/lexicon-ru.txt");
    }

    public static Lexicon fromClasspath(String resource) {
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Нет файла лексикона " + resource);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .toList());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static Lexicon parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        Category category = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                category = Category.valueOf(line.substring(1, line.length() - 1).strip());
                continue;
            }
            if (category == null) {
                throw new IllegalArgumentException("Запись лексикона вне раздела: " + line);
            }
            List<Pattern> words =
                    Arrays.stream(line.split("\\s+")).map(Lexicon::pattern).toList();
            entries.add(new Entry(category, words));
        }
        return new Lexicon(entries);
    }

    private static Pattern pattern(String word) {
        boolean leading = word.startsWith("*");
        boolean trailing = word.endsWith("*");
        String core = TextNormaliser.normalise(word.replace("*", ""));
        Kind kind = leading && trailing ? Kind.ROOT : trailing ? Kind.PREFIX : Kind.EXACT;
        return new Pattern(core, kind);
    }
}
