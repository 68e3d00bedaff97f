/**
 * Inside the deadlines module: the clock book and keeper that post events drive, the sweep with its own schedulers,
 * escalations, notifications and their e-mail outbox, legislation notices, and the SQL they share.
 */
package ru.otklik.deadlines.internal;
