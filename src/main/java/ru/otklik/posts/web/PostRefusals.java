package ru.otklik.posts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import ru.otklik.people.NotFoundException;
import ru.otklik.people.StaleEditException;
import ru.otklik.posts.Actor;
import ru.otklik.posts.ForbiddenTransition;
import ru.otklik.posts.InvalidApprover;
import ru.otklik.posts.InvalidRouting;
import ru.otklik.posts.NotAuthorisedForOrgWork;
import ru.otklik.posts.NotOnRoute;
import ru.otklik.posts.OwnDraftApproval;
import ru.otklik.posts.Refusal;

/**
 * Turns a refused action on a post's page into that page again, as it is now, with a warning, changing nothing: an
 * invalid form (400, its first problem in the form's field order), a stale version (409), an action the post's state
 * or the person's role no longer allows (409, 403 for the approval rules), a routing or an approver the post does not
 * accept (400). A person who may not see the post at all gets 404.
 */
@ControllerAdvice(assignableTypes = PostController.class)
class PostRefusals {

    private static final String VIEW = "posts/post";
    private static final Locale RU = Locale.forLanguageTag("ru");

    private final PostPages pages;
    private final MessageSource messages;

    PostRefusals(PostPages pages, MessageSource messages) {
        this.pages = pages;
        this.messages = messages;
    }

    @ExceptionHandler
    ModelAndView invalid(BindException ex, Actor actor, HttpServletRequest request, HttpServletResponse response) {
        return page(firstProblem(ex), HttpStatus.BAD_REQUEST, actor, request, response);
    }

    @ExceptionHandler({StaleEditException.class, ObjectOptimisticLockingFailureException.class})
    ModelAndView stale(Actor actor, HttpServletRequest request, HttpServletResponse response) {
        return page("posts.stale", HttpStatus.CONFLICT, actor, request, response);
    }

    @ExceptionHandler
    ModelAndView forbidden(
            ForbiddenTransition ex, Actor actor, HttpServletRequest request, HttpServletResponse response) {
        return refused(ex, HttpStatus.CONFLICT, actor, request, response);
    }

    @ExceptionHandler
    ModelAndView ownDraft(OwnDraftApproval ex, Actor actor, HttpServletRequest request, HttpServletResponse response) {
        return refused(ex, HttpStatus.FORBIDDEN, actor, request, response);
    }

    @ExceptionHandler
    ModelAndView notAuthorised(
            NotAuthorisedForOrgWork ex, Actor actor, HttpServletRequest request, HttpServletResponse response) {
        return refused(ex, HttpStatus.FORBIDDEN, actor, request, response);
    }

    @ExceptionHandler
    ModelAndView notOnRoute(NotOnRoute ex, Actor actor, HttpServletRequest request, HttpServletResponse response) {
        return refused(ex, HttpStatus.FORBIDDEN, actor, request, response);
    }

    @ExceptionHandler
    ModelAndView invalidRouting(
            InvalidRouting ex, Actor actor, HttpServletRequest request, HttpServletResponse response) {
        return refused(ex, HttpStatus.BAD_REQUEST, actor, request, response);
    }

    @ExceptionHandler
    ModelAndView invalidApprover(
            InvalidApprover ex, Actor actor, HttpServletRequest request, HttpServletResponse response) {
        return refused(ex, HttpStatus.BAD_REQUEST, actor, request, response);
    }

    /** The post's page with the refusal's own text ({@code posts.refusal.*} and friends). */
    private ModelAndView refused(
            Refusal refusal, HttpStatus status, Actor actor, HttpServletRequest request, HttpServletResponse response) {
        ModelAndView page = page(null, status, actor, request, response);
        page.addObject("warningText", messages.getMessage(refusal.messageKey(), refusal.args(), RU));
        return page;
    }

    /** The post's page with the warning; the draft's typed text stays in the editor. */
    private ModelAndView page(
            String warning, HttpStatus status, Actor actor, HttpServletRequest request, HttpServletResponse response) {
        long id = postId(request);
        ModelAndView page = new ModelAndView(VIEW, status);
        try {
            page.addObject("page", pages.page(id, actor));
        } catch (NotFoundException ex) {
            return notFound(response);
        }
        if (warning != null) {
            page.addObject("warning", warning);
        }
        // the page is answered at the form's address (/posts/9/route); the browser shows the post's own
        page.addObject("pageAddress", "/posts/" + id);
        if (request.getRequestURI().endsWith("/draft")) {
            page.addObject("draftText", request.getParameter("text"));
        }
        return page;
    }

    private static long postId(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        // the id was already bound as a long for the handler to run at all
        return Long.parseLong(variables.get("id"));
    }

    private static ModelAndView notFound(HttpServletResponse response) {
        try {
            response.sendError(HttpStatus.NOT_FOUND.value());
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return new ModelAndView();
    }

    /**
     * The warning of the form's first problem, in the order of its fields: a value that could not be converted
     * (its {@code typeMismatch.<field>} key if the bundle has one), then the field's constraints, then the checks
     * named after it.
     */
    private String firstProblem(BindException ex) {
        Class<?> form = ex instanceof MethodArgumentNotValidException invalid
                ? invalid.getParameter().getParameterType()
                : ex.getTarget() == null ? Object.class : ex.getTarget().getClass();
        List<String> fields = form.isRecord()
                ? Arrays.stream(form.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList()
                : List.of();
        return ex.getBindingResult().getAllErrors().stream()
                .min(Comparator.comparingInt((ObjectError error) -> position(error, fields))
                        .thenComparing(error -> !typeMismatch(error)))
                .map(this::warning)
                .orElse(PostForms.OUTDATED);
    }

    /** The index of the form's field an error belongs to: {@code text}, {@code assignTo[1]}, {@code textWithinLimit}. */
    private static int position(ObjectError error, List<String> fields) {
        if (!(error instanceof FieldError fieldError)) {
            return fields.size();
        }
        String name = fieldError.getField();
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            if (name.equals(field) || name.startsWith(field) && !Character.isLowerCase(name.charAt(field.length()))) {
                return i;
            }
        }
        return fields.size();
    }

    private static boolean typeMismatch(ObjectError error) {
        return error instanceof FieldError field && field.isBindingFailure();
    }

    private String warning(ObjectError error) {
        if (typeMismatch(error)) {
            return Arrays.stream(error.getCodes() == null ? new String[0] : error.getCodes())
                    .filter(code -> messages.getMessage(code, null, null, RU) != null)
                    .filter(code -> !code.equals("typeMismatch") && !code.startsWith("typeMismatch.java"))
                    .findFirst()
                    .orElse(PostForms.OUTDATED);
        }
        return error.getDefaultMessage();
    }
}
