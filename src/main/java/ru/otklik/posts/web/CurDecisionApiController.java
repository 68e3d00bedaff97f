package ru.otklik.posts.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.otklik.api.ApiProblems;
import ru.otklik.database.DatabaseOutage;
import ru.otklik.api.ApiProblems.FieldError;
import ru.otklik.api.ControlCharacters;
import ru.otklik.people.NotFoundException;
import ru.otklik.posts.ForbiddenTransition;
import ru.otklik.posts.PostFields;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.internal.Post;

/**
 * ЦУР's decision on a draft sent to it (п.9, п.11, п.12): {@code POST /api/v1/messages/{id}/cur-decision} with
 * {@code {"decision": "APPROVED" | "RETURNED", "comment": "…"}} and ЦУР's token. 200 with the post's new status;
 * 400 problem+json naming every bad field; 404 for an unknown post; 409 when the draft is not at ЦУР.
 */
@RestController
class CurDecisionApiController {

    static final String PATH = "/api/v1/messages/{id}/cur-decision";
    static final String BODY = "body";
    /** A decision is a few words; 64 KB leaves room for a long comment and refuses anything absurd. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_COMMENT = PostFields.COMMENT_MAX;
    private static final Set<String> FIELDS = Set.of("decision", "comment");

    private static final Logger log = LoggerFactory.getLogger(CurDecisionApiController.class);

    /** The decision's body as read. */
    record Decision(long id, String status, String decision) {
    }

    private final PostManagement management;
    private final DatabaseOutage outage;
    private final JsonMapper json;

    CurDecisionApiController(PostManagement management, JsonMapper json, DatabaseOutage outage) {
        // strict: a key given twice or content after the object is refused rather than guessed at
        this.management = management;
        this.outage = outage;
        this.json = json.rebuild().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Передать решение ЦУР по проекту ответа",
            description = "Тело: {\"decision\": \"APPROVED\" | \"RETURNED\", \"comment\": \"…\"}. APPROVED — проект "
                    + "согласован, министерство размещает ответ; RETURNED — проект возвращён на доработку с комментарием. "
                    + "200 — новое состояние сообщения; 400 — неверные поля (problem+json со списком ошибок); "
                    + "404 — нет такого сообщения; 409 — проект сейчас не на согласовании в ЦУР.",
            tags = "Сообщения ЦУР")
    @PostMapping(PATH)
    ResponseEntity<?> decide(@PathVariable String id, HttpServletRequest request) throws IOException {
        Long postId = positiveLong(id);
        if (postId == null) {
            return notFound(id);
        }
        if (!json(request.getContentType())) {
            return ApiProblems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Неподдерживаемый тип содержимого",
                    "Тело запроса должно быть JSON в UTF-8: заголовок Content-Type: application/json.");
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return tooLarge();
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            return tooLarge();
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode root = parse(body, errors);
        if (root == null) {
            return ApiProblems.badRequest(errors);
        }
        String decision = null;
        String comment = null;
        for (Map.Entry<String, JsonNode> property : root.properties()) {
            if (!FIELDS.contains(property.getKey())) {
                String name = property.getKey().length() > 60 ? property.getKey().substring(0, 60) + "…"
                        : property.getKey();
                errors.add(new FieldError(name, "Неизвестное поле: допустимы decision и comment."));
            }
        }
        JsonNode decisionNode = root.get("decision");
        if (decisionNode == null || decisionNode.isNull()) {
            errors.add(new FieldError("decision", "Укажите решение: APPROVED или RETURNED."));
        }
        else if (!decisionNode.isString()) {
            errors.add(new FieldError("decision", "Решение — строка APPROVED или RETURNED."));
        }
        else if (!decisionNode.asString().equals("APPROVED") && !decisionNode.asString().equals("RETURNED")) {
            errors.add(new FieldError("decision", "Решение — APPROVED (согласовано) или RETURNED (на доработку)."));
        }
        else {
            decision = decisionNode.asString();
        }
        JsonNode commentNode = root.get("comment");
        if (commentNode != null && !commentNode.isNull()) {
            if (!commentNode.isString()) {
                errors.add(new FieldError("comment", "Комментарий — строка."));
            }
            else if (ControlCharacters.firstRefused(commentNode.asString(), true) >= 0) {
                errors.add(new FieldError("comment",
                        "Комментарий содержит управляющий символ: допустимы только табуляция и переводы строки."));
            }
            else if (commentNode.asString().strip().length() > MAX_COMMENT) {
                errors.add(new FieldError("comment", "Комментарий не длиннее 2000 символов."));
            }
            else {
                comment = commentNode.asString().strip();
            }
        }
        boolean commentBad = errors.stream().anyMatch(e -> e.field().equals("comment"));
        if ("RETURNED".equals(decision) && !commentBad && (comment == null || comment.isEmpty())) {
            errors.add(new FieldError("comment", "При возврате на доработку укажите комментарий ЦУР."));
        }
        if (!errors.isEmpty()) {
            return ApiProblems.badRequest(errors);
        }
        boolean approved = decision.equals("APPROVED");
        Post post;
        try {
            post = management.curDecisionFromCur(postId, approved, comment == null || comment.isEmpty() ? null : comment);
        }
        catch (NotFoundException ex) {
            return notFound(id);
        }
        catch (ForbiddenTransition | ObjectOptimisticLockingFailureException ex) {
            ResponseEntity<ProblemDetail> conflict = ApiProblems.of(HttpStatus.CONFLICT, "Проект ответа не на согласовании в ЦУР",
                    "Решение ЦУР принимается, только пока проект ответа на согласовании в ЦУР; сообщение " + postId
                            + " сейчас в другом состоянии.");
            management.stateOf(postId).ifPresent(state -> conflict.getBody().setProperty("status", state.name()));
            return conflict;
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new Decision(post.getId(), post.getState().name(), decision));
    }

    /** Any other method: 405 naming POST. */
    @io.swagger.v3.oas.annotations.Hidden
    @RequestMapping(PATH)
    ResponseEntity<?> otherMethod(HttpServletRequest request) {
        ResponseEntity<ProblemDetail> problem = ApiProblems.of(HttpStatus.METHOD_NOT_ALLOWED,
                "Метод не поддерживается", "Метод " + request.getMethod() + " здесь не поддерживается; допустим POST.");
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.ALLOW, "POST").body(problem.getBody());
    }

    /** Not bad input but our own failure still problem+json, and logged. An unreachable
     * database is left to the outage filter of the web layer, which answers 503 with {@code Retry-After}. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) throws Exception {
        if (outage.explains(ex)) {
            throw ex;
        }
        log.error("ЦУР decision API failed", ex);
        return ApiProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Внутренняя ошибка",
                "Решение не записано из-за внутренней ошибки Отклика; повторите запрос позже.");
    }

    private JsonNode parse(byte[] body, List<FieldError> errors) {
        if (body.length == 0) {
            errors.add(new FieldError(BODY, "Тело запроса пусто: нужен JSON-объект { \"decision\": … }."));
            return null;
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        }
        catch (JacksonException ex) {
            errors.add(new FieldError(BODY, "Тело запроса не является корректным JSON."));
            return null;
        }
        if (root == null || root.isMissingNode()) {
            errors.add(new FieldError(BODY, "Тело запроса пусто: нужен JSON-объект { \"decision\": … }."));
            return null;
        }
        if (!root.isObject()) {
            errors.add(new FieldError(BODY, "Нужен JSON-объект { \"decision\": … }."));
            return null;
        }
        return root;
    }

    private static boolean json(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            Charset charset = type.getCharset();
            return type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()
                    && !type.isWildcardSubtype() && (charset == null || charset.equals(StandardCharsets.UTF_8));
        }
        catch (InvalidMediaTypeException | UnsupportedOperationException ex) {
            return false;
        }
    }

    private static Long positiveLong(String value) {
        try {
            long parsed = Long.parseLong(value);
            return parsed > 0 ? parsed : null;
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private static ResponseEntity<?> notFound(String id) {
        return ApiProblems.of(HttpStatus.NOT_FOUND, "Сообщение не найдено",
                "Сообщения с id " + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + " нет.");
    }

    private static ResponseEntity<?> tooLarge() {
        return ApiProblems.of(HttpStatus.CONTENT_TOO_LARGE, "Слишком большой запрос",
                "Тело запроса больше 64 КБ: решение ЦУР с комментарием занимает гораздо меньше.");
    }
}
