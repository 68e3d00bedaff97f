package ru.otklik.calendar.web;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.calendar.WorkingCalendar;
import ru.otklik.calendar.WorkingTime;
import ru.otklik.calendar.store.CalendarStore;

/**
 * The production calendar for everyone: a year of month grids with days off, shortened and transferred days.
 */
@Controller
class CalendarPageController {

    static final String VIEW = "calendar/year";
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    private final WorkingTime workingTime;
    private final CalendarStore store;
    private final Clock clock;

    CalendarPageController(WorkingTime workingTime, CalendarStore store, Clock clock) {
        this.workingTime = workingTime;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/calendar")
    String year(@RequestParam(required = false) String year, Model model) {
        int thisYear = LocalDate.now(clock.withZone(MinistryTime.ZONE)).getYear();
        int shown = parseYear(year, thisYear);
        if (year != null && shown != safeParse(year)) {
            model.addAttribute("warning", "calendar.year.invalid");
        }
        WorkingCalendar calendar = workingTime.current();
        model.addAttribute(
                "view",
                YearView.of(
                        shown, calendar, store.overrides(), store.loadedYears().get(shown)));
        model.addAttribute("fallbackYears", calendar.fallbackYearsBetween(thisYear, thisYear + 1));
        model.addAttribute("weekly", store.weeklySchedule());
        return VIEW;
    }

    static int parseYear(String year, int fallback) {
        int parsed = safeParse(year);
        return parsed >= MIN_YEAR && parsed <= MAX_YEAR ? parsed : fallback;
    }

    private static int safeParse(String value) {
        try {
            return value == null ? -1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException ex) {
            return -1;
        }
    }
}
