/**
 * The deadlines module's pages: live clock fragments, escalations, notifications, legislation notices and the
 * administrator's rule editor.
 */
package ru.otklik.deadlines.web;
