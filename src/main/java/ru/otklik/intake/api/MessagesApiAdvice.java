package ru.otklik.intake.api;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ru.otklik.api.ApiProblems;
import ru.otklik.database.DatabaseOutage;
import ru.otklik.api.ApiProblems.FieldError;

/**
 * The messages API answers every failure with problem+json, also the ones Spring raises before or after the
 * controller's own checks. The body is read by the controller itself (size limit, per-field type errors), so most
 * bad input never reaches these handlers.
 */
@RestControllerAdvice(assignableTypes = MessagesApiController.class)
class MessagesApiAdvice {

    private static final Logger log = LoggerFactory.getLogger(MessagesApiAdvice.class);

    private final DatabaseOutage outage;

    MessagesApiAdvice(DatabaseOutage outage) {
        this.outage = outage;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
        return ApiProblems.badRequest(List.of(new FieldError(JsonMessageReader.BODY,
                "Тело запроса не является корректным JSON-объектом сообщения.")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException ex) {
        return ApiProblems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Неподдерживаемый тип содержимого",
                "Тело запроса должно быть JSON в UTF-8: заголовок Content-Type: application/json.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex) {
        return ApiProblems.of(HttpStatus.METHOD_NOT_ALLOWED, "Метод не поддерживается",
                "Метод " + ex.getMethod() + " здесь не поддерживается.");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
        return ApiProblems.of(HttpStatus.NOT_ACCEPTABLE, "Неприемлемый формат ответа",
                "API отвечает только в JSON: заголовок Accept должен допускать application/json.");
    }

    /** Not bad input but our failure still problem+json, and logged. An unreachable
     * database is left to the outage filter of the web layer, which answers 503 with {@code Retry-After}. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) throws Exception {
        if (outage.explains(ex)) {
            throw ex;
        }
        log.error("Intake API failed", ex);
        return ApiProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Внутренняя ошибка",
                "Сообщение не принято из-за внутренней ошибки Отклика; повторите запрос позже — повтор безопасен.");
    }
}
