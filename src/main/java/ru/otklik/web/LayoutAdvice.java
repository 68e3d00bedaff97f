package ru.otklik.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import ru.otklik.calendar.MinistryTime;

/**
 * What every page's header needs: the Ministry's local time (Asia/Novokuznetsk), kept ticking by a small script.
 */
@ControllerAdvice
class LayoutAdvice {

    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter RESUMES =
            DateTimeFormatter.ofPattern("EE HH:mm", java.util.Locale.forLanguageTag("ru"));

    private final Clock clock;
    private final ru.otklik.calendar.WorkingTime workingTime;

    LayoutAdvice(Clock clock, ru.otklik.calendar.WorkingTime workingTime) {
        this.clock = clock;
        this.workingTime = workingTime;
    }

    /**
     * Outside office hours: when working-time deadlines start counting again («пн 08:30», or «12:48» when that is
     * later today), for the banner that tells a person why every working clock stands still; {@code null} during
     * working time.
     */
    @ModelAttribute("officeResumes")
    String officeResumes() {
        java.time.Instant now = clock.instant();
        ru.otklik.calendar.WorkingCalendar calendar = workingTime.current();
        if (calendar.isWorkingTime(now)) {
            return null;
        }
        java.time.ZonedDateTime resumes = calendar.nextWorkingInstant(now).atZone(MinistryTime.ZONE);
        return (resumesToday(resumes, now) ? TODAY : RESUMES).format(resumes);
    }

    /** Whether the banner's time is later today. */
    @ModelAttribute("officeResumesToday")
    boolean officeResumesToday() {
        java.time.Instant now = clock.instant();
        return resumesToday(workingTime.current().nextWorkingInstant(now).atZone(MinistryTime.ZONE), now);
    }

    private static boolean resumesToday(java.time.ZonedDateTime resumes, java.time.Instant now) {
        return resumes.toLocalDate().equals(now.atZone(MinistryTime.ZONE).toLocalDate());
    }

    /** The address of the page, so the menu can mark where the person is ({@code aria-current="page"}). */
    @ModelAttribute("currentPath")
    String currentPath(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.isEmpty() ? "/" : path;
    }

    @ModelAttribute("nowEpochMillis")
    long nowEpochMillis() {
        return clock.millis();
    }
}
