package ru.otklik.people.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.otklik.audit.AuditAction;
import ru.otklik.audit.AuditLog;
import ru.otklik.people.CurrentUser;
import ru.otklik.people.DepartmentSummary;
import ru.otklik.people.NotFoundException;
import ru.otklik.people.PeopleLookup;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.PersonSummary;
import ru.otklik.people.Role;
import ru.otklik.people.StaleEditException;

/**
 * The department head's own lists (Приказ п.2.3, п.5), kept without the admin: the department's responsible
 * executors and, by subject (направление деятельности), who answers posts on it. A head edits only the departments
 * they head; their staff's absences and substitutes are on the absences page.
 */
@Controller
class DepartmentStaffController {

    private static final String LIST_VIEW = "people/staff";
    private static final String VIEW = "people/staff-department";

    /** The executors form: the department's version as the page showed it and the chosen people. */
    record ExecutorsForm(Long version, List<Long> executorIds) {}

    /** A subject's form: its version as the page showed it (none for a new one), name and responsible executors. */
    record SubjectForm(Long version, String name, List<Long> executorIds) {}

    private final PeopleLookup lookup;
    private final PeopleManagement people;
    private final AuditLog audit;

    DepartmentStaffController(PeopleLookup lookup, PeopleManagement people, AuditLog audit) {
        this.lookup = lookup;
        this.people = people;
        this.audit = audit;
    }

    /** The departments this head heads; with one, straight to it. */
    @GetMapping("/staff")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<DepartmentSummary> own = headed(user);
        if (own.size() == 1) {
            return "redirect:/staff/" + own.get(0).id();
        }
        model.addAttribute("departments", own);
        return LIST_VIEW;
    }

    @GetMapping("/staff/{departmentId}")
    String page(@PathVariable long departmentId, @AuthenticationPrincipal CurrentUser user, Model model) {
        DepartmentSummary department = own(departmentId, user);
        model.addAttribute("department", department);
        model.addAttribute("version", people.departmentVersion(departmentId));
        model.addAttribute("subjects", lookup.subjects(departmentId));
        model.addAttribute("candidates", lookup.enabledWithRole(Role.EXECUTOR));
        model.addAttribute(
                "memberIds",
                department.executors().stream().map(PersonSummary::id).collect(Collectors.toSet()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        return VIEW;
    }

    @PostMapping("/staff/{departmentId}/executors")
    String saveExecutors(
            @PathVariable long departmentId,
            @ModelAttribute ExecutorsForm form,
            BindingResult unconverted,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        DepartmentSummary department = own(departmentId, user);
        if (unconverted.hasErrors() || form.version() == null) {
            return refused(departmentId, user, "staff.error.input", HttpStatus.BAD_REQUEST, model, response);
        }
        Set<Long> ids = ids(form.executorIds());
        Optional<String> refusal;
        try {
            refusal = people.saveExecutors(departmentId, form.version(), ids);
        } catch (StaleEditException | ObjectOptimisticLockingFailureException ex) {
            return refused(departmentId, user, "staff.error.stale", HttpStatus.CONFLICT, model, response);
        }
        if (refusal.isPresent()) {
            return refused(departmentId, user, refusal.get(), HttpStatus.BAD_REQUEST, model, response);
        }
        audit.record(
                AuditAction.DEPARTMENT_STAFF_CHANGED,
                department.name(),
                "исполнители: "
                        + logins(lookup.department(departmentId).orElseThrow().executors()));
        redirect.addFlashAttribute("message", "staff.executors.saved");
        return "redirect:/staff/" + departmentId;
    }

    @PostMapping("/staff/{departmentId}/subjects")
    String addSubject(
            @PathVariable long departmentId,
            @ModelAttribute SubjectForm form,
            BindingResult unconverted,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        DepartmentSummary department = own(departmentId, user);
        Optional<String> refusal;
        try {
            refusal = people.addSubject(departmentId, form.name());
        } catch (ObjectOptimisticLockingFailureException | org.springframework.dao.DataIntegrityViolationException ex) {
            // someone added the same subject at the same moment
            return refused(departmentId, user, "staff.error.subjectTaken", HttpStatus.CONFLICT, model, response);
        }
        if (refusal.isPresent()) {
            return refused(departmentId, user, refusal.get(), HttpStatus.BAD_REQUEST, model, response);
        }
        audit.record(
                AuditAction.DEPARTMENT_SUBJECT_CHANGED,
                department.name(),
                "добавлено направление «" + form.name().strip() + "»");
        redirect.addFlashAttribute("message", "staff.subject.added");
        return "redirect:/staff/" + departmentId;
    }

    @PostMapping("/staff/{departmentId}/subjects/{subjectId}")
    String saveSubject(
            @PathVariable long departmentId,
            @PathVariable long subjectId,
            @ModelAttribute SubjectForm form,
            BindingResult unconverted,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        DepartmentSummary department = own(departmentId, user);
        if (unconverted.hasErrors() || form.version() == null) {
            return refused(departmentId, user, "staff.error.input", HttpStatus.BAD_REQUEST, model, response);
        }
        Optional<String> refusal;
        try {
            refusal = people.saveSubject(departmentId, subjectId, form.version(), form.name(), ids(form.executorIds()));
        } catch (StaleEditException
                | ObjectOptimisticLockingFailureException
                | org.springframework.dao.DataIntegrityViolationException ex) {
            return refused(departmentId, user, "staff.error.stale", HttpStatus.CONFLICT, model, response);
        }
        if (refusal.isPresent()) {
            return refused(departmentId, user, refusal.get(), HttpStatus.BAD_REQUEST, model, response);
        }
        audit.record(
                AuditAction.DEPARTMENT_SUBJECT_CHANGED,
                department.name(),
                "направление «" + form.name().strip() + "»: "
                        + lookup.subjects(departmentId).stream()
                                .filter(s -> s.id() == subjectId)
                                .map(s -> logins(s.executors()))
                                .findFirst()
                                .orElse("—"));
        redirect.addFlashAttribute("message", "staff.subject.saved");
        return "redirect:/staff/" + departmentId;
    }

    @PostMapping("/staff/{departmentId}/subjects/{subjectId}/delete")
    String deleteSubject(
            @PathVariable long departmentId,
            @PathVariable long subjectId,
            @ModelAttribute SubjectForm form,
            BindingResult unconverted,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        DepartmentSummary department = own(departmentId, user);
        if (unconverted.hasErrors() || form.version() == null) {
            return refused(departmentId, user, "staff.error.input", HttpStatus.BAD_REQUEST, model, response);
        }
        String name;
        try {
            name = people.deleteSubject(departmentId, subjectId, form.version());
        } catch (StaleEditException | ObjectOptimisticLockingFailureException ex) {
            return refused(departmentId, user, "staff.error.stale", HttpStatus.CONFLICT, model, response);
        }
        audit.record(AuditAction.DEPARTMENT_SUBJECT_CHANGED, department.name(), "удалено направление «" + name + "»");
        redirect.addFlashAttribute("message", "staff.subject.deleted");
        return "redirect:/staff/" + departmentId;
    }

    private String refused(
            long departmentId,
            CurrentUser user,
            String error,
            HttpStatus status,
            Model model,
            HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("errors", List.of(error));
        return page(departmentId, user, model);
    }

    /** The department, if this person heads it; another department is refused (403), an unknown one is 404. */
    private DepartmentSummary own(long departmentId, CurrentUser user) {
        DepartmentSummary department = lookup.department(departmentId).orElseThrow(NotFoundException::new);
        if (department.head() == null || department.head().id() != user.id() || !user.hasRole(Role.DEPT_HEAD)) {
            throw new AccessDeniedException("not the head of department " + departmentId);
        }
        return department;
    }

    private List<DepartmentSummary> headed(CurrentUser user) {
        return lookup.departments().stream()
                .filter(d -> d.head() != null && d.head().id() == user.id())
                .toList();
    }

    private static Set<Long> ids(List<Long> ids) {
        Set<Long> result = new HashSet<>();
        if (ids != null) {
            ids.stream().filter(java.util.Objects::nonNull).forEach(result::add);
        }
        return result;
    }

    private static String logins(List<PersonSummary> people) {
        return people.stream().map(PersonSummary::login).sorted().toList().toString();
    }
}
