package ru.otklik.calendar.web;

import java.time.LocalTime;

/**
 * The admin's form for one date: its kind, and the hours when the kind is custom.
 */
public class DayForm extends OfficeHoursFields {

    /** DEFAULT (follow the weekly hours), DAY_OFF, WORKING, SHORTENED or CUSTOM. */
    private String kind;

    public DayForm() {}

    DayForm(String kind, LocalTime start, LocalTime end, LocalTime lunchStart, LocalTime lunchEnd) {
        this.kind = kind;
        setAll(start, end, lunchStart, lunchEnd);
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }
}
