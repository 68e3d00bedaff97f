package ru.otklik.calendar.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import ru.otklik.calendar.DayOverride;
import ru.otklik.calendar.WorkingCalendar;
import ru.otklik.calendar.WorkingHours;

/**
 * A year of month grids for the calendar page: each day with its kind (colour) and hours.
 */
record YearView(
        int year, boolean loaded, String decree, List<MonthView> months, long workingDays, long workingMinutes) {

    /** How a day looks: the CSS class and the legend entry share this name. */
    enum Look {
        WORKING,
        WEEKEND,
        HOLIDAY,
        SHORTENED,
        TRANSFERRED,
        CUSTOM
    }

    record DayView(LocalDate date, Look look, WorkingHours hours) {
        public boolean working() {
            return hours != null;
        }
    }

    record MonthView(Month month, List<List<DayView>> weeks, long workingDays) {}

    static YearView of(int year, WorkingCalendar calendar, List<DayOverride> overrides, String decree) {
        Map<LocalDate, DayOverride> byDate = overrides.stream()
                .filter(o -> o.date().getYear() == year)
                .collect(Collectors.toMap(DayOverride::date, Function.identity()));
        List<MonthView> months = new ArrayList<>();
        long yearDays = 0;
        for (Month month : Month.values()) {
            YearMonth ym = YearMonth.of(year, month);
            List<List<DayView>> weeks = new ArrayList<>();
            List<DayView> week = new ArrayList<>();
            for (int i = 1; i < ym.atDay(1).getDayOfWeek().getValue(); i++) {
                week.add(null);
            }
            long monthDays = 0;
            for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                LocalDate date = ym.atDay(d);
                WorkingHours hours = calendar.hoursOn(date);
                if (hours != null) {
                    monthDays++;
                }
                week.add(new DayView(date, look(date, hours, byDate.get(date)), hours));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(null);
                }
                weeks.add(week);
            }
            yearDays += monthDays;
            months.add(new MonthView(month, weeks, monthDays));
        }
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(calendar.zone()).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(calendar.zone()).toInstant();
        return new YearView(
                year, calendar.isYearLoaded(year), decree, months, yearDays, calendar.workingMinutes(from, to));
    }

    private static Look look(LocalDate date, WorkingHours hours, DayOverride override) {
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (hours == null) {
            return weekend ? Look.WEEKEND : Look.HOLIDAY;
        }
        if (override == null) {
            return Look.WORKING;
        }
        return switch (override.kind()) {
            case SHORTENED -> Look.SHORTENED;
            case CUSTOM -> Look.CUSTOM;
            case WORKING -> weekend ? Look.TRANSFERRED : Look.WORKING;
            case DAY_OFF -> Look.HOLIDAY;
        };
    }

    /** Working hours of the year, e.g. 1973.4. */
    public double workingHours() {
        return workingMinutes / 60.0;
    }
}
