/**
 * The people module's pages: the admin's people and departments, absences and substitutes, and the page where a
 * person changes their own password.
 */
package ru.otklik.people.web;
