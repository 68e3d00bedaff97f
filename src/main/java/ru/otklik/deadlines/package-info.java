/**
 * Deadlines (сроки): the regulation's rules as data, the clocks the post events start and stop, the sweep that
 * acts on breaches exactly once, escalations, notifications with their e-mail outbox, legislation notices (п.20).
 *
 * <p>Its root is the API: {@link ru.otklik.deadlines.Clocks} (the read API of clocks), {@link
 * ru.otklik.deadlines.RuleManagement}, {@link ru.otklik.deadlines.Rules} and the rule, clock and notification enums. It
 * learns of posts only through the posts module's events; the clock book, sweep, escalations and notifications live in
 * {@code internal}, the pages in {@code web}.
 *
 * <p>Persistence rule: a module writes only its own tables. This one owns {@code deadline_rule}, {@code
 * deadline_clock}, {@code deadline_rule_change}, {@code clock_action}, {@code escalation}, {@code escalation_comment},
 * {@code notification}, {@code email_outbox}, {@code legislation_notice}, {@code legislation_notice_department} and
 * {@code legislation_ack} (acknowledgements before V60, kept as history). Its read
 * models (the clock and escalation lists, the monthly report's sources) join {@code post}, {@code assignment} and
 * {@code department} read-only and say so.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deadlines")
package ru.otklik.deadlines;
