package ru.otklik.web;

import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import ru.otklik.deadlines.EscalationQueue;
import ru.otklik.people.CurrentUser;
import ru.otklik.people.Role;
import ru.otklik.posts.Actor;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.WorkQueues;

/**
 * The counts beside the menu's work lists (Входящие, Мои поручения, На согласовании, Эскалации): how many items wait
 * for the logged-in person, computed when the layout renders ({@code @menuCounts.current()}, once per page).
 */
@Component("menuCounts")
public class MenuCounts {

    /** The items waiting in each list; 0 for a list the person does not have. */
    public record Counts(long inbox, long assignments, long approvals, long escalations) {

        static final Counts NONE = new Counts(0, 0, 0, 0);
    }

    private final PostManagement posts;
    private final WorkQueues queues;
    private final EscalationQueue escalations;

    MenuCounts(PostManagement posts, WorkQueues queues, EscalationQueue escalations) {
        this.posts = posts;
        this.queues = queues;
        this.escalations = escalations;
    }

    /** The logged-in person's counts; none for a page without one (the login page, an error page). */
    public Counts current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
            return Counts.NONE;
        }
        try {
            return of(posts.actor(user.id(), user.roles()));
        } catch (DataAccessException | CannotCreateTransactionException unavailable) {
            // the database is down: the page (often the error page that says so) renders without counts
            return Counts.NONE;
        }
    }

    public Counts of(Actor actor) {
        WorkQueues.Counts waiting = queues.counts(actor);
        long escalated = actor.hasAny(Role.LEADERS) ? escalations.waitingFor(actor) : 0;
        return new Counts(waiting.inbox(), waiting.assignments(), waiting.approvals(), escalated);
    }
}
