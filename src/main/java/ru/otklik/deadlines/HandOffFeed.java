package ru.otklik.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.calendar.WorkingTime;
import ru.otklik.deadlines.internal.Notifications;

/**
 * The notifications live pages push (issue 17 point 2): one as it is written, and those a page missed while its stream
 * was down.
 */
@Service
public class HandOffFeed {

    /** A hand-off whose clock has less time than this left (in the clock's own minutes) is urgent. */
    public static final int URGENT_MINUTES = 30;

    private final Notifications notifications;
    private final Clocks clocks;
    private final WorkingTime workingTime;
    private final Clock clock;

    HandOffFeed(Notifications notifications, Clocks clocks, WorkingTime workingTime, Clock clock) {
        this.notifications = notifications;
        this.clocks = clocks;
        this.workingTime = workingTime;
        this.clock = clock;
    }

    /** The notification, if it exists. */
    @Transactional(readOnly = true)
    public Optional<HandOff> handOff(long id) {
        return notifications.find(id).map(note -> handOffs(List.of(note)).get(0));
    }

    /** The unread notifications of these people after {@code afterId}, oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<HandOff> unreadSince(Collection<Long> recipientIds, long afterId, int limit) {
        return handOffs(notifications.unreadSince(recipientIds, afterId, limit));
    }

    /** Where a page's stream starts: the newest notification's id when the page was rendered. */
    @Transactional(readOnly = true)
    public long latestId() {
        return notifications.latestId();
    }

    private List<HandOff> handOffs(List<Notifications.Note> notes) {
        Set<Long> postIds = notes.stream()
                .map(Notifications.Note::postId)
                .filter(p -> p != null)
                .collect(Collectors.toSet());
        Map<Long, LiveClock> nearest = clocks.nearestRunning(postIds);
        Instant now = clock.instant();
        return notes.stream()
                .map(note -> new HandOff(
                        note.id(),
                        note.text(),
                        note.detail(),
                        note.link(),
                        note.postId() != null && urgent(nearest.get(note.postId()), now)))
                .toList();
    }

    private boolean urgent(LiveClock nearest, Instant now) {
        if (nearest == null || !nearest.open()) {
            return false;
        }
        if (!now.isBefore(nearest.dueAt())) {
            return true;
        }
        long left = nearest.kind().working()
                ? workingTime.current().workingMinutes(now, nearest.dueAt())
                : Duration.between(now, nearest.dueAt()).toMinutes();
        return left < URGENT_MINUTES;
    }
}
