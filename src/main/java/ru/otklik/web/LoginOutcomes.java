package ru.otklik.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import ru.otklik.people.CurrentUser;
import ru.otklik.people.DirectoryLoginRefusedException;
import ru.otklik.people.LoginThrottledException;

/**
 * What follows a login attempt. A success notes the login time in the session (for the absolute lifetime) and, when
 * the password was set by the admin, sends the person to choose their own; then the start page. A failure goes back
 * to the login page with the reason in the address, not in a session, so that failed attempts store no session: a
 * wrong password, an unknown login and a disabled account read alike.
 */
final class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final Clock clock;

    LoginOutcomes(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        HttpSession session = request.getSession();
        session.setAttribute(CurrentUser.LOGGED_IN_AT, clock.millis());
        String target = "/";
        if (authentication.getPrincipal() instanceof CurrentUser user && user.mustChangePassword()) {
            session.setAttribute(CurrentUser.MUST_CHANGE_PASSWORD, Boolean.TRUE);
            target = SessionRulesFilter.CHANGE_PASSWORD;
        }
        response.sendRedirect(request.getContextPath() + target);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String reason = exception instanceof LoginThrottledException
                ? "throttled"
                : exception instanceof DirectoryLoginRefusedException refused
                        ? REASONS.entrySet().stream()
                                .filter(e -> e.getValue().equals(refused.messageCode()))
                                .map(Map.Entry::getKey)
                                .findFirst()
                                .orElse("")
                        : "";
        response.sendRedirect(request.getContextPath() + "/login?error" + (reason.isEmpty() ? "" : "=" + reason));
    }

    /** The reasons a failed login may give in the address, with their messages; anything else is «Неверный логин». */
    private static final Map<String, String> REASONS = Map.of(
            "throttled", "login.throttled",
            "directory-unavailable", DirectoryLoginRefusedException.UNAVAILABLE,
            "directory-no-role", DirectoryLoginRefusedException.NO_ROLE,
            "directory-bad-login", DirectoryLoginRefusedException.BAD_LOGIN);

    /** The message of the reason in {@code /login?error=…}. */
    static String messageCode(String reason) {
        return REASONS.getOrDefault(reason, "login.failed");
    }
}
