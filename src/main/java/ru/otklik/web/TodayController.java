package ru.otklik.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import ru.otklik.deadlines.BurningClock;
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
    record DepartmentClocks(String department, long breached, long atRisk, List<BurningClock> clocks) {}

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
        List<BurningClock> burning = clocks.burning(departments);
        long breached = burning.stream().filter(BurningClock::breached).count();
        model.addAttribute("clocksByDepartment", byDepartment(burning));
        model.addAttribute("breachedTotal", breached);
        model.addAttribute("atRiskTotal", burning.size() - breached);
        model.addAttribute("escalations", clocks.escalationsWaiting(actor, all));
        model.addAttribute("drafts", drafts);
        return "web/today";
    }

    /** The clocks grouped by department, the department with the most breached first. */
    private static List<DepartmentClocks> byDepartment(List<BurningClock> burning) {
        Map<String, List<BurningClock>> grouped = new LinkedHashMap<>();
        for (BurningClock c : burning) {
            grouped.computeIfAbsent(c.department() == null ? "" : c.department(), k -> new ArrayList<>())
                    .add(c);
        }
        List<DepartmentClocks> result = new ArrayList<>();
        grouped.forEach((name, list) -> {
            long breached = list.stream().filter(BurningClock::breached).count();
            result.add(new DepartmentClocks(name, breached, list.size() - breached, list));
        });
        result.sort((a, b) -> Long.compare(b.breached(), a.breached()) != 0
                ? Long.compare(b.breached(), a.breached())
                : Long.compare(b.atRisk(), a.atRisk()));
        return result;
    }
}
