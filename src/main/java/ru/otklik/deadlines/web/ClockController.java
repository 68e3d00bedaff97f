package ru.otklik.deadlines.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import ru.otklik.deadlines.Clocks;
import ru.otklik.deadlines.internal.PostAccess;
import ru.otklik.people.CurrentUser;
import ru.otklik.people.NotFoundException;

/**
 * The live clocks as HTML fragments for htmx polling (every 30 s): one post's nearest clock, all its clocks, or the
 * nearest clocks of a list of posts as out-of-band swaps. A post the person may not see answers 404.
 */
@Controller
class ClockController {

    private static final String FRAGMENTS = "fragments/clock";
    private static final int MAX_IDS = 200;

    private final Clocks clocks;
    private final PostAccess access;

    ClockController(Clocks clocks, PostAccess access) {
        this.clocks = clocks;
        this.access = access;
    }

    @GetMapping("/clocks/post/{id}")
    String nearest(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        requireVisible(id, user);
        model.addAttribute("postId", id);
        model.addAttribute("clock", clocks.nearestRunning(List.of(id)).get(id));
        return FRAGMENTS + " :: nearest";
    }

    @GetMapping("/clocks/post/{id}/all")
    String all(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        requireVisible(id, user);
        model.addAttribute("postId", id);
        model.addAttribute("postClocks", clocks.ofPost(id, user));
        return FRAGMENTS + " :: all";
    }

    /** {@code ids}: comma-separated post ids; those not visible or not numeric are left out. */
    @GetMapping("/clocks/posts")
    String many(@RequestParam(defaultValue = "") String ids, @AuthenticationPrincipal CurrentUser user, Model model) {
        Set<Long> wanted = new LinkedHashSet<>();
        Arrays.stream(ids.split(","))
                .map(String::strip)
                .filter(s -> s.matches("\\d{1,18}"))
                .limit(MAX_IDS)
                .map(Long::valueOf)
                .forEach(wanted::add);
        List<Long> visible =
                wanted.stream().filter(access.visible(wanted, user)::contains).toList();
        model.addAttribute("ids", visible);
        model.addAttribute("clocks", clocks.nearestRunning(visible));
        return FRAGMENTS + " :: oob";
    }

    private void requireVisible(long id, CurrentUser user) {
        if (!access.maySee(id, user)) {
            throw new NotFoundException();
        }
    }
}
