package ru.otklik.people.web;

import jakarta.validation.Valid;
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
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;

/**
 * Admin pages for structural departments: name, head, curating deputy minister, executors.
 */
@Controller
@RequestMapping("/admin/departments")
class DepartmentAdminController {

    private static final String LIST_VIEW = "people/departments";
    private static final String FORM_VIEW = "people/department-form";

    private final Departments departments;
    private final Users users;
    private final PeopleManagement people;
    private final AuditLog audit;

    DepartmentAdminController(Departments departments, Users users, PeopleManagement people, AuditLog audit) {
        this.departments = departments;
        this.users = users;
        this.people = people;
        this.audit = audit;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("departments", departments.findAllByName());
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String newDepartment(Model model) {
        model.addAttribute("form", DepartmentForm.empty());
        return form(model, null);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") DepartmentForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return save(null, form, result, model, redirect);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Department department = departments.findById(id).orElseThrow(NotFoundException::new);
        model.addAttribute("form", DepartmentForm.of(department));
        return form(model, id);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") DepartmentForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return save(id, form, result, model, redirect);
    }

    private static String login(User user) {
        return user == null ? "—" : user.getLogin();
    }

    private String save(Long id, DepartmentForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            UserAdminController.keepForm(form, model, DepartmentForm.empty());
            return form(model, id);
        }
        try {
            Department saved = people.saveDepartment(id, form, result).orElse(null);
            if (saved == null) {
                return form(model, id);
            }
            audit.record(
                    id == null ? AuditAction.DEPARTMENT_CREATED : AuditAction.DEPARTMENT_CHANGED,
                    saved.getName(),
                    "руководитель: " + login(saved.getHead()) + "; куратор: " + login(saved.getCurator())
                            + "; исполнители: "
                            + saved.getExecutors().stream()
                                    .map(User::getLogin)
                                    .sorted()
                                    .toList());
        } catch (StaleEditException | ObjectOptimisticLockingFailureException ex) {
            result.reject("edit.stale");
            return form(model, id);
        }
        redirect.addFlashAttribute("message", "department.saved");
        return "redirect:/admin/departments";
    }

    private String form(Model model, Long id) {
        model.addAttribute("departmentId", id);
        model.addAttribute("heads", users.findEnabledWithRole(Role.DEPT_HEAD));
        model.addAttribute("deputies", users.findEnabledWithRole(Role.DEPUTY_MINISTER));
        model.addAttribute("executors", users.findEnabledWithRole(Role.EXECUTOR));
        return FORM_VIEW;
    }
}
