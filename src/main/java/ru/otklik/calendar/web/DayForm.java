package ru.otklik.calendar.web;

import java.time.LocalTime;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The admin's form for one date: its kind, and the hours when the kind is custom. A mutable bean, so a badly
 * typed time is reported on its field while the rest of the form is kept.
 */
public class DayForm {

    /** DEFAULT (follow the weekly hours), DAY_OFF, WORKING, SHORTENED or CUSTOM. */
    private String kind;
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime start;
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime end;
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime lunchStart;
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime lunchEnd;

    public DayForm() {
    }

    DayForm(String kind, LocalTime start, LocalTime end, LocalTime lunchStart, LocalTime lunchEnd) {
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.lunchStart = lunchStart;
        this.lunchEnd = lunchEnd;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
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
