package ru.otklik.people.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import ru.otklik.calendar.MinistryTime;
import ru.otklik.people.AbsenceKind;
import ru.otklik.people.CurrentUser;
import ru.otklik.people.NotFoundException;
import ru.otklik.people.Role;
import ru.otklik.people.Substitutes;
import ru.otklik.people.internal.Absence;
import ru.otklik.people.internal.Absences;
import ru.otklik.people.internal.Department;
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;

/**
 * Absences and substitutes (п.3, Приказ п.5): the admin records them for everyone, a department head for the people
 * of the departments they head (the head and the executors).
 */
@Controller
class AbsenceController {

    private static final String VIEW = "people/absences";

    record Row(
            long id,
            String person,
            LocalDate startsOn,
            LocalDate endsOn,
            AbsenceKind kind,
            String substitute,
            boolean current) {}

    private final Absences absences;
    private final Users users;
    private final Departments departments;
    private final Clock clock;
    private final AuditLog audit;
    private final Substitutes substitutes;

    AbsenceController(
            Absences absences,
            Users users,
            Departments departments,
            Clock clock,
            AuditLog audit,
            Substitutes substitutes) {
        this.absences = absences;
        this.substitutes = substitutes;
        this.users = users;
        this.departments = departments;
        this.clock = clock;
        this.audit = audit;
    }

    @GetMapping("/absences")
    @Transactional(readOnly = true)
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        LocalDate today = MinistryTime.date(clock.instant());
        Map<Long, User> people = manageable(user);
        Map<Long, String> names = new LinkedHashMap<>();
        users.findAll().forEach(u -> names.put(u.getId(), u.getFullName()));
        model.addAttribute(
                "rows",
                absences.endingOnOrAfter(today.minusDays(30)).stream()
                        .filter(a -> people.containsKey(a.getUserId()))
                        .map(a -> new Row(
                                a.getId(),
                                names.get(a.getUserId()),
                                a.getStartsOn(),
                                a.getEndsOn(),
                                a.getKind(),
                                names.get(a.getSubstituteId()),
                                a.covers(today)))
                        .toList());
        model.addAttribute("people", people.values());
        model.addAttribute(
                "substitutes",
                users.findAllByName().stream().filter(User::isEnabled).toList());
        model.addAttribute("kinds", AbsenceKind.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        return VIEW;
    }

    /** An absence as its form sends it; a value that does not convert is left empty and reported as missing. */
    record AbsenceForm(
            Long userId,
            @DateTimeFormat(iso = ISO.DATE) LocalDate startsOn,
            @DateTimeFormat(iso = ISO.DATE) LocalDate endsOn,
            AbsenceKind kind,
            Long substituteId) {}

    @PostMapping("/absences")
    @Transactional
    String create(
            @ModelAttribute AbsenceForm form,
            BindingResult unconverted,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Long userId = form.userId();
        Long substituteId = form.substituteId();
        LocalDate from = form.startsOn();
        LocalDate to = form.endsOn();
        AbsenceKind absenceKind = form.kind();
        List<String> errors = new ArrayList<>();
        if (userId == null || !manageable(user).containsKey(userId)) {
            errors.add("absences.error.person");
        }
        if (from == null || to == null) {
            errors.add("absences.error.dates");
        } else if (to.isBefore(from)) {
            errors.add("absences.error.order");
        }
        if (absenceKind == null) {
            errors.add("absences.error.kind");
        }
        if (substituteId == null
                || users.findById(substituteId).filter(User::isEnabled).isEmpty()) {
            errors.add("absences.error.substitute");
        } else if (substituteId.equals(userId)) {
            errors.add("absences.error.self");
        } else if (errors.isEmpty()) {
            // the substitute must be able to do the absent person's job, and no circle of substitutes (SPEC §1)
            substitutes.refusal(userId, substituteId, from, to).ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors);
            return list(user, model);
        }
        absences.save(new Absence(userId, from, to, absenceKind, substituteId, user.id()));
        audit.record(
                AuditAction.ABSENCE_CREATED,
                loginOf(userId),
                absenceKind + " " + from + " — " + to + "; заместитель: " + loginOf(substituteId));
        redirect.addFlashAttribute("message", "absences.saved");
        return "redirect:/absences";
    }

    @PostMapping("/absences/{id}/delete")
    @Transactional
    String delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        Absence absence = absences.findById(id)
                .filter(a -> manageable(user).containsKey(a.getUserId()))
                .orElseThrow(NotFoundException::new);
        absences.delete(absence);
        audit.record(
                AuditAction.ABSENCE_DELETED,
                loginOf(absence.getUserId()),
                absence.getKind() + " " + absence.getStartsOn() + " — " + absence.getEndsOn());
        redirect.addFlashAttribute("message", "absences.deleted");
        return "redirect:/absences";
    }

    private String loginOf(long userId) {
        return users.findById(userId).map(User::getLogin).orElse("#" + userId);
    }

    /** The people this person may record absences for, by id, in name order. */
    private Map<Long, User> manageable(CurrentUser user) {
        Map<Long, User> result = new LinkedHashMap<>();
        if (user.hasRole(Role.ADMIN)) {
            users.findAllByName().forEach(u -> result.put(u.getId(), u));
            return result;
        }
        if (user.hasRole(Role.DEPT_HEAD)) {
            List<User> people = new ArrayList<>();
            for (Department d : departments.findAll()) {
                if (d.getHead() != null && d.getHead().getId() == user.id()) {
                    people.add(d.getHead());
                    people.addAll(d.getExecutors());
                }
            }
            people.stream().sorted(Comparator.comparing(User::getFullName)).forEach(u -> result.put(u.getId(), u));
        }
        return result;
    }
}
