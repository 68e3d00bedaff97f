package ru.otklik.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.otklik.deadlines.Clocks;
import ru.otklik.deadlines.LiveClock;
import ru.otklik.people.CurrentUser;

/**
 * The clocks that the posts module's pages show, composed here in the web shell with the shared fragment
 * {@code fragments/clock.html}: templates call {@code @clockCells}, so the posts module never depends on the deadlines
 * module, which listens to the posts' events.
 */
@Component("clockCells")
public class ClockCells {

    private final Clocks clocks;

    ClockCells(Clocks clocks) {
        this.clocks = clocks;
    }

    /** The nearest running clock of each post, for the work lists. */
    public Map<Long, LiveClock> nearestRunning(Collection<Long> postIds) {
        return clocks.nearestRunning(postIds);
    }

    /** All clocks of one post that the viewer may see, the viewer's own first. */
    public List<LiveClock> ofPost(long postId, CurrentUser viewer) {
        return clocks.ofPost(postId, viewer);
    }
}
