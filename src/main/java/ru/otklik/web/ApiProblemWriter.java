package ru.otklik.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import ru.otklik.api.ApiProblems;

/**
 * Writes security refusals of the API as {@code application/problem+json}, like every other API error.
 */
@Component
class ApiProblemWriter {

    private final JsonMapper json;

    ApiProblemWriter(JsonMapper json) {
        this.json = json;
    }

    void unauthorized(HttpServletResponse response, String detail) throws IOException {
        write(response, ApiProblems.problem(HttpStatus.UNAUTHORIZED, "Нужна аутентификация", detail));
        response.setHeader("WWW-Authenticate", "Bearer");
    }

    /** 400 naming one bad parameter, in the shape of {@link ApiProblems#badRequest}. */
    void badRequest(HttpServletResponse response, String field, String message) throws IOException {
        ProblemDetail problem = ApiProblems.badRequest(List.of(new ApiProblems.FieldError(field, message))).getBody();
        write(response, problem);
    }

    void forbidden(HttpServletResponse response, String detail) throws IOException {
        write(response, ApiProblems.problem(HttpStatus.FORBIDDEN, "Доступ запрещён", detail));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
