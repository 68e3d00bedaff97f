package ru.otklik.people.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.otklik.audit.AuditAction;
import ru.otklik.audit.AuditLog;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.PersonSummary;
import ru.otklik.people.Role;
import ru.otklik.people.StaleEditException;
import ru.otklik.people.internal.Users;

/**
 * The org head authorises which specialists of the org department route posts and post answers (Приказ п.2.2). An
 * unauthorised specialist still sees the inbox and the posts, but the route, return, refuse and post-answer actions
 * are hidden from them and refused on the server.
 */
@Controller
class OrgAuthorityController {

    private static final String VIEW = "people/org-authority";

    /** A specialist as the page lists them. */
    record Row(long id, String fullName, boolean enabled, boolean authorised, long version) {}

    /** The choice for one specialist, with their version as the page showed it. */
    record AuthorityForm(Long version, Boolean authorised) {}

    private final Users users;
    private final PeopleManagement people;
    private final AuditLog audit;

    OrgAuthorityController(Users users, PeopleManagement people, AuditLog audit) {
        this.users = users;
        this.people = people;
        this.audit = audit;
    }

    @GetMapping("/org-authority")
    @Transactional(readOnly = true)
    String page(Model model) {
        model.addAttribute(
                "rows",
                users.findAllByName().stream()
                        .filter(u -> u.hasRole(Role.ORG_SPECIALIST) && !u.hasRole(Role.ORG_HEAD))
                        .map(u ->
                                new Row(u.getId(), u.getFullName(), u.isEnabled(), u.isOrgAuthorised(), u.getVersion()))
                        .toList());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        return VIEW;
    }

    @PostMapping("/org-authority/{userId}")
    String change(
            @PathVariable long userId,
            @ModelAttribute AuthorityForm form,
            BindingResult unconverted,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (unconverted.hasErrors() || form.version() == null || form.authorised() == null) {
            return refused("orgAuthority.error.input", HttpStatus.BAD_REQUEST, model, response);
        }
        PersonSummary person;
        try {
            person = people.authoriseOrgWork(userId, form.version(), form.authorised());
        } catch (StaleEditException | ObjectOptimisticLockingFailureException ex) {
            return refused("orgAuthority.error.stale", HttpStatus.CONFLICT, model, response);
        }
        audit.record(
                AuditAction.ORG_AUTHORITY_CHANGED,
                person.login(),
                form.authorised() ? "уполномочен направлять и размещать ответы" : "полномочия сняты");
        redirect.addFlashAttribute("message", form.authorised() ? "orgAuthority.granted" : "orgAuthority.withdrawn");
        return "redirect:/org-authority";
    }

    private String refused(String error, HttpStatus status, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("errors", List.of(error));
        return page(model);
    }
}
