package ru.otklik.posts.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The difference between two versions of a draft, word by word (whitespace, line breaks included, is kept as its own
 * token so the result reads like the text). Pure Java: a longest common subsequence over the words between the common
 * beginning and end; a pair of texts too different to compare cheaply is shown as removed, then added.
 */
public final class TextDiff {

    /** Above this many cells of the comparison table the texts are shown as replaced rather than compared. */
    static final long MAX_CELLS = 4_000_000L;

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    /** What happened to a piece of text. */
    public enum Kind {
        SAME,
        ADDED,
        REMOVED
    }

    /** A run of text that is the same, added or removed. */
    public record Segment(Kind kind, String text) {

        public boolean added() {
            return kind == Kind.ADDED;
        }

        public boolean removed() {
            return kind == Kind.REMOVED;
        }
    }

    private TextDiff() {}

    /** The segments that turn {@code before} into {@code after}, neighbouring ones of one kind merged. */
    public static List<Segment> between(String before, String after) {
        List<String> a = tokens(before == null ? "" : before);
        List<String> b = tokens(after == null ? "" : after);
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<Segment> out = new ArrayList<>();
        for (int i = 0; i < start; i++) {
            add(out, Kind.SAME, a.get(i));
        }
        middle(a.subList(start, endA), b.subList(start, endB), out);
        for (int i = endA; i < a.size(); i++) {
            add(out, Kind.SAME, a.get(i));
        }
        return out;
    }

    /** Whether anything was added or removed. */
    public static boolean changed(List<Segment> segments) {
        return segments.stream().anyMatch(s -> s.kind() != Kind.SAME);
    }

    private static void middle(List<String> a, List<String> b, List<Segment> out) {
        int n = a.size();
        int m = b.size();
        if ((long) n * m > MAX_CELLS) {
            a.forEach(t -> add(out, Kind.REMOVED, t));
            b.forEach(t -> add(out, Kind.ADDED, t));
            return;
        }
        // lcs[i][j]: the longest common subsequence of a[i..] and b[j..]
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                add(out, Kind.SAME, a.get(i));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                add(out, Kind.REMOVED, a.get(i++));
            } else {
                add(out, Kind.ADDED, b.get(j++));
            }
        }
        while (i < n) {
            add(out, Kind.REMOVED, a.get(i++));
        }
        while (j < m) {
            add(out, Kind.ADDED, b.get(j++));
        }
    }

    private static void add(List<Segment> out, Kind kind, String text) {
        if (!out.isEmpty() && out.get(out.size() - 1).kind() == kind) {
            Segment last = out.remove(out.size() - 1);
            out.add(new Segment(kind, last.text() + text));
        } else {
            out.add(new Segment(kind, text));
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
