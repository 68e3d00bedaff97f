package ru.otklik.deadlines.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.otklik.deadlines.Clocks;
import ru.otklik.deadlines.internal.Legislation;
import ru.otklik.people.CurrentUser;
import ru.otklik.people.NotFoundException;
import ru.otklik.people.Role;
import ru.otklik.posts.PostFields;

/**
 * «Изменения законодательства» (п.20): department heads record notices, org staff see and acknowledge them.
 */
@Controller
class LegislationController {

    private static final String VIEW = "deadlines/legislation";

    private final Legislation legislation;
    private final Clocks clocks;

    LegislationController(Legislation legislation, Clocks clocks) {
        this.legislation = legislation;
        this.clocks = clocks;
    }

    @GetMapping("/legislation")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        requireAllowed(user);
        model.addAttribute("notices", legislation.all(user.id()));
        model.addAttribute("noticeClocks", clocks.ofNotices());
        model.addAttribute("mayRecord", user.hasRole(Role.DEPT_HEAD));
        model.addAttribute("mayAcknowledge", user.hasAnyRole(Role.ORG_STAFF));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        return VIEW;
    }

    /** A notice of a change in the law as its form sends it. */
    record NoticeForm(
            String title, @DateTimeFormat(iso = ISO.DATE) LocalDate effectiveOn, String body, String link) {}

    @PostMapping("/legislation")
    String record(
            @ModelAttribute NoticeForm form,
            BindingResult unconverted,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!user.hasRole(Role.DEPT_HEAD)) {
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
        LocalDate date = form.effectiveOn();
        if (date == null) {
            errors.add("deadlines.legislation.error.date");
        }
        String cleanBody = body == null || body.isBlank() ? null : body.strip();
        String cleanLink = link == null || link.isBlank() ? null : link.strip();
        if (cleanBody == null && cleanLink == null) {
            errors.add("deadlines.legislation.error.content");
        }
        if (cleanBody != null && cleanBody.length() > 10000) {
            errors.add("deadlines.legislation.error.body");
        }
        if (cleanLink != null && !validLink(cleanLink)) {
            errors.add("deadlines.legislation.error.link");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors);
            model.addAttribute("title", title);
            model.addAttribute(
                    "effectiveOn",
                    date != null
                            ? date.toString()
                            : unconverted.hasFieldErrors("effectiveOn")
                                    ? unconverted.getFieldError("effectiveOn").getRejectedValue()
                                    : null);
            model.addAttribute("body", body);
            model.addAttribute("link", link);
            return list(user, model);
        }
        legislation.record(user.id(), cleanTitle, date, cleanBody, cleanLink);
        redirect.addFlashAttribute("message", "deadlines.legislation.recorded");
        return "redirect:/legislation";
    }

    @PostMapping("/legislation/{id}/acknowledge")
    String acknowledge(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (!user.hasAnyRole(Role.ORG_STAFF) || !legislation.exists(id)) {
            throw new NotFoundException();
        }
        legislation.acknowledge(id, user.id());
        redirect.addFlashAttribute("message", "deadlines.legislation.acknowledged");
        return "redirect:/legislation";
    }

    private static void requireAllowed(CurrentUser user) {
        if (!user.hasAnyRole(Role.REPORT_READERS)) {
            throw new NotFoundException();
        }
    }

    private static boolean validLink(String link) {
        return link.length() <= PostFields.URL_MAX && PostFields.isLink(link);
    }
}
