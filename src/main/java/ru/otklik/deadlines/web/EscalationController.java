package ru.otklik.deadlines.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.otklik.people.CurrentUser;
import ru.otklik.people.DepartmentSummary;
import ru.otklik.people.NotFoundException;
import ru.otklik.people.PeopleLookup;
import ru.otklik.people.PersonSummary;
import ru.otklik.people.StaleEditException;
import ru.otklik.posts.Actor;
import ru.otklik.posts.ForbiddenTransition;
import ru.otklik.posts.InvalidRouting;
import ru.otklik.posts.PostFields;
import ru.otklik.posts.PostManagement;
import ru.otklik.deadlines.internal.Escalations;

/**
 * «Эскалации»: the deputy minister's page of open escalations and breached clocks, with reassign, comment, close.
 */
@Controller
class EscalationController {

    private static final String VIEW = "deadlines/escalations";

    private final Escalations escalations;
    private final PostManagement posts;
    private final PeopleLookup people;
    private final TransactionTemplate transactions;
    private final MessageSource messages;

    EscalationController(Escalations escalations, PostManagement posts, PeopleLookup people,
            TransactionTemplate transactions, MessageSource messages) {
        this.messages = messages;
        this.escalations = escalations;
        this.posts = posts;
        this.people = people;
        this.transactions = transactions;
    }

    @GetMapping("/escalations")
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        Actor actor = actor(user);
        boolean all = seesAll(user, actor);
        model.addAttribute("all", all);
        model.addAttribute("open", escalations.open(actor, all));
        model.addAttribute("breached", escalations.breached(actor, all));
        Map<Long, List<PersonSummary>> executors = new HashMap<>();
        for (DepartmentSummary d : people.departments()) {
            executors.put(d.id(), d.activeExecutors());
        }
        model.addAttribute("executors", executors);
        return VIEW;
    }

    @PostMapping("/escalations/{id}/comment")
    String comment(@PathVariable long id, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String text, @AuthenticationPrincipal CurrentUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = requireMayAct(id, user);
        if (text == null || text.isBlank() || text.length() > PostFields.COMMENT_MAX) {
            return problem(user, "deadlines.escalations.error.comment", HttpStatus.BAD_REQUEST, model, response);
        }
        if (version == null) {
            return problem(user, "deadlines.stale", HttpStatus.CONFLICT, model, response);
        }
        try {
            escalations.comment(id, version, text, actor.id());
        }
        catch (StaleEditException ex) {
            return problem(user, "deadlines.stale", HttpStatus.CONFLICT, model, response);
        }
        redirect.addFlashAttribute("message", "deadlines.escalations.commented");
        return "redirect:/escalations";
    }

    @PostMapping("/escalations/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) Long version,
            @AuthenticationPrincipal CurrentUser user, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Actor actor = requireMayAct(id, user);
        if (version == null) {
            return problem(user, "deadlines.stale", HttpStatus.CONFLICT, model, response);
        }
        try {
            escalations.close(id, version, actor.id());
        }
        catch (StaleEditException ex) {
            return problem(user, "deadlines.stale", HttpStatus.CONFLICT, model, response);
        }
        redirect.addFlashAttribute("message", "deadlines.escalations.closed");
        return "redirect:/escalations";
    }

    /** Hands the assignment to another executor of its department (posts checks the deputy curates it) and closes. */
    @PostMapping("/escalations/{id}/reassign")
    String reassign(@PathVariable long id, @RequestParam(required = false) Long version,
            @RequestParam(required = false) Long postId, @RequestParam(required = false) Long assignmentId,
            @RequestParam(required = false) Long postVersion, @RequestParam(required = false) Long executorId,
            @RequestParam(required = false) String comment, @AuthenticationPrincipal CurrentUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = requireMayAct(id, user);
        if (executorId == null) {
            return problem(user, "deadlines.escalations.error.executor", HttpStatus.BAD_REQUEST, model, response);
        }
        if (comment == null || comment.isBlank() || comment.length() > PostFields.COMMENT_MAX) {
            return problem(user, "deadlines.escalations.error.comment", HttpStatus.BAD_REQUEST, model, response);
        }
        if (version == null || postId == null || assignmentId == null || postVersion == null) {
            return problem(user, "deadlines.stale", HttpStatus.CONFLICT, model, response);
        }
        try {
            transactions.executeWithoutResult(status -> {
                posts.reassign(postId, assignmentId, postVersion, executorId, comment, actor);
                escalations.comment(id, version, comment, actor.id());
                escalations.close(id, version + 1, actor.id());
            });
        }
        catch (StaleEditException | ObjectOptimisticLockingFailureException ex) {
            return problem(user, "deadlines.stale", HttpStatus.CONFLICT, model, response);
        }
        catch (InvalidRouting ex) {
            return problem(user, "deadlines.escalations.error.executor", HttpStatus.BAD_REQUEST, model, response);
        }
        catch (ForbiddenTransition ex) {
            // «not now» is said in the escalation's own words; any other refusal says what to change
            if (ForbiddenTransition.NOT_NOW.equals(ex.messageKey())) {
                return problem(user, "deadlines.escalations.error.forbidden", HttpStatus.CONFLICT, model, response);
            }
            model.addAttribute("warningText", messages.getMessage(ex.messageKey(), ex.args(),
                    LocaleContextHolder.getLocale()));
            return problem(user, null, HttpStatus.CONFLICT, model, response);
        }
        catch (NotFoundException ex) {
            return problem(user, "deadlines.escalations.error.forbidden", HttpStatus.CONFLICT, model, response);
        }
        redirect.addFlashAttribute("message", "deadlines.escalations.reassigned");
        return "redirect:/escalations";
    }

    private Actor requireMayAct(long id, CurrentUser user) {
        Actor actor = actor(user);
        if (!escalations.mayAct(id, actor, seesAll(user, actor))) {
            throw new NotFoundException();
        }
        return actor;
    }

    private String problem(CurrentUser user, String warning, HttpStatus status, Model model,
            HttpServletResponse response) {
        response.setStatus(status.value());
        if (warning != null) {
            model.addAttribute("warning", warning);
        }
        return page(user, model);
    }

    private boolean seesAll(CurrentUser user, Actor actor) {
        boolean coordinator = people.person(user.id()).map(PersonSummary::coordinator).orElse(false);
        return Escalations.seesAll(actor, coordinator);
    }

    private Actor actor(CurrentUser user) {
        return posts.actor(user.id(), user.roles());
    }
}
