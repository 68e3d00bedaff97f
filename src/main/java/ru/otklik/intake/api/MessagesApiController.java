package ru.otklik.intake.api;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.otklik.api.ApiProblems;
import ru.otklik.api.ApiProblems.FieldError;
import ru.otklik.api.BodyLimit;
import ru.otklik.api.InvalidFields;
import ru.otklik.api.JsonApi;
import ru.otklik.intake.Intake;
import ru.otklik.intake.MessageField;
import ru.otklik.intake.MessageValidator;
import ru.otklik.intake.Receipt;
import ru.otklik.posts.ChangeCursor;
import ru.otklik.posts.PostState;

/**
 * ЦУР's intake API (SPEC §5): {@code POST /api/v1/messages} registers a post once per external id,
 * {@code GET /api/v1/messages/{id}} tells its status, deadlines, the draft at ЦУР, the reason of a return or refusal and
 * the answers; {@code GET /api/v1/messages} pages through the messages that changed. Every refusal is problem+json.
 */
@RestController
@JsonApi
@RequestMapping("/api/v1/messages")
@Tag(
        name = "Сообщения ЦУР",
        description = "Приём сообщений из открытых источников от ЦУР, их состояние и решение ЦУР по проекту ответа")
@SecurityScheme(
        name = MessagesApiController.TOKEN,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "Ключ доступа ЦУР, выданный администратором Отклика")
@SecurityRequirement(name = MessagesApiController.TOKEN)
class MessagesApiController {

    static final String TOKEN = "curToken";
    private static final String PROBLEM = "application/problem+json";

    /** 1 MB: far above the largest valid message (20,000 characters of text), far below a memory problem. */
    static final int MAX_BODY_BYTES = BodyLimit.DEFAULT_BYTES;

    /** The most messages on one page of the feed, and how many when ЦУР does not say. */
    static final int MAX_PAGE = 100;

    static final int DEFAULT_PAGE = 50;

    private final Intake intake;
    private final MessageViews views;
    private final Clock clock;
    private final MessageValidator validator = MessageValidator.strict();

    MessagesApiController(Intake intake, MessageViews views, Clock clock) {
        this.intake = intake;
        this.views = views;
        this.clock = clock;
    }

    @Operation(
            summary = "Передать сообщение",
            description = "Регистрирует сообщение как новое (NEW) и запускает сроки. Идемпотентно по externalId: "
                    + "повтор с тем же содержанием — 200 с тем же телом, с другим — 409. Тело не больше 1 МБ.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = MessageRequest.class))),
            responses = {
                @ApiResponse(
                        responseCode = "201",
                        description = "Зарегистрировано",
                        headers = @Header(name = "Location", description = "/api/v1/messages/{id}"),
                        content =
                                @Content(
                                        mediaType = "application/json",
                                        schema = @Schema(implementation = MessageViews.Receipt.class))),
                @ApiResponse(
                        responseCode = "200",
                        description = "Уже было получено с тем же содержанием",
                        content =
                                @Content(
                                        mediaType = "application/json",
                                        schema = @Schema(implementation = MessageViews.Receipt.class))),
                @ApiResponse(
                        responseCode = "400",
                        description = "Неверные поля: errors [{field, message}]",
                        content =
                                @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(
                        responseCode = "401",
                        description = "Нет ключа доступа, ключ неизвестен или отозван",
                        content =
                                @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(
                        responseCode = "409",
                        description = "externalId уже занят сообщением с другим содержанием (existingId)",
                        content =
                                @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(
                        responseCode = "413",
                        description = "Тело больше 1 МБ",
                        content =
                                @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(
                        responseCode = "415",
                        description = "Не application/json",
                        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
            })
    @PostMapping
    @BodyLimit(bytes = MAX_BODY_BYTES)
    ResponseEntity<?> receive(@RequestBody MessageRequest body) {
        List<FieldError> errors = new ArrayList<>();
        Map<MessageField, String> values = body.strings(errors);
        MessageValidator.Result result = validator.validate(values, errors, clock.instant());
        if (!result.valid()) {
            throw new InvalidFields(result.errors());
        }
        Intake.Described<MessageViews.Receipt> received =
                intake.receive(result.message(), postId -> views.receipt(postId).orElseThrow());
        Receipt receipt = received.receipt();
        return switch (receipt.kind()) {
            case CREATED ->
                ResponseEntity.created(URI.create("/api/v1/messages/" + receipt.postId()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(received.description());
            case REPEATED ->
                ResponseEntity.ok()
                        .location(URI.create("/api/v1/messages/" + receipt.postId()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(received.description());
            case CONFLICT -> conflict(result.message().externalId(), receipt.postId());
        };
    }

    @Operation(
            summary = "Состояние сообщения",
            description = "Состояние, сроки, последний размещённый ответ (answer, null пока его нет), проект ответа "
                    + "на согласовании в ЦУР (draft — только в статусе AT_CUR; его id и version передаются в "
                    + "cur-decision), причина возврата в ЦУР или отказа по п.18 (reason) и все размещённые ответы "
                    + "(answers).",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "Сообщение",
                        content =
                                @Content(
                                        mediaType = "application/json",
                                        schema = @Schema(implementation = MessageViews.Details.class))),
                @ApiResponse(
                        responseCode = "401",
                        description = "Нет ключа доступа",
                        content =
                                @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(
                        responseCode = "404",
                        description = "Нет сообщения с таким id",
                        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
            })
    @GetMapping("/{id}")
    ResponseEntity<?> show(@PathVariable long id) {
        return views.details(id)
                .<ResponseEntity<?>>map(details -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(details))
                .orElseGet(() -> notFound(id));
    }

    @Operation(
            summary = "Изменившиеся сообщения",
            description = "Страница сообщений, изменившихся после указанного момента или курсора, по времени "
                    + "изменения, затем по id; каждое — в том же виде, что GET /api/v1/messages/{id}. Чтобы "
                    + "опрашивать без пропусков и повторов, передавайте в следующий запрос cursor из ответа "
                    + "(cursor не вместе с changedSince). Изменение видно в ленте, когда его транзакция завершена.",
            parameters = {
                @Parameter(
                        name = "status",
                        in = ParameterIn.QUERY,
                        description = "Только сообщения в этом статусе (например, AT_CUR — ждут решения ЦУР)",
                        schema = @Schema(implementation = PostState.class)),
                @Parameter(
                        name = "changedSince",
                        in = ParameterIn.QUERY,
                        description = "Изменившиеся в этот момент или позже: ISO 8601 с часовым поясом, "
                                + "например 2026-12-01T10:00:00+07:00",
                        schema = @Schema(type = "string", format = "date-time")),
                @Parameter(
                        name = "cursor",
                        in = ParameterIn.QUERY,
                        description = "Курсор из предыдущего ответа: изменившиеся после последнего сообщения той "
                                + "страницы",
                        schema = @Schema(type = "string")),
                @Parameter(
                        name = "limit",
                        in = ParameterIn.QUERY,
                        description = "Сообщений на странице, от 1 до " + MAX_PAGE + "; по умолчанию " + DEFAULT_PAGE,
                        schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "50"))
            },
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "Страница сообщений и курсор для следующего запроса",
                        content =
                                @Content(
                                        mediaType = "application/json",
                                        schema = @Schema(implementation = MessageViews.Page.class))),
                @ApiResponse(
                        responseCode = "400",
                        description = "Неверные параметры: errors [{field, message}]",
                        content =
                                @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(
                        responseCode = "401",
                        description = "Нет ключа доступа",
                        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
            })
    @GetMapping
    ResponseEntity<?> changed(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String changedSince,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit) {
        List<FieldError> errors = new ArrayList<>();
        PostState state = null;
        if (status != null) {
            try {
                state = PostState.valueOf(status.strip());
            } catch (IllegalArgumentException ex) {
                errors.add(new FieldError(
                        "status",
                        "Неизвестный статус: допустимы "
                                + Arrays.stream(PostState.values())
                                        .map(Enum::name)
                                        .collect(Collectors.joining(", "))
                                + "."));
            }
        }
        ChangeCursor after = null;
        if (changedSince != null && cursor != null) {
            errors.add(new FieldError("cursor", "Укажите либо changedSince, либо cursor, но не оба."));
        } else if (changedSince != null) {
            try {
                after = ChangeCursor.since(
                        OffsetDateTime.parse(changedSince.strip()).toInstant());
            } catch (DateTimeParseException ex) {
                errors.add(new FieldError(
                        "changedSince",
                        "Момент — в формате ISO 8601 с часовым поясом, например 2026-12-01T10:00:00+07:00."));
            }
        } else if (cursor != null) {
            after = ChangeCursor.parse(cursor.strip()).orElse(null);
            if (after == null) {
                errors.add(new FieldError("cursor", "Курсор не распознан: передайте cursor из предыдущего ответа."));
            }
        }
        int size = DEFAULT_PAGE;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException ex) {
                size = -1;
            }
            if (size < 1 || size > MAX_PAGE) {
                errors.add(new FieldError("limit", "limit — целое число от 1 до " + MAX_PAGE + "."));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(views.changed(state, after, size));
    }

    /** Any other method on the API's paths: 405 with the methods that are allowed. */
    @Hidden
    @RequestMapping
    void otherMethodOnCollection(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        throw new HttpRequestMethodNotSupportedException(request.getMethod(), List.of("GET", "POST"));
    }

    @Hidden
    @RequestMapping("/{id}")
    void otherMethodOnMessage(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        throw new HttpRequestMethodNotSupportedException(request.getMethod(), List.of("GET"));
    }

    static ResponseEntity<?> notFound(long id) {
        return ApiProblems.of(HttpStatus.NOT_FOUND, "Сообщение не найдено", "Сообщения с id " + id + " нет.");
    }

    private static ResponseEntity<?> conflict(String externalId, long existingId) {
        ResponseEntity<ProblemDetail> problem = ApiProblems.of(
                HttpStatus.CONFLICT,
                "Внешний ID уже занят",
                "Сообщение с externalId «" + externalId + "» уже зарегистрировано (id " + existingId
                        + ") с другим содержанием; повтор должен совпадать с первым запросом.");
        problem.getBody().setProperty("existingId", existingId);
        problem.getBody().setProperty("existing", "/api/v1/messages/" + existingId);
        return problem;
    }
}
