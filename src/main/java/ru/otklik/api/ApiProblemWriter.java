package ru.otklik.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code application/problem+json} straight to the response, for the API's refusals that happen in servlet
 * filters before Spring MVC (missing token, forbidden, a control character in a parameter, the database outage);
 * everything after them is answered by {@link ApiProblemAdvice}.
 */
@Component
public class ApiProblemWriter {

    private final JsonMapper json;

    ApiProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public void unauthorized(HttpServletResponse response, String detail) throws IOException {
        write(response, ApiProblems.problem(HttpStatus.UNAUTHORIZED, "Нужна аутентификация", detail));
        response.setHeader("WWW-Authenticate", "Bearer");
    }

    /** 400 naming one bad parameter, in the shape of {@link ApiProblems#badRequest}. */
    public void badRequest(HttpServletResponse response, String field, String message) throws IOException {
        ProblemDetail problem = ApiProblems.badRequest(List.of(new ApiProblems.FieldError(field, message)))
                .getBody();
        write(response, problem);
    }

    public void forbidden(HttpServletResponse response, String detail) throws IOException {
        write(response, ApiProblems.problem(HttpStatus.FORBIDDEN, "Доступ запрещён", detail));
    }

    /** Any problem, with its status; headers set before stay. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
