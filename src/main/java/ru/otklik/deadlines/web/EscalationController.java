package ru.otklik.deadlines.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.deadlines.internal.Escalations;
import ru.otklik.people.DepartmentSummary;
import ru.otklik.people.NotFoundException;
import ru.otklik.people.PeopleLookup;
import ru.otklik.people.PersonSummary;
import ru.otklik.people.StaleEditException;
import ru.otklik.people.Substitutes;
import ru.otklik.posts.Actor;
import ru.otklik.posts.ForbiddenTransition;
import ru.otklik.posts.InvalidRouting;
import ru.otklik.posts.PostManagement;

/**
 * «Эскалации»: the deputy minister's page of open escalations and breached clocks, with reassign, hand back to the org
 * specialist for another department, comment, close. Reassigning or handing back closes the escalation by itself
 * (the deadlines module closes an escalation whenever its assignment moves on).
 */
@Controller
class EscalationController {

    private static final String VIEW = "deadlines/escalations";
    private static final String COMMENT = "deadlines.escalations.error.comment";
    private static final int MAX_COMMENT = 2000;

    private final Escalations escalations;
    private final PostManagement posts;
    private final PeopleLookup people;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final Substitutes substitutes;
    private final Clock clock;

    EscalationController(
            Escalations escalations,
            PostManagement posts,
            PeopleLookup people,
            TransactionTemplate transactions,
            MessageSource messages,
            Substitutes substitutes,
            Clock clock) {
        this.messages = messages;
        this.substitutes = substitutes;
        this.clock = clock;
        this.escalations = escalations;
        this.posts = posts;
        this.people = people;
        this.transactions = transactions;
    }

    @GetMapping("/escalations")
    String page(Actor actor, Model model) {
        boolean all = seesAll(actor);
        model.addAttribute("all", all);
        List<Escalations.Open> open = escalations.open(actor, all);
        model.addAttribute("open", open);
        model.addAttribute("breached", escalations.breached(actor, all));
        model.addAttribute("reassign", reassign(open));
        return VIEW;
    }

    /** An executor of the department who is away today: until when, and who acts for them. */
    record AwayExecutor(long id, String name, String until, String acting) {}

    /**
     * Who may take the post instead of its executor, and why nobody may: the department's executors at work today are
     * offered; those away are named with the last day of their absence and who acts for them. With nobody offered and
     * nobody away the department has no other executor (its head adds one at «Мой отдел»); with nobody offered but
     * some away, everyone else is away.
     *
     * @param head the department's head, by name, or {@code null}
     */
    record Reassign(List<PersonSummary> offered, List<AwayExecutor> away, String head) {}

    /** The reassign choices of each open escalation with an assignment, by escalation id. */
    private Map<Long, Reassign> reassign(List<Escalations.Open> open) {
        Map<Long, Reassign> result = new HashMap<>();
        if (open.stream().allMatch(e -> e.departmentId() == null)) {
            return result;
        }
        Map<Long, Candidates> byDepartment = candidates(people.departments());
        for (Escalations.Open e : open) {
            Candidates c = e.departmentId() == null ? null : byDepartment.get(e.departmentId());
            if (c != null) {
                Long executor = e.executorId();
                result.put(
                        e.id(),
                        new Reassign(
                                c.present().stream()
                                        .filter(p -> executor == null || p.id() != executor)
                                        .toList(),
                                c.away().stream()
                                        .filter(a -> executor == null || a.id() != executor)
                                        .toList(),
                                c.head()));
            }
        }
        return result;
    }

    /** A department's executors at work today and away, and its head by name. */
    private record Candidates(List<PersonSummary> present, List<AwayExecutor> away, String head) {}

    private Map<Long, Candidates> candidates(List<DepartmentSummary> departments) {
        Set<Long> ids = new HashSet<>();
        departments.forEach(d -> d.activeExecutors().forEach(p -> ids.add(p.id())));
        Map<Long, Substitutes.Away> away = substitutes.away(ids, clock.instant());
        Map<Long, String> actingNames = people.fullNames(
                away.values().stream().map(Substitutes.Away::actingId).toList());
        Map<Long, Candidates> result = new HashMap<>();
        for (DepartmentSummary d : departments) {
            List<PersonSummary> present = new ArrayList<>();
            List<AwayExecutor> awayHere = new ArrayList<>();
            for (PersonSummary p : d.activeExecutors()) {
                Substitutes.Away a = away.get(p.id());
                if (a == null) {
                    present.add(p);
                } else {
                    awayHere.add(new AwayExecutor(
                            p.id(),
                            p.fullName(),
                            MinistryTime.format(a.until()),
                            a.actingId() == p.id() ? null : actingNames.get(a.actingId())));
                }
            }
            result.put(
                    d.id(),
                    new Candidates(
                            present,
                            awayHere,
                            d.head() == null ? null : d.head().fullName()));
        }
        return result;
    }

    /** A comment on an escalation, or the one a reassignment closes it with. */
    record CommentForm(
            @NotBlank(message = COMMENT) @Size(max = MAX_COMMENT, message = COMMENT)
            String text) {}

    /** A reassignment: the post's assignment as the page showed it, its new executor and the comment. */
    record ReassignForm(
            Long postId,
            Long assignmentId,
            Long postVersion,

            @NotNull(message = "deadlines.escalations.error.executor")
            Long executorId,

            @NotBlank(message = COMMENT) @Size(max = MAX_COMMENT, message = COMMENT)
            String comment) {

        boolean complete() {
            return postId != null && assignmentId != null && postVersion != null;
        }
    }

    /** Handing the assignment back to the org specialist, to be sent to another department: the post and the reason. */
    record HandBackForm(
            Long postId,
            Long assignmentId,
            Long postVersion,

            @NotBlank(message = HAND_BACK) @Size(max = MAX_COMMENT, message = HAND_BACK)
            String reason) {

        boolean complete() {
            return postId != null && assignmentId != null && postVersion != null;
        }
    }

    private static final String HAND_BACK = "deadlines.escalations.error.handBack";

    @PostMapping("/escalations/{id}/comment")
    String comment(
            @PathVariable long id,
            @RequestParam(required = false) Long version,
            @Valid @ModelAttribute CommentForm form,
            BindingResult result,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        requireMayAct(id, actor);
        if (result.hasErrors()) {
            return problem(actor, COMMENT, HttpStatus.BAD_REQUEST, model, response);
        }
        escalations.comment(id, stale(version), form.text(), actor.id());
        redirect.addFlashAttribute("message", "deadlines.escalations.commented");
        return "redirect:/escalations";
    }

    @PostMapping("/escalations/{id}/close")
    String close(
            @PathVariable long id,
            @RequestParam(required = false) Long version,
            Actor actor,
            RedirectAttributes redirect) {
        requireMayAct(id, actor);
        escalations.close(id, stale(version), actor.id());
        redirect.addFlashAttribute("message", "deadlines.escalations.closed");
        return "redirect:/escalations";
    }

    /** Hands the assignment to another executor of its department (posts checks the deputy curates it) and closes. */
    @PostMapping("/escalations/{id}/reassign")
    String reassign(
            @PathVariable long id,
            @RequestParam(required = false) Long version,
            @Valid @ModelAttribute ReassignForm form,
            BindingResult result,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        requireMayAct(id, actor);
        if (result.hasFieldErrors("executorId")) {
            return problem(actor, "deadlines.escalations.error.executor", HttpStatus.BAD_REQUEST, model, response);
        }
        if (result.hasFieldErrors("comment")) {
            return problem(actor, COMMENT, HttpStatus.BAD_REQUEST, model, response);
        }
        if (result.hasErrors() || !form.complete()) {
            throw new StaleEditException(); // the page named no post, assignment or version, or a forged one
        }
        long escalationVersion = stale(version);
        transactions.executeWithoutResult(status -> {
            escalations.requireCurrent(id, escalationVersion);
            // the reassignment closes the escalation, with the comment, on the post's timeline too
            posts.reassign(
                    form.postId(), form.assignmentId(), form.postVersion(), form.executorId(), form.comment(), actor);
        });
        redirect.addFlashAttribute("message", "deadlines.escalations.reassigned");
        return "redirect:/escalations";
    }

    /**
     * «Передать в другое подразделение»: the assignment goes back to the org specialist with the deputy's reason, and
     * the specialist sends it to another department (п.14: routing is theirs, with its REROUTE clock); the escalation
     * closes by itself.
     */
    @PostMapping("/escalations/{id}/hand-back")
    String handBack(
            @PathVariable long id,
            @RequestParam(required = false) Long version,
            @Valid @ModelAttribute HandBackForm form,
            BindingResult result,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        requireMayAct(id, actor);
        if (result.hasFieldErrors("reason")) {
            return problem(actor, HAND_BACK, HttpStatus.BAD_REQUEST, model, response);
        }
        if (result.hasErrors() || !form.complete()) {
            throw new StaleEditException();
        }
        long escalationVersion = stale(version);
        transactions.executeWithoutResult(status -> {
            escalations.requireCurrent(id, escalationVersion);
            posts.handBack(form.postId(), form.assignmentId(), form.postVersion(), form.reason(), actor);
        });
        redirect.addFlashAttribute("message", "deadlines.escalations.handedBack");
        return "redirect:/escalations";
    }

    /** The escalation or the post changed since the page was shown (or the form named no version). */
    @ExceptionHandler({StaleEditException.class, ObjectOptimisticLockingFailureException.class})
    String stale(Actor actor, Model model, HttpServletResponse response) {
        return problem(actor, "deadlines.stale", HttpStatus.CONFLICT, model, response);
    }

    @ExceptionHandler(InvalidRouting.class)
    String invalidExecutor(Actor actor, Model model, HttpServletResponse response) {
        return problem(actor, "deadlines.escalations.error.executor", HttpStatus.BAD_REQUEST, model, response);
    }

    /**
     * The post's state no longer allows the reassignment: «not now» is said in the escalation's own words, any other
     * refusal says what to change.
     */
    @ExceptionHandler
    String forbidden(ForbiddenTransition ex, Actor actor, Model model, HttpServletResponse response) {
        if (ForbiddenTransition.NOT_NOW.equals(ex.messageKey())) {
            return problem(actor, "deadlines.escalations.error.forbidden", HttpStatus.CONFLICT, model, response);
        }
        model.addAttribute(
                "warningText", messages.getMessage(ex.messageKey(), ex.args(), LocaleContextHolder.getLocale()));
        return problem(actor, null, HttpStatus.CONFLICT, model, response);
    }

    /** The post is out of the deputy's sight. */
    @ExceptionHandler
    String notFound(NotFoundException ex, Actor actor, Model model, HttpServletResponse response) {
        return problem(actor, "deadlines.escalations.error.forbidden", HttpStatus.CONFLICT, model, response);
    }

    private static long stale(Long version) {
        if (version == null) {
            throw new StaleEditException();
        }
        return version;
    }

    /**
     * An escalation out of the person's sight answers 404 like any record they may not see; it is not a
     * {@link NotFoundException}, which here means the post (see {@link #forbidden}).
     */
    private void requireMayAct(long id, Actor actor) {
        if (!escalations.mayAct(id, actor, seesAll(actor))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private String problem(Actor actor, String warning, HttpStatus status, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("warning", warning);
        return page(actor, model);
    }

    private boolean seesAll(Actor actor) {
        // the coordinator, or the deputy standing in for the absent coordinator today (п.3)
        boolean coordinator =
                people.coordinator().map(c -> actor.actsFor(c.id())).orElse(false);
        return Escalations.seesAll(actor, coordinator);
    }
}
