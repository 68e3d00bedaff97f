/**
 * Deadlines (сроки): the regulation's rules as data, the clocks the post events start and stop, the sweep that
 * acts on breaches exactly once, escalations, notifications with their e-mail outbox, legislation notices (п.20).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deadlines")
package ru.otklik.deadlines;
