package ru.otklik.posts;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Lines other modules add to a post's timeline (п.19) about what they did with the post: the escalations of the
 * deadlines module. The posts module owns the timeline, so they are written here. A line changes nothing of the post
 * itself (not its state, nor its version), so nobody's open page of the post goes stale because of it. Runs in the
 * caller's transaction: the line is written together with what it records, or not at all.
 */
@Service
public class PostTimeline {

    /** What happened, in the words of the timeline. */
    public enum Note {
        /** An ACCEPT breach handed the post to the curating deputy minister (п.9); the person is the deputy. */
        ESCALATED,
        /** The deputy minister commented on the escalation. */
        ESCALATION_COMMENTED,
        /** The escalation was closed, by the deputy or by itself; the comment says why. */
        ESCALATION_CLOSED
    }

    /**
     * One line.
     *
     * @param actorId who acted; {@code null}: Otklik itself (the sweep)
     * @param personId whom it concerns (the deputy an escalation went to), or {@code null}
     */
    public record Line(long postId, Long assignmentId, Long actorId, Long personId, String comment) {}

    private final JdbcClient jdbc;

    PostTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the lines, all in one statement, whatever their number. */
    public int record(Note note, List<Line> lines, Instant at) {
        if (lines.isEmpty()) {
            return 0;
        }
        Long[] posts = lines.stream().map(Line::postId).toArray(Long[]::new);
        Long[] assignments = lines.stream().map(Line::assignmentId).toArray(Long[]::new);
        Long[] actors = lines.stream().map(Line::actorId).toArray(Long[]::new);
        Long[] persons = lines.stream().map(Line::personId).toArray(Long[]::new);
        String[] comments = lines.stream()
                .map(l -> l.comment() == null ? null : l.comment().strip())
                .toArray(String[]::new);
        return jdbc.sql("""
                        insert into post_event (post_id, at, actor_id, action, from_state, to_state, assignment_id,
                            executor_id, comment)
                        select v.post, :at, v.actor, :action, p.state, p.state, v.assignment, v.person, v.comment
                        from unnest(cast(:posts as bigint[]), cast(:assignments as bigint[]),
                                    cast(:actors as bigint[]), cast(:persons as bigint[]), cast(:comments as text[]))
                             with ordinality as v(post, assignment, actor, person, comment, n)
                        join post p on p.id = v.post
                        order by v.n""")
                .param("at", java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .param("action", note.name())
                .param("posts", posts)
                .param("assignments", assignments)
                .param("actors", actors)
                .param("persons", persons)
                .param("comments", comments)
                .update();
    }

    /** Adds one line. */
    public void record(Note note, Line line, Instant at) {
        record(note, List.of(line), at);
    }
}
