/**
 * Working-time calendar (рабочее время): pure production-calendar arithmetic (производственный календарь) over absolute instants, with no Spring, database or clock.
 */
package ru.otklik.calendar;
