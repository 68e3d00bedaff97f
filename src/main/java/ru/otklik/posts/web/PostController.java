package ru.otklik.posts.web;

import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.otklik.posts.Actor;
import ru.otklik.posts.PostFields;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.internal.RepeatFinder;
import ru.otklik.posts.web.PostForms.AnswerForm;
import ru.otklik.posts.web.PostForms.ApproveForm;
import ru.otklik.posts.web.PostForms.ContributionForm;
import ru.otklik.posts.web.PostForms.CurDecisionForm;
import ru.otklik.posts.web.PostForms.DraftForm;
import ru.otklik.posts.web.PostForms.ImportanceForm;
import ru.otklik.posts.web.PostForms.LinkForm;
import ru.otklik.posts.web.PostForms.PartRouteForm;
import ru.otklik.posts.web.PostForms.ReasonForm;
import ru.otklik.posts.web.PostForms.ReassignForm;
import ru.otklik.posts.web.PostForms.ReturnDraftForm;
import ru.otklik.posts.web.PostForms.RouteForm;
import ru.otklik.posts.web.PostForms.VersionForm;

/**
 * A post's page and the actions on it. Each action names the post's version the person saw; a stale, invalid or no
 * longer allowed action shows the page again with a clear message and changes nothing ({@link PostRefusals}).
 */
@Controller
class PostController {

    private static final String VIEW = "posts/post";

    private final PostManagement management;
    private final PostPages pages;
    private final MessageSource messages;
    private final ExecutorParts parts;

    PostController(PostManagement management, PostPages pages, MessageSource messages, ExecutorParts parts) {
        this.management = management;
        this.pages = pages;
        this.messages = messages;
        this.parts = parts;
    }

    /**
     * The post's page; {@code template} starts the draft editor from that answer template, {@code from} from that
     * earlier posted answer (a wrong one: neither).
     */
    @GetMapping("/posts/{id}")
    String show(
            @PathVariable long id,
            @RequestParam(required = false) String template,
            @RequestParam(required = false) String from,
            @RequestParam(name = "repeatQuery", required = false) String repeatQuery,
            Actor actor,
            Model model) {
        model.addAttribute("page", pages.page(id, actor, idOrNull(template), idOrNull(from), repeatQuery));
        // the executor's own part on top, in their words (and the parts of the absent executors they stand in for)
        Set<Long> executorIds = actor.actingIds();
        model.addAttribute("myParts", parts.ofPost(id, executorIds, actor.id()));
        return VIEW;
    }

    /**
     * The earlier posts like this one, offered to link or dismiss (п.16): loaded by the page after it has shown, so
     * that a text with many near-copies never slows the page; a lookup over its time limit says so.
     */
    @GetMapping("/posts/{id}/repeats")
    String offeredRepeats(@PathVariable long id, Actor actor, Model model) {
        try {
            model.addAttribute("offered", pages.offeredRepeats(id, actor));
        } catch (DataAccessException ex) {
            if (!RepeatFinder.timedOut(ex)) {
                throw ex;
            }
            model.addAttribute("offered", null);
            model.addAttribute("postId", id);
        }
        return VIEW + " :: offeredRepeats";
    }

    @PostMapping("/posts/{id}/route")
    String route(
            @PathVariable long id, @Valid @ModelAttribute RouteForm form, Actor actor, RedirectAttributes redirect) {
        management.route(id, form.version(), form.routings(), form.importance(), actor);
        return done(id, "posts.routed", redirect);
    }

    @PostMapping("/posts/{id}/importance")
    String importance(
            @PathVariable long id,
            @Valid @ModelAttribute ImportanceForm form,
            Actor actor,
            RedirectAttributes redirect) {
        management.changeImportance(id, form.version(), form.importance(), actor);
        return done(id, "posts.importance.changed", redirect);
    }

    /** Links another post on the same question (п.16). */
    @PostMapping("/posts/{id}/links")
    String link(@PathVariable long id, @Valid @ModelAttribute LinkForm form, Actor actor, RedirectAttributes redirect) {
        boolean linked = management.link(id, form.version(), form.otherId(), actor);
        return done(id, linked ? "posts.repeats.linked" : "posts.repeats.alreadyLinked", redirect);
    }

    /** Removes a link to another post (п.16). */
    @PostMapping("/posts/{id}/links/remove")
    String unlink(
            @PathVariable long id, @Valid @ModelAttribute LinkForm form, Actor actor, RedirectAttributes redirect) {
        boolean removed = management.unlink(id, form.version(), form.otherId(), actor);
        return done(id, removed ? "posts.repeats.unlinked" : "posts.repeats.notLinked", redirect);
    }

    /** A similar post is not a repeat: not offered again (п.16). */
    @PostMapping("/posts/{id}/repeats/dismiss")
    String dismissRepeat(
            @PathVariable long id, @Valid @ModelAttribute LinkForm form, Actor actor, RedirectAttributes redirect) {
        management.dismissRepeat(id, form.version(), form.otherId(), actor);
        return done(id, "posts.repeats.dismissed", redirect);
    }

    @PostMapping("/posts/{id}/return-to-cur")
    String returnToCur(
            @PathVariable long id, @Valid @ModelAttribute ReasonForm form, Actor actor, RedirectAttributes redirect) {
        management.returnToCur(id, form.version(), form.reason(), actor);
        return done(id, "posts.returnedToCur", redirect);
    }

    @PostMapping("/posts/{id}/refuse")
    String refuse(
            @PathVariable long id, @Valid @ModelAttribute ReasonForm form, Actor actor, RedirectAttributes redirect) {
        management.refuse(id, form.version(), form.reason(), actor);
        return done(id, "posts.refused", redirect);
    }

    @PostMapping("/posts/{id}/assignments/{assignmentId}/accept")
    String accept(
            @PathVariable long id,
            @PathVariable long assignmentId,
            @Valid @ModelAttribute VersionForm form,
            Actor actor,
            RedirectAttributes redirect) {
        management.accept(id, assignmentId, form.version(), actor);
        return done(id, "posts.accepted", redirect);
    }

    @PostMapping("/posts/{id}/assignments/{assignmentId}/return")
    String returnAssignment(
            @PathVariable long id,
            @PathVariable long assignmentId,
            @Valid @ModelAttribute ReasonForm form,
            Actor actor,
            RedirectAttributes redirect) {
        management.returnAssignment(id, assignmentId, form.version(), form.reason(), actor);
        return done(id, "posts.returnedByExecutor", redirect);
    }

    /** The executor flags the post under п.18 after routing, with the reason; an org specialist decides. */
    @PostMapping("/posts/{id}/assignments/{assignmentId}/flag-p18")
    String flagP18(
            @PathVariable long id,
            @PathVariable long assignmentId,
            @Valid @ModelAttribute ReasonForm form,
            Actor actor,
            RedirectAttributes redirect) {
        management.flagP18(id, assignmentId, form.version(), form.reason(), actor);
        return done(id, "posts.p18flag.sent", redirect);
    }

    @PostMapping("/posts/{id}/p18-flag/confirm")
    String confirmP18Flag(
            @PathVariable long id, @Valid @ModelAttribute VersionForm form, Actor actor, RedirectAttributes redirect) {
        management.confirmP18Flag(id, form.version(), actor);
        return done(id, "posts.refused", redirect);
    }

    @PostMapping("/posts/{id}/p18-flag/dismiss")
    String dismissP18Flag(
            @PathVariable long id, @Valid @ModelAttribute ReasonForm form, Actor actor, RedirectAttributes redirect) {
        management.dismissP18Flag(id, form.version(), form.reason(), actor);
        return done(id, "posts.p18flag.dismissed", redirect);
    }

    @PostMapping("/posts/{id}/assignments/{assignmentId}/reassign")
    String reassign(
            @PathVariable long id,
            @PathVariable long assignmentId,
            @Valid @ModelAttribute ReassignForm form,
            Actor actor,
            RedirectAttributes redirect) {
        management.reassign(id, assignmentId, form.version(), form.executorId(), form.comment(), actor);
        return done(id, "posts.reassigned", redirect);
    }

    /** The org specialist sends a returned part of a joint post to another department (п.14, п.15). */
    @PostMapping("/posts/{id}/assignments/{assignmentId}/reroute-part")
    String reroutePart(
            @PathVariable long id,
            @PathVariable long assignmentId,
            @Valid @ModelAttribute PartRouteForm form,
            Actor actor,
            RedirectAttributes redirect) {
        management.reroutePart(id, assignmentId, form.version(), form.assignTo(), actor);
        return done(id, "posts.part.rerouted", redirect);
    }

    /** The org specialist leaves a returned part out of the joint answer, with the reason (п.15). */
    @PostMapping("/posts/{id}/assignments/{assignmentId}/exclude-part")
    String excludePart(
            @PathVariable long id,
            @PathVariable long assignmentId,
            @Valid @ModelAttribute ReasonForm form,
            Actor actor,
            RedirectAttributes redirect) {
        management.excludePart(id, assignmentId, form.version(), form.reason(), actor);
        return done(id, "posts.part.excluded", redirect);
    }

    // ------------------------------------------------------------------------------------------------ part 2

    /** Saves the draft answer, or saves it and sends it to the approvers with the chosen second-level approver (п.10). */
    @PostMapping("/posts/{id}/draft")
    String draft(
            @PathVariable long id, @Valid @ModelAttribute DraftForm form, Actor actor, RedirectAttributes redirect) {
        if (form.submit()) {
            management.submitDraft(
                    id, form.version(), form.intermediateAnswer(), form.text(), form.secondApprover(), actor);
            return done(id, "posts.draft.submitted", redirect);
        }
        management.saveDraft(id, form.version(), form.intermediateAnswer(), form.text(), actor);
        return done(id, "posts.draft.saved", redirect);
    }

    @PostMapping("/posts/{id}/draft/approve")
    String approve(
            @PathVariable long id, @Valid @ModelAttribute ApproveForm form, Actor actor, RedirectAttributes redirect) {
        // the form refuses an approval without the п.17 tick, so the tick is always recorded with it
        String note = messages.getMessage("posts.checklist.recorded", null, Locale.forLanguageTag("ru"));
        management.approveDraft(id, form.version(), form.draftVersion(), form.edited(), note, actor);
        return backTo(form.from(), done(id, "posts.draft.approved", redirect));
    }

    @PostMapping("/posts/{id}/draft/return")
    String returnDraft(
            @PathVariable long id,
            @Valid @ModelAttribute ReturnDraftForm form,
            Actor actor,
            RedirectAttributes redirect) {
        management.returnDraft(id, form.version(), form.draftVersion(), form.comment(), actor);
        return backTo(form.from(), done(id, "posts.draft.returned", redirect));
    }

    @PostMapping("/posts/{id}/send-to-cur")
    String sendToCur(
            @PathVariable long id, @Valid @ModelAttribute VersionForm form, Actor actor, RedirectAttributes redirect) {
        management.sendToCur(id, form.version(), actor);
        return done(id, "posts.cur.sent", redirect);
    }

    @PostMapping("/posts/{id}/cur-decision")
    String curDecision(
            @PathVariable long id,
            @Valid @ModelAttribute CurDecisionForm form,
            Actor actor,
            RedirectAttributes redirect) {
        management.recordCurDecision(id, form.version(), form.approved(), form.comment(), actor);
        return done(id, form.approved() ? "posts.cur.approved" : "posts.cur.returned", redirect);
    }

    @PostMapping("/posts/{id}/answer")
    String postAnswer(
            @PathVariable long id, @Valid @ModelAttribute AnswerForm form, Actor actor, RedirectAttributes redirect) {
        management.postAnswer(id, form.version(), form.url(), form.text(), actor);
        return done(id, "posts.answer.posted", redirect);
    }

    @PostMapping("/posts/{id}/assignments/{assignmentId}/contribution")
    String contribute(
            @PathVariable long id,
            @PathVariable long assignmentId,
            @Valid @ModelAttribute ContributionForm form,
            Actor actor,
            RedirectAttributes redirect) {
        management.contribute(id, assignmentId, form.version(), form.text(), actor);
        return done(id, "posts.contribution.sent", redirect);
    }

    private static String done(long id, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", message);
        return "redirect:/posts/" + id;
    }

    private static String backTo(String from, String view) {
        return "approvals".equals(from) ? "redirect:/approvals" : view;
    }

    /** A template's or an earlier answer's id as the link names it; anything else opens the editor without one. */
    private static Long idOrNull(String id) {
        try {
            return id == null || id.isBlank() ? null : Long.valueOf(id.strip());
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    static boolean httpUrl(String url) {
        return url != null
                && !url.isBlank()
                && url.strip().length() <= PostFields.URL_MAX
                && PostFields.isLink(url.strip());
    }
}
