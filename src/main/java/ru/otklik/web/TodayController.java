package ru.otklik.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import ru.otklik.deadlines.BurningDepartment;
import ru.otklik.deadlines.Clocks;
import ru.otklik.people.PeopleLookup;
import ru.otklik.posts.Actor;
import ru.otklik.posts.PostBrief;
import ru.otklik.posts.PostLookup;

/**
 * «Сегодня»: the start page of the deputy ministers, the first deputy and the minister — what is open now and where
 * to act: open posts of high importance, breached and at-risk clocks counted by department, escalations waiting and
 * drafts waiting for their approval, each a link. A deputy sees his curated departments; the coordinator (or who
 * stands in for him), the first deputy and the minister see all (п.3). A few queries, through the modules' read APIs.
 */
@Controller
class TodayController {

    /** Breached and at-risk clocks of one department («—» for the org department's own clocks). */
    private final PostLookup posts;

    private final Clocks clocks;
    private final PeopleLookup people;

    TodayController(PostLookup posts, Clocks clocks, PeopleLookup people) {
        this.posts = posts;
        this.clocks = clocks;
        this.people = people;
    }

    @GetMapping("/today")
    String today(Actor actor, Model model) {
        boolean coordinator =
                people.coordinator().map(c -> actor.actsFor(c.id())).orElse(false);
        boolean all = Clocks.seesAllEscalations(actor, coordinator);
        Set<Long> departments = all ? null : actor.curatedDepartmentIds();
        Set<Long> approvers = actor.actingIds();
        List<PostBrief> high = posts.openHighImportance(departments);
        List<PostBrief> drafts = posts.awaitingApprovalOf(approvers);
        List<Long> postIds = new ArrayList<>();
        high.forEach(p -> postIds.add(p.id()));
        drafts.stream().filter(p -> !postIds.contains(p.id())).forEach(p -> postIds.add(p.id()));
        model.addAttribute("all", all);
        model.addAttribute("high", high);
        model.addAttribute("postIds", postIds);
        List<BurningDepartment> burning = clocks.burning(departments);
        model.addAttribute("clocksByDepartment", burning);
        model.addAttribute(
                "breachedTotal",
                burning.stream().mapToLong(BurningDepartment::breached).sum());
        model.addAttribute(
                "atRiskTotal",
                burning.stream().mapToLong(BurningDepartment::atRisk).sum());
        model.addAttribute("escalations", clocks.escalationsWaiting(actor, all));
        model.addAttribute("drafts", drafts);
        return "web/today";
    }
}
