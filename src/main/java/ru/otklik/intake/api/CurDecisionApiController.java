package ru.otklik.intake.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.otklik.api.ApiProblems;
import ru.otklik.api.ApiProblems.FieldError;
import ru.otklik.api.BodyLimit;
import ru.otklik.api.ControlCharacters;
import ru.otklik.api.InvalidFields;
import ru.otklik.api.JsonApi;
import ru.otklik.people.NotFoundException;
import ru.otklik.posts.DraftChanged;
import ru.otklik.posts.ForbiddenTransition;
import ru.otklik.posts.PostFields;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.PostState;
import tools.jackson.databind.JsonNode;

/**
 * ЦУР's decision on a draft sent to it (п.9, п.11, п.12): {@code POST /api/v1/messages/{id}/cur-decision} with
 * {@code {"decision": "APPROVED" | "RETURNED", "comment": "…"}} and ЦУР's token. 200 with the post's new status;
 * 400 problem+json naming every bad field; 404 for an unknown post; 409 when the draft is not at ЦУР.
 */
@RestController
@JsonApi
class CurDecisionApiController {

    static final String PATH = "/api/v1/messages/{id}/cur-decision";
    /** A decision is a few words; 64 KB leaves room for a long comment and refuses anything absurd. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    static final int MAX_COMMENT = PostFields.COMMENT_MAX;

    /** The body as sent: each field as the JSON value it is, so that every bad field is named at once. */
    @Schema(name = "CurDecision", description = "Решение ЦУР по проекту ответа. Неизвестные поля отклоняются (400).")
    record DecisionRequest(
            @Schema(
                    implementation = String.class,
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"APPROVED", "RETURNED"},
                    description = "APPROVED — согласовано, RETURNED — возвращено на доработку")
            JsonNode decision,

            @Schema(
                    implementation = String.class,
                    maxLength = MAX_COMMENT,
                    description = "Комментарий ЦУР; обязателен при RETURNED")
            JsonNode comment,

            @Schema(
                    implementation = Long.class,
                    description = "id проекта ответа, который прочитал ЦУР (draft.id в GET /api/v1/messages/{id}); "
                            + "если указан и в ЦУР уже другой проект — 409, ничего не меняется")
            JsonNode draftId,

            @Schema(
                    implementation = Integer.class,
                    description = "Версия проекта ответа, которую прочитал ЦУР (draft.version); если указана и "
                            + "в ЦУР уже другая версия — 409, ничего не меняется")
            JsonNode version,

            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> unknown) {

        /** The decision, or {@link InvalidFields} naming every bad field. */
        Decided validate() {
            List<FieldError> errors = new ArrayList<>();
            if (unknown != null) {
                unknown.keySet()
                        .forEach(name -> errors.add(new FieldError(
                                name.length() > 60 ? name.substring(0, 60) + "…" : name,
                                "Неизвестное поле: допустимы decision, comment, draftId и version.")));
            }
            String decided = null;
            if (decision == null || decision.isNull()) {
                errors.add(new FieldError("decision", "Укажите решение: APPROVED или RETURNED."));
            } else if (!decision.isString()) {
                errors.add(new FieldError("decision", "Решение — строка APPROVED или RETURNED."));
            } else if (!decision.stringValue().equals("APPROVED")
                    && !decision.stringValue().equals("RETURNED")) {
                errors.add(new FieldError("decision", "Решение — APPROVED (согласовано) или RETURNED (на доработку)."));
            } else {
                decided = decision.stringValue();
            }
            String text = null;
            boolean commentBad = false;
            if (comment != null && !comment.isNull()) {
                commentBad = true;
                if (!comment.isString()) {
                    errors.add(new FieldError("comment", "Комментарий — строка."));
                } else if (ControlCharacters.firstRefused(comment.stringValue(), true) >= 0) {
                    errors.add(new FieldError(
                            "comment",
                            "Комментарий содержит управляющий символ: допустимы только табуляция и переводы строки."));
                } else if (comment.stringValue().strip().length() > MAX_COMMENT) {
                    errors.add(new FieldError("comment", "Комментарий не длиннее 2000 символов."));
                } else {
                    commentBad = false;
                    text = comment.stringValue().strip();
                }
            }
            if ("RETURNED".equals(decided) && !commentBad && (text == null || text.isEmpty())) {
                errors.add(new FieldError("comment", "При возврате на доработку укажите комментарий ЦУР."));
            }
            Long readDraft = positive(draftId, "draftId", "id проекта ответа", Long.MAX_VALUE, errors);
            Long readVersion = positive(version, "version", "Версия проекта ответа", Integer.MAX_VALUE, errors);
            if (!errors.isEmpty()) {
                throw new InvalidFields(errors);
            }
            return new Decided(
                    decided,
                    text == null || text.isEmpty() ? null : text,
                    readDraft,
                    readVersion == null ? null : readVersion.intValue());
        }

        /** An optional positive whole number, or {@code null}; a bad one is added to the errors. */
        private static Long positive(JsonNode node, String field, String what, long max, List<FieldError> errors) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isIntegralNumber()
                    || !node.canConvertToLong()
                    || node.longValue() < 1
                    || node.longValue() > max) {
                errors.add(new FieldError(field, what + " — целое положительное число."));
                return null;
            }
            return node.longValue();
        }
    }

    /**
     * A valid decision: APPROVED or RETURNED, ЦУР's comment or {@code null}, and the draft and version ЦУР read, each
     * {@code null} when not given.
     */
    record Decided(String decision, String comment, Long draftId, Integer version) {}

    /** The answer: the post's status after the decision. */
    record Decision(long id, String status, String decision) {}

    private final PostManagement management;

    CurDecisionApiController(PostManagement management) {
        this.management = management;
    }

    @Operation(
            summary = "Передать решение ЦУР по проекту ответа",
            description = "Тело: {\"decision\": \"APPROVED\" | \"RETURNED\", \"comment\": \"…\", \"draftId\": …, "
                    + "\"version\": …}. APPROVED — проект "
                    + "согласован, министерство размещает ответ; RETURNED — проект возвращён на доработку с комментарием. "
                    + "200 — новое состояние сообщения; 400 — неверные поля (problem+json со списком ошибок); "
                    + "404 — нет такого сообщения; 409 — проект сейчас не на согласовании в ЦУР или в ЦУР уже другой "
                    + "проект или версия, чем указаны в draftId и version (тогда в ответе draftId и version текущего).",
            tags = "Сообщения ЦУР")
    @PostMapping(PATH)
    @BodyLimit(bytes = MAX_BODY_BYTES)
    ResponseEntity<?> decide(@PathVariable long id, @RequestBody DecisionRequest body) {
        Decided decided = body.validate();
        PostState state;
        try {
            state = management.curDecisionFromCur(
                    id, decided.decision().equals("APPROVED"), decided.comment(), decided.draftId(), decided.version());
        } catch (NotFoundException ex) {
            return MessagesApiController.notFound(id);
        } catch (DraftChanged ex) {
            ResponseEntity<ProblemDetail> conflict = ApiProblems.of(
                    HttpStatus.CONFLICT,
                    "Проект ответа изменился",
                    "В ЦУР сейчас проект ответа " + ex.draftId() + " версии " + ex.version()
                            + ", а решение передано по другому проекту или версии. Прочитайте сообщение заново "
                            + "(GET /api/v1/messages/" + id + ") и примите решение по актуальной версии.");
            conflict.getBody().setProperty("status", PostState.AT_CUR.name());
            conflict.getBody().setProperty("draftId", ex.draftId());
            conflict.getBody().setProperty("version", ex.version());
            return conflict;
        } catch (ForbiddenTransition | ObjectOptimisticLockingFailureException ex) {
            ResponseEntity<ProblemDetail> conflict = ApiProblems.of(
                    HttpStatus.CONFLICT,
                    "Проект ответа не на согласовании в ЦУР",
                    "Решение ЦУР принимается, только пока проект ответа на согласовании в ЦУР; сообщение " + id
                            + " сейчас в другом состоянии.");
            management.stateOf(id).ifPresent(current -> conflict.getBody().setProperty("status", current.name()));
            return conflict;
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new Decision(id, state.name(), decided.decision()));
    }

    /** Any other method: 405 naming POST. */
    @Hidden
    @RequestMapping(PATH)
    void otherMethod(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        throw new HttpRequestMethodNotSupportedException(request.getMethod(), List.of("POST"));
    }
}
