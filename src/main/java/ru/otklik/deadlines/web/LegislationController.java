package ru.otklik.deadlines.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.deadlines.Clocks;
import ru.otklik.deadlines.internal.Legislation;
import ru.otklik.people.CurrentUser;
import ru.otklik.people.DepartmentSummary;
import ru.otklik.people.NotFoundException;
import ru.otklik.people.PeopleLookup;
import ru.otklik.people.Role;
import ru.otklik.posts.PostFields;

/**
 * «Изменения законодательства» (п.20): a change is registered with the date of the amending act and the departments it
 * concerns (org staff, department heads); each concerned department's head records the notice of what changes for the
 * answers, which reaches the org specialists and the department's executors. Executors read the changes of their
 * departments.
 */
@Controller
class LegislationController {

    private static final String VIEW = "deadlines/legislation";
    static final int TEXT_MAX = 10000;

    private final Legislation legislation;
    private final Clocks clocks;
    private final PeopleLookup people;
    private final Clock clock;

    LegislationController(Legislation legislation, Clocks clocks, PeopleLookup people, Clock clock) {
        this.legislation = legislation;
        this.clocks = clocks;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/legislation")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        requireAllowed(user);
        List<Legislation.Change> changes = legislation.visibleTo(user.id(), !user.hasAnyRole(Role.REPORT_READERS));
        model.addAttribute("notices", changes);
        model.addAttribute(
                "noticeClocks",
                clocks.ofNotices(changes.stream().map(Legislation.Change::id).toList()));
        model.addAttribute("mayRecord", mayRegister(user));
        model.addAttribute("headed", people.ledBy(user.id()).headed());
        model.addAttribute("departments", mayRegister(user) ? people.departments() : List.of());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        if (!model.containsAttribute("chosen")) {
            model.addAttribute("chosen", List.of());
        }
        return VIEW;
    }

    /** A change in the law as its form sends it. */
    record NoticeForm(
            String title,
            @DateTimeFormat(iso = ISO.DATE) LocalDate actDate,
            @DateTimeFormat(iso = ISO.DATE) LocalDate effectiveOn,
            String body,
            String link,
            List<Long> departmentIds) {}

    @PostMapping("/legislation")
    String record(
            @ModelAttribute NoticeForm form,
            BindingResult unconverted,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!mayRegister(user)) {
            throw new NotFoundException();
        }
        String title = form.title();
        String body = form.body();
        String link = form.link();
        List<String> errors = new ArrayList<>();
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > 300) {
            errors.add("deadlines.legislation.error.title");
        }
        LocalDate date = form.actDate();
        if (date == null) {
            errors.add("deadlines.legislation.error.date");
        } else if (date.isAfter(MinistryTime.date(clock.instant()))) {
            errors.add("deadlines.legislation.error.future");
        }
        if (unconverted.hasFieldErrors("effectiveOn")) {
            errors.add("deadlines.legislation.error.effectiveOn");
        }
        if (unconverted.hasFieldErrors("departmentIds")) {
            errors.add("deadlines.legislation.error.departments");
        }
        String cleanBody = body == null || body.isBlank() ? null : body.strip();
        String cleanLink = link == null || link.isBlank() ? null : link.strip();
        if (cleanBody == null && cleanLink == null) {
            errors.add("deadlines.legislation.error.content");
        }
        if (cleanBody != null && cleanBody.length() > TEXT_MAX) {
            errors.add("deadlines.legislation.error.body");
        }
        if (cleanLink != null && !validLink(cleanLink)) {
            errors.add("deadlines.legislation.error.link");
        }
        Set<Long> known =
                people.departments().stream().map(DepartmentSummary::id).collect(Collectors.toSet());
        List<Long> chosen = form.departmentIds() == null
                ? List.of()
                : form.departmentIds().stream()
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList();
        if (!unconverted.hasFieldErrors("departmentIds") && (chosen.isEmpty() || !known.containsAll(chosen))) {
            errors.add("deadlines.legislation.error.departments");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors);
            model.addAttribute("title", title);
            model.addAttribute("actDate", rejected(unconverted, "actDate", date));
            model.addAttribute("effectiveOn", rejected(unconverted, "effectiveOn", form.effectiveOn()));
            model.addAttribute("body", body);
            model.addAttribute("link", link);
            model.addAttribute("chosen", chosen);
            return list(user, model);
        }
        legislation.register(user.id(), cleanTitle, date, form.effectiveOn(), cleanBody, cleanLink, chosen);
        redirect.addFlashAttribute("message", "deadlines.legislation.recorded");
        return "redirect:/legislation";
    }

    /** The head's notice for one of their departments: what changes for the answers. */
    @PostMapping("/legislation/{id}/departments/{departmentId}/notice")
    String notice(
            @PathVariable long id,
            @PathVariable long departmentId,
            @RequestParam(name = "text", required = false) String text,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        if (!user.hasRole(Role.DEPT_HEAD)
                || !legislation.exists(id)
                || !people.ledBy(user.id()).headed().contains(departmentId)) {
            throw new NotFoundException();
        }
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty() || clean.length() > TEXT_MAX) {
            redirect.addFlashAttribute("errors", List.of("deadlines.legislation.error.notice"));
            return "redirect:/legislation#notice-" + id;
        }
        Legislation.Outcome outcome = legislation.recordNotice(id, departmentId, user.id(), clean);
        if (outcome == Legislation.Outcome.NOT_CONCERNED) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute(
                "message",
                outcome == Legislation.Outcome.RECORDED
                        ? "deadlines.legislation.notified"
                        : "deadlines.legislation.alreadyNotified");
        return "redirect:/legislation#notice-" + id;
    }

    private static Object rejected(BindingResult unconverted, String field, LocalDate value) {
        if (value != null) {
            return value.toString();
        }
        return unconverted.hasFieldErrors(field)
                ? unconverted.getFieldError(field).getRejectedValue()
                : null;
    }

    private static boolean mayRegister(CurrentUser user) {
        return user.hasAnyRole(Role.ORG_STAFF) || user.hasRole(Role.DEPT_HEAD);
    }

    private static void requireAllowed(CurrentUser user) {
        if (!user.hasAnyRole(Role.LEGISLATION_READERS)) {
            throw new NotFoundException();
        }
    }

    private static boolean validLink(String link) {
        return link.length() <= PostFields.URL_MAX && PostFields.isLink(link);
    }
}
