package ru.otklik.calendar.web;

import java.time.LocalTime;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The four times of a day's office hours as a form shows them: start, end and an optional lunch break. A mutable
 * bean, so a badly typed time is reported on its field while the rest of the form is kept.
 */
public class OfficeHoursFields {

    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime start;

    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime end;

    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime lunchStart;

    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime lunchEnd;

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

    void setAll(LocalTime start, LocalTime end, LocalTime lunchStart, LocalTime lunchEnd) {
        this.start = start;
        this.end = end;
        this.lunchStart = lunchStart;
        this.lunchEnd = lunchEnd;
    }
}
