package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.otklik.posts.web.TextDiff;
import ru.otklik.posts.web.TextDiff.Kind;
import ru.otklik.posts.web.TextDiff.Segment;

/**
 * What an approver sees of a reworked draft: the words removed and added, the rest as it was.
 */
class TextDiffTest {

    @Test
    void aChangedWordIsShownRemovedThenAdded() {
        List<Segment> diff = TextDiff.between("Пособие назначено 1 декабря.", "Пособие назначено 5 декабря.");
        assertThat(diff)
                .containsExactly(
                        new Segment(Kind.SAME, "Пособие назначено "),
                        new Segment(Kind.REMOVED, "1"),
                        new Segment(Kind.ADDED, "5"),
                        new Segment(Kind.SAME, " декабря."));
        assertThat(TextDiff.changed(diff)).isTrue();
    }

    @Test
    void anAddedLineKeepsTheLineBreaks() {
        List<Segment> diff = TextDiff.between("Здравствуйте!\nОтвет.", "Здравствуйте!\nОтвет.\nС уважением");
        assertThat(diff)
                .containsExactly(
                        new Segment(Kind.SAME, "Здравствуйте!\nОтвет."), new Segment(Kind.ADDED, "\nС уважением"));
    }

    @Test
    void theSameTextHasNoChangesAndJoiningTheSegmentsGivesBothTexts() {
        assertThat(TextDiff.changed(TextDiff.between("один два", "один два"))).isFalse();
        String before = "а б в г д е ж";
        String after = "а в г х д ж з";
        List<Segment> diff = TextDiff.between(before, after);
        assertThat(String.join(
                        "",
                        diff.stream()
                                .filter(s -> s.kind() != Kind.ADDED)
                                .map(Segment::text)
                                .toList()))
                .isEqualTo(before);
        assertThat(String.join(
                        "",
                        diff.stream()
                                .filter(s -> s.kind() != Kind.REMOVED)
                                .map(Segment::text)
                                .toList()))
                .isEqualTo(after);
    }

    @Test
    void twoLongUnrelatedTextsAreShownAsReplacedQuickly() {
        String before = "а ".repeat(5000);
        String after = "б ".repeat(5000);
        List<Segment> diff = TextDiff.between(before, after);
        assertThat(diff).extracting(Segment::kind).contains(Kind.REMOVED, Kind.ADDED);
    }
}
