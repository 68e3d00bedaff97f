package ru.otklik.calendar.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

import ru.otklik.calendar.WeeklySchedule;
import ru.otklik.calendar.WorkingHours;

/**
 * The admin's form for the weekly office hours: one row per weekday, Monday first.
 */
class HoursForm {

    private List<Row> days = new ArrayList<>();

    public static class Row {
        private boolean working;
        @DateTimeFormat(pattern = "HH:mm")
        private LocalTime start;
        @DateTimeFormat(pattern = "HH:mm")
        private LocalTime end;
        @DateTimeFormat(pattern = "HH:mm")
        private LocalTime lunchStart;
        @DateTimeFormat(pattern = "HH:mm")
        private LocalTime lunchEnd;

        public boolean isWorking() {
            return working;
        }

        public void setWorking(boolean working) {
            this.working = working;
        }

        public LocalTime getStart() {
            return start;
        }

        public void setStart(LocalTime start) {
            this.start = start;
        }

        public LocalTime getEnd() {
            return end;
        }

        public void setEnd(LocalTime end) {
            this.end = end;
        }

        public LocalTime getLunchStart() {
            return lunchStart;
        }

        public void setLunchStart(LocalTime lunchStart) {
            this.lunchStart = lunchStart;
        }

        public LocalTime getLunchEnd() {
            return lunchEnd;
        }

        public void setLunchEnd(LocalTime lunchEnd) {
            this.lunchEnd = lunchEnd;
        }
    }

    static HoursForm of(WeeklySchedule schedule) {
        HoursForm form = new HoursForm();
        for (DayOfWeek day : DayOfWeek.values()) {
            Row row = new Row();
            schedule.hours(day).ifPresent(hours -> {
                row.working = true;
                row.start = hours.start();
                row.end = hours.end();
                row.lunchStart = hours.lunchStart();
                row.lunchEnd = hours.lunchEnd();
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
        return new WorkingHours(row.start, row.end, row.lunchStart, row.lunchEnd);
    }
}
