package ru.otklik.people.web;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.otklik.audit.AuditAction;
import ru.otklik.audit.AuditLog;
import ru.otklik.people.NotFoundException;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.Role;
import ru.otklik.people.StaleEditException;
import ru.otklik.people.internal.Department;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;

/**
 * Admin pages for people: list, create, edit, disable, set a password.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private static final String LIST_VIEW = "people/users";
    private static final String FORM_VIEW = "people/user-form";

    private final Users users;
    private final PeopleManagement people;
    private final AuditLog audit;

    UserAdminController(Users users, PeopleManagement people, AuditLog audit) {
        this.users = users;
        this.people = people;
        this.audit = audit;
    }

    @ModelAttribute("allRoles")
    List<Role> allRoles() {
        return List.of(Role.values());
    }

    @ModelAttribute("departments")
    List<Department> departments() {
        return people.departmentsByName();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", users.findAllByName());
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String newUser(Model model) {
        model.addAttribute("form", UserForm.empty());
        return FORM_VIEW;
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") UserForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            keepForm(form, model, UserForm.empty());
            return FORM_VIEW;
        }
        return people.create(form, result)
                .map(user -> {
                    audit.record(AuditAction.USER_CREATED, user.getLogin(), describe(user));
                    redirect.addFlashAttribute("message", "people.saved");
                    return "redirect:/admin/users";
                })
                .orElse(FORM_VIEW);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        User user = users.findById(id).orElseThrow(NotFoundException::new);
        model.addAttribute("user", user);
        model.addAttribute("form", UserForm.of(user, people.departmentOf(user.getId())));
        model.addAttribute("passwordForm", new PasswordForm(""));
        return FORM_VIEW;
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") UserForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        User user = users.findById(id).orElseThrow(NotFoundException::new);
        model.addAttribute("user", user);
        model.addAttribute("passwordForm", new PasswordForm(""));
        if (result.hasErrors()) {
            keepForm(form, model, UserForm.of(user, people.departmentOf(user.getId())));
            return FORM_VIEW;
        }
        try {
            if (!people.update(id, form, result)) {
                return FORM_VIEW;
            }
        } catch (StaleEditException | ObjectOptimisticLockingFailureException ex) {
            result.reject("edit.stale");
            return FORM_VIEW;
        }
        audit.record(
                AuditAction.USER_CHANGED,
                user.getLogin(),
                describe(users.findById(id).orElseThrow()));
        redirect.addFlashAttribute("message", "people.saved");
        return "redirect:/admin/users";
    }

    @PostMapping("/{id}/password")
    String resetPassword(
            @PathVariable long id,
            @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        User user = users.findById(id).orElseThrow(NotFoundException::new);
        if (!people.resetPassword(id, form.password(), result)) {
            model.addAttribute("user", user);
            model.addAttribute("form", UserForm.of(user, people.departmentOf(user.getId())));
            return FORM_VIEW;
        }
        audit.record(AuditAction.PASSWORD_RESET, user.getLogin(), null);
        redirect.addFlashAttribute("message", "people.passwordChanged");
        return "redirect:/admin/users/" + id;
    }

    /** The person as the audit log shows them after a change. */
    private static String describe(User user) {
        return "ФИО: " + user.getFullName() + "; роли: " + user.getRoles() + "; активен: "
                + (user.isEnabled() ? "да" : "нет") + (user.isCoordinator() ? "; координатор" : "")
                + (user.getEmail() == null ? "" : "; почта: " + user.getEmail());
    }

    /** A form whose values could not even be converted (say, a forged version) is shown as it was opened. */
    static void keepForm(Object form, Model model, Object fallback) {
        if (form == null) {
            model.addAttribute("form", fallback);
        }
    }
}
