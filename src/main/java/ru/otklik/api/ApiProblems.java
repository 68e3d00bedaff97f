package ru.otklik.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds {@code application/problem+json} answers (RFC 9457) with a Russian {@code detail} and, for bad input,
 * the list of bad fields as {@code errors: [{field, message}]}.
 */
public final class ApiProblems {

    private ApiProblems() {}

    /** One bad field or parameter and what is wrong with it, in Russian. */
    public record FieldError(String field, String message) {}

    /** 400: the request names bad fields. */
    public static ResponseEntity<ProblemDetail> badRequest(List<FieldError> errors) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "Неверный запрос",
                "Исправьте поля: "
                        + String.join(
                                ", ",
                                errors.stream()
                                        .map(FieldError::field)
                                        .distinct()
                                        .toList()) + ".");
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(e -> Map.of("field", e.field(), "message", e.message()))
                        .toList());
        return respond(problem);
    }

    /** Any other status with a title and a Russian detail. */
    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String title, String detail) {
        return respond(problem(status, title, detail));
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
