package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * ЦУР's feed cursor keeps the change instant to the microsecond (as PostgreSQL stores it) and the post's id, so that
 * paging resumes exactly after the last post read; anything else ЦУР might send is not taken for a cursor.
 */
class ChangeCursorTest {

    @Test
    void aTokenStandsForTheSameInstantToTheMicrosecondAndTheSameId() {
        ChangeCursor cursor = new ChangeCursor(Instant.parse("2026-12-01T03:00:00.123456Z"), 42);
        assertThat(ChangeCursor.parse(cursor.token())).contains(cursor);
        assertThat(cursor.token()).doesNotContain("=", "+", "/");
    }

    @Test
    void changedSinceStartsBeforeEveryPostOfThatInstant() {
        ChangeCursor since = ChangeCursor.since(Instant.parse("2026-12-01T03:00:00.1234567Z"));
        assertThat(since).isEqualTo(new ChangeCursor(Instant.parse("2026-12-01T03:00:00.123456Z"), 0));
    }

    @Test
    void garbageIsNoCursor() {
        assertThat(ChangeCursor.parse("не-курсор")).isEmpty();
        assertThat(ChangeCursor.parse("")).isEmpty();
        assertThat(ChangeCursor.parse(null)).isEmpty();
        assertThat(ChangeCursor.parse("YzE6eDox")).isEmpty(); // "c1:x:1"
        assertThat(ChangeCursor.parse("YzE6OTk5OTk5OTk5OTk5OTk5OTk5OTox")).isEmpty(); // a number past a long
        assertThat(ChangeCursor.parse("a".repeat(200))).isEmpty();
    }
}
