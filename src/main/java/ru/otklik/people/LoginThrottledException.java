package ru.otklik.people;

import org.springframework.security.authentication.LockedException;

/**
 * Refuses a login attempt while the login is throttled.
 */
public class LoginThrottledException extends LockedException {

    public LoginThrottledException() {
        super("Слишком много неудачных попыток входа");
    }
}
