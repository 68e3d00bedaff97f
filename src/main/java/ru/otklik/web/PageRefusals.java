package ru.otklik.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import ru.otklik.people.NotFoundException;

/**
 * What a page answers when its address names no record: 404, like a record that is missing or hidden from this person
 * ({@link NotFoundException}), when the address cannot even name one (a path variable that is not an id, a date or an
 * upload's UUID). A page that can show itself again with a warning (a stale or refused action) translates
 * those refusals itself: {@code PostRefusals} for a post's page, an {@code @ExceptionHandler} on the controller of
 * the others. The JSON API answers its own problems.
 */
@ControllerAdvice
class PageRefusals {

    @ExceptionHandler
    void addressNamesNothing(
            MethodArgumentTypeMismatchException ex, HandlerMethod handler, HttpServletResponse response)
            throws Exception {
        if (!ex.getParameter().hasParameterAnnotation(PathVariable.class) || api(handler)) {
            throw ex; // a bad parameter, or the API's own: Spring's 400 or the API's problem
        }
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    private static boolean api(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                || handler.hasMethodAnnotation(ResponseBody.class);
    }
}
