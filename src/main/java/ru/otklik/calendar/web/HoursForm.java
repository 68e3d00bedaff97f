package ru.otklik.calendar.web;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import ru.otklik.calendar.WeeklySchedule;
import ru.otklik.calendar.WorkingHours;

/**
 * The admin's form for the weekly office hours: one row per weekday, Monday first.
 */
class HoursForm {

    private List<Row> days = new ArrayList<>();

    /** One weekday: whether it is a working day, and its hours. */
    public static class Row extends OfficeHoursFields {
        private boolean working;

        public boolean isWorking() {
            return working;
        }

        public void setWorking(boolean working) {
            this.working = working;
        }
    }

    static HoursForm of(WeeklySchedule schedule) {
        HoursForm form = new HoursForm();
        for (DayOfWeek day : DayOfWeek.values()) {
            Row row = new Row();
            schedule.hours(day).ifPresent(hours -> {
                row.working = true;
                row.setAll(hours.start(), hours.end(), hours.lunchStart(), hours.lunchEnd());
            });
            form.days.add(row);
        }
        return form;
    }

    public List<Row> getDays() {
        return days;
    }

    public void setDays(List<Row> days) {
        this.days = days;
    }

    /** The hours of a row, or {@code null} for a day off; throws IllegalArgumentException when inconsistent. */
    static WorkingHours hours(Row row) {
        if (!row.working) {
            return null;
        }
        return new WorkingHours(row.getStart(), row.getEnd(), row.getLunchStart(), row.getLunchEnd());
    }
}
