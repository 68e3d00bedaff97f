package ru.otklik.calendar;

import java.time.Instant;

/**
 * The production calendar or the office hours changed: running deadlines must be recomputed.
 *
 * @param at when the change was saved
 * @param by the login of the admin who made it
 */
public record CalendarChanged(Instant at, String by) {}
