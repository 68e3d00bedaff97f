package ru.otklik.posts;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.otklik.people.CurrentUser;
import ru.otklik.people.StaleEditException;

/**
 * A post's page and the actions on it. Each action names the post's version the person saw; a stale or no longer
 * allowed action shows the page again with a clear message and changes nothing.
 */
@Controller
class PostController {

    private static final String VIEW = "posts/post";

    private final PostManagement management;
    private final PostPages pages;

    PostController(PostManagement management, PostPages pages) {
        this.management = management;
        this.pages = pages;
    }

    @GetMapping("/posts/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("page", pages.page(id, actor(user)));
        return VIEW;
    }

    /**
     * Routes the post. Each {@code assignTo} is {@code <departmentId>:<executorId>}; empty ones (a department left
     * out) are skipped.
     */
    @PostMapping("/posts/{id}/route")
    String route(@PathVariable long id, @RequestParam long version,
            @RequestParam(name = "assignTo", required = false) List<String> assignTo,
            @RequestParam(defaultValue = "false") boolean high, @AuthenticationPrincipal CurrentUser user,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<Routing> routings = new ArrayList<>();
        for (String value : assignTo == null ? List.<String>of() : assignTo) {
            if (value == null || value.isBlank()) {
                continue;
            }
            Routing routing = parse(value);
            if (routing == null) {
                return problem(id, user, "posts.route.invalid", HttpStatus.BAD_REQUEST, model, response);
            }
            routings.add(routing);
        }
        if (routings.isEmpty()) {
            return problem(id, user, "posts.route.none", HttpStatus.BAD_REQUEST, model, response);
        }
        if (routings.stream().map(Routing::departmentId).distinct().count() != routings.size()) {
            return problem(id, user, "posts.route.twice", HttpStatus.BAD_REQUEST, model, response);
        }
        return act(id, user, "posts.routed", model, response, redirect, actor -> management.route(id, version,
                routings, high ? Importance.HIGH : Importance.NORMAL, actor));
    }

    @PostMapping("/posts/{id}/return-to-cur")
    String returnToCur(@PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) String reason, @AuthenticationPrincipal CurrentUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (blank(reason)) {
            return problem(id, user, "posts.reason.required", HttpStatus.BAD_REQUEST, model, response);
        }
        return act(id, user, "posts.returnedToCur", model, response, redirect,
                actor -> management.returnToCur(id, version, reason, actor));
    }

    @PostMapping("/posts/{id}/refuse")
    String refuse(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String reason,
            @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (blank(reason)) {
            return problem(id, user, "posts.reason.required", HttpStatus.BAD_REQUEST, model, response);
        }
        return act(id, user, "posts.refused", model, response, redirect,
                actor -> management.refuse(id, version, reason, actor));
    }

    @PostMapping("/posts/{id}/assignments/{assignmentId}/accept")
    String accept(@PathVariable long id, @PathVariable long assignmentId, @RequestParam long version,
            @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return act(id, user, "posts.accepted", model, response, redirect,
                actor -> management.accept(id, assignmentId, version, actor));
    }

    @PostMapping("/posts/{id}/assignments/{assignmentId}/return")
    String returnAssignment(@PathVariable long id, @PathVariable long assignmentId, @RequestParam long version,
            @RequestParam(required = false) String reason, @AuthenticationPrincipal CurrentUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (blank(reason)) {
            return problem(id, user, "posts.reason.required", HttpStatus.BAD_REQUEST, model, response);
        }
        return act(id, user, "posts.returnedByExecutor", model, response, redirect,
                actor -> management.returnAssignment(id, assignmentId, version, reason, actor));
    }

    @PostMapping("/posts/{id}/assignments/{assignmentId}/reassign")
    String reassign(@PathVariable long id, @PathVariable long assignmentId, @RequestParam long version,
            @RequestParam(required = false) Long executorId, @RequestParam(required = false) String comment,
            @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (executorId == null) {
            return problem(id, user, "posts.reassign.executor", HttpStatus.BAD_REQUEST, model, response);
        }
        if (blank(comment)) {
            return problem(id, user, "posts.comment.required", HttpStatus.BAD_REQUEST, model, response);
        }
        return act(id, user, "posts.reassigned", model, response, redirect,
                actor -> management.reassign(id, assignmentId, version, executorId, comment, actor));
    }

    private interface Action {
        Post perform(Actor actor);
    }

    private String act(long id, CurrentUser user, String doneMessage, Model model, HttpServletResponse response,
            RedirectAttributes redirect, Action action) {
        Actor actor = actor(user);
        try {
            action.perform(actor);
        }
        catch (StaleEditException | ObjectOptimisticLockingFailureException ex) {
            return problem(id, user, "posts.stale", HttpStatus.CONFLICT, model, response);
        }
        catch (InvalidRouting ex) {
            return problem(id, user, "posts.route.invalid", HttpStatus.BAD_REQUEST, model, response);
        }
        catch (ForbiddenTransition ex) {
            return problem(id, user, "posts.forbidden", HttpStatus.CONFLICT, model, response);
        }
        redirect.addFlashAttribute("message", doneMessage);
        return "redirect:/posts/" + id;
    }

    /** The post's page again, as it is now, with a warning; 404 if this person may not see the post at all. */
    private String problem(long id, CurrentUser user, String warning, HttpStatus status, Model model,
            HttpServletResponse response) {
        model.addAttribute("page", pages.page(id, actor(user)));
        model.addAttribute("warning", warning);
        response.setStatus(status.value());
        return VIEW;
    }

    private Actor actor(CurrentUser user) {
        return management.actor(user.id(), user.roles());
    }

    private static Routing parse(String value) {
        int colon = value.indexOf(':');
        try {
            return new Routing(Long.parseLong(value.substring(0, colon).strip()),
                    Long.parseLong(value.substring(colon + 1).strip()));
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
