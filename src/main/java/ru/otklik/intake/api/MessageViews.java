package ru.otklik.intake.api;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.deadlines.Clocks;
import ru.otklik.posts.PostLookup;
import ru.otklik.posts.PostSummary;

/**
 * The bodies of the messages API: a post as ЦУР sees it, with its running deadlines in Novokuznetsk time.
 */
@Component
class MessageViews {

    /** One running deadline: the rule's code and when it is due. */
    record Deadline(String rule, String dueAt) {}

    /** The posted answer. */
    record Answer(String url, String text) {}

    /** The body of 201 and 200 to {@code POST /api/v1/messages}. */
    record Receipt(long id, String externalId, String status, String receivedAt, List<Deadline> deadlines) {}

    /** The body of {@code GET /api/v1/messages/{id}}: the receipt plus the posted answer, {@code null} until there is one. */
    record Details(
            long id, String externalId, String status, String receivedAt, List<Deadline> deadlines, Answer answer) {}

    private final PostLookup posts;
    private final Clocks clocks;

    MessageViews(PostLookup posts, Clocks clocks) {
        this.posts = posts;
        this.clocks = clocks;
    }

    @Transactional(readOnly = true)
    Optional<Receipt> receipt(long postId) {
        return posts.find(postId)
                .map(post -> new Receipt(
                        post.id(), post.externalId(), post.state().name(), format(post.receivedAt()), deadlines(post)));
    }

    @Transactional(readOnly = true)
    Optional<Details> details(long postId) {
        return posts.find(postId)
                .map(post -> new Details(
                        post.id(),
                        post.externalId(),
                        post.state().name(),
                        format(post.receivedAt()),
                        deadlines(post),
                        answer(post)));
    }

    /** The post's running clocks (not yet stopped, breached ones included), as the deadlines module keeps them. */
    private List<Deadline> deadlines(PostSummary post) {
        return clocks.openDeadlines(post.id()).stream()
                .map(clock -> new Deadline(clock.rule(), format(clock.dueAt())))
                .toList();
    }

    /** The last posted answer (final or intermediate), or {@code null} while none is posted. */
    private static Answer answer(PostSummary post) {
        return post.answer() == null
                ? null
                : new Answer(post.answer().url(), post.answer().text());
    }

    static String format(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.atZone(MinistryTime.ZONE).truncatedTo(ChronoUnit.SECONDS));
    }
}
