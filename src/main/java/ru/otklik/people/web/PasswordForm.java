package ru.otklik.people.web;

/**
 * The admin's form to set a new password for a person.
 */
public record PasswordForm(String password) {}
