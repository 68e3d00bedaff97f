package ru.otklik.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.otklik.api.ApiProblemWriter;
import ru.otklik.api.ControlCharacters;

/**
 * Refuses a request whose parameters (query string, form fields, text parts of a multipart form) hold a control
 * character other than tab and line breaks, before anything reads them: the login form, every page's form, the
 * inbox search. Without it a NUL byte reached PostgreSQL, which refuses NUL in text, and the person saw a 500. Pages
 * answer 400 with a Russian error page, the JSON API a problem+json 400 naming the parameter. JSON bodies are
 * checked by the API's own validators with the same {@link ControlCharacters} rule.
 */
final class ControlCharacterFilter extends OncePerRequestFilter {

    private final ApiProblemWriter problems;

    ControlCharacterFilter(ApiProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refused = refusedParameter(request);
        if (refused == null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problems.badRequest(
                    response, refused, "Содержит управляющий символ: допустимы только табуляция и переводы строки.");
        } else {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST); // rendered by error/400.html
        }
    }

    /** The name of the first parameter with a refused character in its name or value, or null. */
    private static String refusedParameter(HttpServletRequest request) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (ControlCharacters.refusedAnywhere(name)) {
                return printable(name);
            }
            for (String value : parameter.getValue()) {
                if (ControlCharacters.refusedAnywhere(value)) {
                    return printable(name);
                }
            }
        }
        return null;
    }

    private static String printable(String name) {
        String shown = name.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return shown.length() > 60 ? shown.substring(0, 60) + "…" : shown;
    }
}
