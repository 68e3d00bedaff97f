package ru.otklik.posts.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
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
import ru.otklik.posts.Actor;
import ru.otklik.posts.ForbiddenTransition;
import ru.otklik.posts.Importance;
import ru.otklik.posts.InvalidApprover;
import ru.otklik.posts.InvalidRouting;
import ru.otklik.posts.NotOnRoute;
import ru.otklik.posts.OwnDraftApproval;
import ru.otklik.posts.Refusal;
import ru.otklik.posts.PostFields;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.Routing;
import ru.otklik.posts.internal.Post;

/**
 * A post's page and the actions on it. Each action names the post's version the person saw; a stale or no longer
 * allowed action shows the page again with a clear message and changes nothing.
 */
@Controller
class PostController {

    private static final String VIEW = "posts/post";

    private final PostManagement management;
    private final PostPages pages;
    private final org.springframework.context.MessageSource messages;

    PostController(PostManagement management, PostPages pages, org.springframework.context.MessageSource messages) {
        this.management = management;
        this.pages = pages;
        this.messages = messages;
    }

    /** The post's page; {@code template} starts the draft editor from that answer template. */
    @GetMapping("/posts/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String template,
            @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("page", pages.page(id, actor(user), longOrNull(template)));
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

    // ------------------------------------------------------------------------------------------------ part 2

    /**
     * Saves the draft answer ({@code action=save}) or saves it and sends it to the approvers ({@code action=submit})
     * with the chosen second-level approver (п.10).
     */
    @PostMapping("/posts/{id}/draft")
    String draft(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String text,
            @RequestParam(defaultValue = "false") boolean intermediate,
            @RequestParam(required = false) String secondApprover, @RequestParam(defaultValue = "save") String action,
            @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        model.addAttribute("draftText", text);
        String invalid = textProblem(text);
        if (invalid != null) {
            return problem(id, user, invalid, HttpStatus.BAD_REQUEST, model, response);
        }
        if ("submit".equals(action)) {
            Long approver = longOrNull(secondApprover);
            if (secondApprover != null && !secondApprover.isBlank() && approver == null) {
                return problem(id, user, "posts.draft.approver.invalid", HttpStatus.BAD_REQUEST, model, response);
            }
            return act(id, user, "posts.draft.submitted", model, response, redirect,
                    actor -> management.submitDraft(id, version, intermediate, text, approver, actor));
        }
        return act(id, user, "posts.draft.saved", model, response, redirect,
                actor -> management.saveDraft(id, version, intermediate, text, actor));
    }

    @PostMapping("/posts/{id}/draft/approve")
    String approve(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String from,
            @RequestParam(required = false) String text, @RequestParam(defaultValue = "false") boolean checklist,
            @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        String edited = blank(text) ? null : text;
        if (edited != null) {
            String invalid = textProblem(edited);
            if (invalid != null) {
                return problem(id, user, invalid, HttpStatus.BAD_REQUEST, model, response);
            }
        }
        String note = checklist ? messages.getMessage("posts.checklist.recorded", null, java.util.Locale.forLanguageTag("ru")) : null;
        String done = act(id, user, "posts.draft.approved", model, response, redirect,
                actor -> management.approveDraft(id, version, edited, note, actor));
        return backTo(from, done);
    }

    @PostMapping("/posts/{id}/draft/return")
    String returnDraft(@PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) String comment, @RequestParam(required = false) String from,
            @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (blank(comment)) {
            return problem(id, user, "posts.draft.comment.required", HttpStatus.BAD_REQUEST, model, response);
        }
        if (comment.strip().length() > PostFields.COMMENT_MAX) {
            return problem(id, user, "posts.comment.size", HttpStatus.BAD_REQUEST, model, response);
        }
        String done = act(id, user, "posts.draft.returned", model, response, redirect,
                actor -> management.returnDraft(id, version, comment, actor));
        return backTo(from, done);
    }

    @PostMapping("/posts/{id}/send-to-cur")
    String sendToCur(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser user,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, user, "posts.cur.sent", model, response, redirect,
                actor -> management.sendToCur(id, version, actor));
    }

    /** ЦУР's decision as the org specialist records it: {@code APPROVED}, or {@code RETURNED} with ЦУР's comment. */
    @PostMapping("/posts/{id}/cur-decision")
    String curDecision(@PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) String decision, @RequestParam(required = false) String comment,
            @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        boolean approved = "APPROVED".equals(decision);
        if (!approved && !"RETURNED".equals(decision)) {
            return problem(id, user, "posts.cur.decision.required", HttpStatus.BAD_REQUEST, model, response);
        }
        if (!approved && blank(comment)) {
            return problem(id, user, "posts.cur.comment.required", HttpStatus.BAD_REQUEST, model, response);
        }
        if (comment != null && comment.strip().length() > PostFields.COMMENT_MAX) {
            return problem(id, user, "posts.comment.size", HttpStatus.BAD_REQUEST, model, response);
        }
        return act(id, user, approved ? "posts.cur.approved" : "posts.cur.returned", model, response, redirect,
                actor -> management.recordCurDecision(id, version, approved, comment, actor));
    }

    /** The posted answer: its link (http/https) and text, the approved text when left empty (п.9). */
    @PostMapping("/posts/{id}/answer")
    String postAnswer(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String url,
            @RequestParam(required = false) String text, @AuthenticationPrincipal CurrentUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!httpUrl(url)) {
            return problem(id, user, "posts.answer.url.invalid", HttpStatus.BAD_REQUEST, model, response);
        }
        if (text != null && text.strip().length() > PostFields.TEXT_MAX) {
            return problem(id, user, "posts.draft.text.size", HttpStatus.BAD_REQUEST, model, response);
        }
        return act(id, user, "posts.answer.posted", model, response, redirect,
                actor -> management.postAnswer(id, version, url, text, actor));
    }

    /** An executor's contribution to a joint answer (п.15). */
    @PostMapping("/posts/{id}/assignments/{assignmentId}/contribution")
    String contribute(@PathVariable long id, @PathVariable long assignmentId, @RequestParam long version,
            @RequestParam(required = false) String text, @AuthenticationPrincipal CurrentUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        String invalid = textProblem(text);
        if (invalid != null) {
            return problem(id, user, invalid, HttpStatus.BAD_REQUEST, model, response);
        }
        return act(id, user, "posts.contribution.sent", model, response, redirect,
                actor -> management.contribute(id, assignmentId, version, text, actor));
    }

    private static String backTo(String from, String view) {
        return "approvals".equals(from) && view.startsWith("redirect:") ? "redirect:/approvals" : view;
    }

    private static String textProblem(String text) {
        if (blank(text)) {
            return "posts.draft.text.required";
        }
        return text.replace("\r\n", "\n").strip().length() > PostFields.TEXT_MAX ? "posts.draft.text.size" : null;
    }

    static boolean httpUrl(String url) {
        return !blank(url) && url.strip().length() <= PostFields.URL_MAX && PostFields.isLink(url.strip());
    }

    private static Long longOrNull(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        }
        catch (NumberFormatException ex) {
            return null;
        }
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
        catch (InvalidRouting | InvalidApprover ex) {
            return refused(id, user, ex, HttpStatus.BAD_REQUEST, model, response);
        }
        catch (OwnDraftApproval | NotOnRoute ex) {
            return refused(id, user, ex, HttpStatus.FORBIDDEN, model, response);
        }
        catch (ForbiddenTransition ex) {
            return refused(id, user, ex, HttpStatus.CONFLICT, model, response);
        }
        redirect.addFlashAttribute("message", doneMessage);
        return "redirect:/posts/" + id;
    }

    /** The post's page again with the refusal's own text ({@code posts.refusal.*}). */
    private String refused(long id, CurrentUser user, Refusal refusal, HttpStatus status, Model model,
            HttpServletResponse response) {
        String text = messages.getMessage(refusal.messageKey(), refusal.args(), LocaleContextHolder.getLocale());
        model.addAttribute("warningText", text);
        return problem(id, user, null, status, model, response);
    }

    /** The post's page again, as it is now, with a warning; 404 if this person may not see the post at all. */
    private String problem(long id, CurrentUser user, String warning, HttpStatus status, Model model,
            HttpServletResponse response) {
        model.addAttribute("page", pages.page(id, actor(user)));
        if (warning != null) {
            model.addAttribute("warning", warning);
        }
        // the page is answered at the form's address (/posts/9/route); the browser shows the post's own
        model.addAttribute("pageAddress", "/posts/" + id);
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
