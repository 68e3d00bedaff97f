package ru.otklik.people;

import org.springframework.security.core.AuthenticationException;

/**
 * Refuses a directory login for a reason other than a wrong password; the login page shows the message of
 * {@link #messageCode()}. Carries no cause, so it can be kept in the session for the login page.
 */
public class DirectoryLoginRefusedException extends AuthenticationException {

    /** The directory could not be reached or did not answer in time. */
    public static final String UNAVAILABLE = "login.directory.unavailable";
    /** The person is in none of the groups that give a role in Otklik. */
    public static final String NO_ROLE = "login.directory.noRole";
    /** The directory's login cannot be an Otklik login (see the login format). */
    public static final String BAD_LOGIN = "login.directory.badLogin";

    private final String messageCode;

    public DirectoryLoginRefusedException(String messageCode) {
        super(messageCode);
        this.messageCode = messageCode;
    }

    public String messageCode() {
        return messageCode;
    }
}
