package ru.otklik.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.otklik.api.ApiProblemWriter;
import ru.otklik.intake.ApiTokens;

/**
 * Authenticates ЦУР's system by {@code Authorization: Bearer <token>}. A request with a bad or revoked token is
 * answered 401 at once; a request without one goes on (a logged-in session may still be allowed).
 */
class ApiTokenFilter extends OncePerRequestFilter {

    static final String CUR_ROLE = "ROLE_CUR";

    private final ApiTokens tokens;
    private final ApiProblemWriter problems;

    ApiTokenFilter(ApiTokens tokens, ApiProblemWriter problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7) : null;
        var name = tokens.authenticate(secret);
        if (name.isEmpty()) {
            problems.unauthorized(response, "Ключ доступа ЦУР не принят: он неизвестен или отозван.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "ЦУР: " + name.get(), null, List.of(new SimpleGrantedAuthority(CUR_ROLE))));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
