package ru.otklik.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.otklik.people.CurrentUser;

/**
 * Two rules on a logged-in session, checked on every request of the web chain:
 * <ul>
 * <li>an absolute lifetime ({@code otklik.session.absolute-timeout}, 12 h by default) counted from the login,
 * besides the idle timeout: an older session is ended and its next page asks to log in again (ASVS 5.0 V7.3.2);</li>
 * <li>after a login with a password set by the admin, every page but the password change, the logout and the static
 * files leads to {@code /account/password} until the person has chosen their own.</li>
 * </ul>
 */
class SessionRulesFilter extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD = "/account/password";
    private static final Set<String> OPEN_WHILE_CHANGING = Set.of(CHANGE_PASSWORD, "/login", "/logout", "/error");

    private final Clock clock;
    private final Duration absoluteTimeout;

    SessionRulesFilter(Clock clock, Duration absoluteTimeout) {
        this.clock = clock;
        this.absoluteTimeout = absoluteTimeout;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(CurrentUser.LOGGED_IN_AT) instanceof Long loggedInAt
                && clock.millis() - loggedInAt > absoluteTimeout.toMillis()) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        if (session != null
                && session.getAttribute(CurrentUser.MUST_CHANGE_PASSWORD) != null
                && !openWhileChanging(request)) {
            response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean openWhileChanging(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return OPEN_WHILE_CHANGING.contains(path) || path.startsWith("/assets/") || path.startsWith("/webjars/");
    }
}
