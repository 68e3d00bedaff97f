package ru.otklik.deadlines;

import org.springframework.stereotype.Service;
import ru.otklik.deadlines.internal.Escalations;
import ru.otklik.people.PeopleLookup;
import ru.otklik.posts.Actor;

/**
 * How many open escalations wait for a person, for the menu's count beside «Эскалации»: those handed to them (or to
 * whom they stand in for today) and those of the departments they curate; every open one for the minister, the first
 * deputy and the coordinator, who see all — the same escalations as the page lists.
 */
@Service
public class EscalationQueue {

    private final Escalations escalations;
    private final PeopleLookup people;

    EscalationQueue(Escalations escalations, PeopleLookup people) {
        this.escalations = escalations;
        this.people = people;
    }

    public long waitingFor(Actor actor) {
        // the coordinator, or the deputy standing in for the absent coordinator today (п.3), sees all
        boolean coordinator =
                people.coordinator().map(c -> actor.actsFor(c.id())).orElse(false);
        return escalations.countOpen(actor, Escalations.seesAll(actor, coordinator));
    }
}
