package ru.otklik.calendar.web;

import java.security.Principal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.otklik.audit.AuditAction;
import ru.otklik.audit.AuditLog;
import ru.otklik.calendar.DayKind;
import ru.otklik.calendar.DayOverride;
import ru.otklik.calendar.WorkingHours;
import ru.otklik.calendar.WorkingTime;
import ru.otklik.calendar.store.CalendarStore;

/**
 * The admin edits the calendar: one date at a time, the weekly office hours, and which years are loaded.
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminController {

    private static final String DAY_VIEW = "calendar/day-form";
    private static final String HOURS_VIEW = "calendar/hours-form";
    private static final Set<String> KINDS = Set.of("DEFAULT", "DAY_OFF", "WORKING", "SHORTENED", "CUSTOM");

    private final WorkingTime workingTime;
    private final CalendarStore store;
    private final AuditLog audit;

    CalendarAdminController(WorkingTime workingTime, CalendarStore store, AuditLog audit) {
        this.workingTime = workingTime;
        this.store = store;
        this.audit = audit;
    }

    @GetMapping("/day/{date}")
    String day(@PathVariable("date") @DateTimeFormat(iso = ISO.DATE) LocalDate date, Model model) {
        LocalDate day = inCalendar(date);
        DayForm form = store.override(day)
                .map(o -> new DayForm(o.kind().name(), o.start(), o.end(), o.lunchStart(), o.lunchEnd()))
                .orElse(new DayForm("DEFAULT", null, null, null, null));
        model.addAttribute("form", form);
        return dayView(day, model);
    }

    @PostMapping("/day/{date}")
    String saveDay(
            @PathVariable("date") @DateTimeFormat(iso = ISO.DATE) LocalDate date,
            @ModelAttribute("form") DayForm form,
            BindingResult result,
            Model model,
            Principal admin,
            RedirectAttributes redirect) {
        LocalDate day = inCalendar(date);
        if (result.hasErrors()) {
            return dayView(day, model);
        }
        if (form.getKind() == null || !KINDS.contains(form.getKind())) {
            result.rejectValue("kind", "calendar.day.kind.required");
            return dayView(day, model);
        }
        if ("DEFAULT".equals(form.getKind())) {
            workingTime.resetDay(day, admin.getName());
        } else {
            DayKind kind = DayKind.valueOf(form.getKind());
            if (kind == DayKind.CUSTOM && !customHoursValid(form, result)) {
                return dayView(day, model);
            }
            workingTime.changeDay(
                    kind == DayKind.CUSTOM
                            ? DayOverride.custom(
                                    day, form.getStart(), form.getEnd(), form.getLunchStart(), form.getLunchEnd())
                            : new DayOverride(day, kind, null, null, null, null),
                    admin.getName());
        }
        audit.record(
                AuditAction.CALENDAR_DAY_CHANGED,
                day.toString(),
                form.getKind() + ("CUSTOM".equals(form.getKind()) ? " " + form.getStart() + "–" + form.getEnd() : ""));
        redirect.addFlashAttribute("message", "calendar.saved");
        return "redirect:/calendar?year=" + day.getYear();
    }

    @GetMapping("/hours")
    String hours(Model model) {
        model.addAttribute("form", HoursForm.of(store.weeklySchedule()));
        return hoursView(model);
    }

    @PostMapping("/hours")
    String saveHours(
            @ModelAttribute("form") HoursForm form,
            BindingResult result,
            Model model,
            Principal admin,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return hoursView(model);
        }
        List<HoursForm.Row> rows = form.getDays();
        if (rows.size() != 7) {
            result.reject("calendar.hours.incomplete");
            return hoursView(model);
        }
        WorkingHours[] hours = new WorkingHours[7];
        for (int i = 0; i < 7; i++) {
            HoursForm.Row row = rows.get(i);
            String field = "days[" + i + "]";
            if (row.isWorking() && (row.getStart() == null || row.getEnd() == null)) {
                result.rejectValue(field + ".start", "calendar.hours.required");
                continue;
            }
            try {
                hours[i] = HoursForm.hours(row);
            } catch (IllegalArgumentException ex) {
                result.rejectValue(field + ".start", "calendar.hours.order");
            }
        }
        if (result.hasErrors()) {
            return hoursView(model);
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            workingTime.changeWeeklyHours(day, hours[day.ordinal()], admin.getName());
        }
        StringBuilder week = new StringBuilder();
        for (DayOfWeek day : DayOfWeek.values()) {
            WorkingHours h = hours[day.ordinal()];
            week.append(day).append(": ").append(h == null ? "—" : h).append("; ");
        }
        audit.record(
                AuditAction.CALENDAR_HOURS_CHANGED, "неделя", week.toString().strip());
        redirect.addFlashAttribute("message", "calendar.hours.saved");
        return "redirect:/calendar";
    }

    @PostMapping("/year/{year}/loaded")
    String markLoaded(
            @PathVariable String year,
            @RequestParam(defaultValue = "") String decree,
            Principal admin,
            RedirectAttributes redirect) {
        int parsed = CalendarPageController.parseYear(year, -1);
        if (parsed < 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (decree.isBlank() || decree.length() > 200) {
            redirect.addFlashAttribute("warning", "calendar.year.decree.required");
            return "redirect:/calendar?year=" + parsed;
        }
        workingTime.markYearLoaded(parsed, decree.strip(), admin.getName());
        audit.record(AuditAction.CALENDAR_YEAR_LOADED, String.valueOf(parsed), decree.strip());
        redirect.addFlashAttribute("message", "calendar.year.loaded.saved");
        return "redirect:/calendar?year=" + parsed;
    }

    private static boolean customHoursValid(DayForm form, BindingResult result) {
        if (form.getStart() == null || form.getEnd() == null) {
            result.rejectValue("start", "calendar.hours.required");
            return false;
        }
        try {
            new WorkingHours(form.getStart(), form.getEnd(), form.getLunchStart(), form.getLunchEnd());
            return true;
        } catch (IllegalArgumentException ex) {
            result.rejectValue("start", "calendar.hours.order");
            return false;
        }
    }

    private String dayView(LocalDate day, Model model) {
        model.addAttribute("day", day);
        model.addAttribute(
                "weekdayHours", store.weeklySchedule().hours(day.getDayOfWeek()).orElse(null));
        return DAY_VIEW;
    }

    private String hoursView(Model model) {
        model.addAttribute("weekdays", DayOfWeek.values());
        return HOURS_VIEW;
    }

    /** A day of the years the calendar keeps; any other names no page (404), like a date that is none. */
    private static LocalDate inCalendar(LocalDate day) {
        if (day.getYear() < CalendarPageController.MIN_YEAR || day.getYear() > CalendarPageController.MAX_YEAR) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return day;
    }
}
