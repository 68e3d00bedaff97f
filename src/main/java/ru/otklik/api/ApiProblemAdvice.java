package ru.otklik.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import ru.otklik.api.ApiProblems.FieldError;
import tools.jackson.core.JacksonException;

/**
 * Every failure of a {@link JsonApi} controller as {@code application/problem+json} in Russian: bad fields (400, all
 * at once), a body that is not a JSON object (400 naming {@code body}), a wrong method (405), a body too large
 * (413) or not JSON (415), and our own failures (500, logged). An unreachable database is left to the web layer's
 * outage filter, which answers 503 with {@code Retry-After} and remembers the outage.
 */
@RestControllerAdvice(annotations = JsonApi.class)
class ApiProblemAdvice {

    /** The field name of problems with the body as a whole. */
    static final String BODY = "body";

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    private final Outages outage;

    ApiProblemAdvice(Outages outage) {
        this.outage = outage;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidFields(InvalidFields ex) {
        return ApiProblems.badRequest(ex.errors());
    }

    /**
     * Jackson could not read the body: not JSON, not an object, a key twice, content after it, or a wrong type; or
     * there was no body. An empty body without {@code Content-Type} is never shown to {@link JsonRequestBodies} (Spring
     * skips reading it), so it is refused as not JSON here.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
        if (request.getContentType() == null) {
            return notJson(ex);
        }
        if (!(NestedExceptionUtils.getMostSpecificCause(ex) instanceof JacksonException json)) {
            return ApiProblems.badRequest(List.of(new FieldError(BODY, "Тело запроса пусто: нужен JSON-объект.")));
        }
        String path = path(json);
        if (!path.isEmpty()) {
            return ApiProblems.badRequest(List.of(new FieldError(path, "Значение неверного типа.")));
        }
        var location = json.getLocation();
        String where = location == null || location.getLineNr() < 0
                ? ""
                : " (строка " + location.getLineNr() + ", позиция " + location.getColumnNr() + ")";
        return ApiProblems.badRequest(
                List.of(new FieldError(BODY, "Тело запроса не является корректным JSON-объектом" + where + ".")));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(JsonRequestBodies.TooLarge ex) {
        return ApiProblems.of(
                HttpStatus.CONTENT_TOO_LARGE,
                "Слишком большой запрос",
                "Тело запроса больше " + size(ex.limit) + ": допустимое тело запроса занимает гораздо меньше.");
    }

    @ExceptionHandler({JsonRequestBodies.NotJson.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<ProblemDetail> notJson(Exception ex) {
        return ApiProblems.of(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Неподдерживаемый тип содержимого",
                "Тело запроса должно быть JSON в UTF-8: заголовок Content-Type: application/json.");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex) {
        Set<HttpMethod> allowed = ex.getSupportedHttpMethods();
        String names =
                allowed == null ? "" : allowed.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
        ResponseEntity<ProblemDetail> problem = ApiProblems.of(
                HttpStatus.METHOD_NOT_ALLOWED,
                "Метод не поддерживается",
                "Метод " + ex.getMethod() + " здесь не поддерживается"
                        + (names.isEmpty() ? "." : "; допустим " + names + "."));
        return names.isEmpty()
                ? problem
                : ResponseEntity.status(problem.getStatusCode())
                        .headers(problem.getHeaders())
                        .header(HttpHeaders.ALLOW, names)
                        .body(problem.getBody());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
        return ApiProblems.of(
                HttpStatus.NOT_ACCEPTABLE,
                "Неприемлемый формат ответа",
                "API отвечает только в JSON: заголовок Accept должен допускать application/json.");
    }

    /** A path variable of the wrong type names nothing that exists: 404; a query parameter of the wrong type: 400. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String value = shorten(String.valueOf(ex.getValue()));
        if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return ApiProblems.of(HttpStatus.NOT_FOUND, "Не найдено", "По адресу с «" + value + "» ничего нет.");
        }
        return ApiProblems.badRequest(
                List.of(new FieldError(ex.getName(), "Значение неверного типа: «" + value + "».")));
    }

    /** Not bad input but our own failure: still problem+json, and logged. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception ex) throws Exception {
        if (outage.explains(ex)) {
            throw ex;
        }
        if (ex instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
            return ApiProblems.of(status, "Неверный запрос", "Запрос отклонён: " + status.value() + ".");
        }
        log.error("JSON API failed", ex);
        return ApiProblems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Внутренняя ошибка",
                "Запрос не выполнен из-за внутренней ошибки Отклика; повторите его позже — повтор безопасен.");
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String size(int bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " МБ" : bytes / 1024 + " КБ";
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
