package ru.otklik.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Logs in through the real form and returns the session cookie. Sessions live in PostgreSQL (Spring Session),
 * so a test carries the {@code SESSION} cookie the way a browser does.
 */
public final class Sessions {

    public static final String COOKIE = "SESSION";

    private Sessions() {}

    /** The session cookie of a successful login with the demo password. */
    public static Cookie login(MockMvc mvc, String login) throws Exception {
        return attempt(mvc, login, "demo");
    }

    /** The session cookie after a login attempt, successful or not. */
    public static Cookie attempt(MockMvc mvc, String login, String password) throws Exception {
        MvcResult result =
                mvc.perform(formLogin("/login").user(login).password(password)).andReturn();
        Cookie cookie = result.getResponse().getCookie(COOKIE);
        if (cookie == null) {
            throw new IllegalStateException("no session cookie after logging in as " + login);
        }
        return cookie;
    }
}
