package ru.otklik.intake.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;

import ru.otklik.api.ApiProblems;
import ru.otklik.api.ApiProblems.FieldError;
import ru.otklik.intake.Intake;
import ru.otklik.intake.MessageValidator;
import ru.otklik.intake.Receipt;

/**
 * ЦУР's intake API (SPEC §5): {@code POST /api/v1/messages} registers a post once per external id,
 * {@code GET /api/v1/messages/{id}} tells its status, deadlines and answer. Every refusal is problem+json.
 */
@RestController
@RequestMapping("/api/v1/messages")
@Tag(name = "Сообщения ЦУР", description = "Приём сообщений из открытых источников от ЦУР, их состояние и решение ЦУР по проекту ответа")
@SecurityScheme(name = MessagesApiController.TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Ключ доступа ЦУР, выданный администратором Отклика")
@SecurityRequirement(name = MessagesApiController.TOKEN)
class MessagesApiController {

    static final String TOKEN = "curToken";
    private static final String PROBLEM = "application/problem+json";

    /** 1 MB: far above the largest valid message (20,000 characters of text), far below a memory problem. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final Intake intake;
    private final MessageViews views;
    private final Clock clock;
    private final MessageValidator validator = MessageValidator.strict();

    MessagesApiController(Intake intake, MessageViews views, Clock clock) {
        this.intake = intake;
        this.views = views;
        this.clock = clock;
    }

    @Operation(summary = "Передать сообщение",
            description = "Регистрирует сообщение как новое (NEW) и запускает сроки. Идемпотентно по externalId: "
                    + "повтор с тем же содержанием — 200 с тем же телом, с другим — 409. Тело не больше 1 МБ.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = MessageRequest.class))),
            responses = {
                    @ApiResponse(responseCode = "201", description = "Зарегистрировано",
                            headers = @Header(name = "Location", description = "/api/v1/messages/{id}"),
                            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MessageViews.Receipt.class))),
                    @ApiResponse(responseCode = "200", description = "Уже было получено с тем же содержанием",
                            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MessageViews.Receipt.class))),
                    @ApiResponse(responseCode = "400", description = "Неверные поля: errors [{field, message}]",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "401", description = "Нет ключа доступа, ключ неизвестен или отозван",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "409", description = "externalId уже занят сообщением с другим содержанием (existingId)",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "413", description = "Тело больше 1 МБ",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "415", description = "Не application/json",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))})
    @PostMapping
    ResponseEntity<?> receive(@Parameter(hidden = true) HttpServletRequest request) throws IOException {
        ResponseEntity<?> unsupported = checkContentType(request.getContentType());
        if (unsupported != null) {
            return unsupported;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return tooLarge();
        }
        byte[] body = readAtMost(request.getInputStream(), MAX_BODY_BYTES);
        if (body == null) {
            return tooLarge();
        }
        JsonMessageReader.Read read;
        try {
            read = JsonMessageReader.read(body);
        }
        catch (JsonMessageReader.MalformedJson ex) {
            return ApiProblems.badRequest(List.of(new FieldError(JsonMessageReader.BODY, ex.getMessage())));
        }
        if (read.errors().stream().anyMatch(e -> e.field().equals(JsonMessageReader.BODY))) {
            return ApiProblems.badRequest(read.errors());
        }
        MessageValidator.Result result = validator.validate(read.values(), read.errors(), clock.instant());
        if (!result.valid()) {
            return ApiProblems.badRequest(result.errors());
        }
        Intake.Described<MessageViews.Receipt> received = intake.receive(result.message(),
                postId -> views.receipt(postId).orElseThrow());
        Receipt receipt = received.receipt();
        return switch (receipt.kind()) {
            case CREATED -> ResponseEntity.created(URI.create("/api/v1/messages/" + receipt.postId()))
                    .contentType(MediaType.APPLICATION_JSON).body(received.description());
            case REPEATED -> ResponseEntity.ok().location(URI.create("/api/v1/messages/" + receipt.postId()))
                    .contentType(MediaType.APPLICATION_JSON).body(received.description());
            case CONFLICT -> conflict(result.message().externalId(), receipt.postId());
        };
    }

    @Operation(summary = "Состояние сообщения", description = "Состояние, сроки и размещённый ответ (answer, null пока его нет).",
            responses = {
                    @ApiResponse(responseCode = "200", description = "Сообщение",
                            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MessageViews.Details.class))),
                    @ApiResponse(responseCode = "401", description = "Нет ключа доступа",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "404", description = "Нет сообщения с таким id",
                            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))})
    @GetMapping("/{id}")
    ResponseEntity<?> show(@PathVariable String id) {
        long postId;
        try {
            postId = Long.parseLong(id);
        }
        catch (NumberFormatException ex) {
            return notFound(id);
        }
        return views.details(postId).<ResponseEntity<?>>map(details -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON).body(details)).orElseGet(() -> notFound(id));
    }

    /** Any other method on the API's paths: 405 with the methods that are allowed. */
    @Hidden
    @RequestMapping
    ResponseEntity<?> otherMethodOnCollection(HttpServletRequest request) {
        return methodNotAllowed(request, "POST");
    }

    @Hidden
    @RequestMapping("/{id}")
    ResponseEntity<?> otherMethodOnMessage(HttpServletRequest request) {
        return methodNotAllowed(request, "GET");
    }

    private static ResponseEntity<?> methodNotAllowed(HttpServletRequest request, String allowed) {
        ResponseEntity<?> problem = ApiProblems.of(HttpStatus.METHOD_NOT_ALLOWED, "Метод не поддерживается",
                "Метод " + request.getMethod() + " здесь не поддерживается; допустим " + allowed + ".");
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.ALLOW, allowed).body(problem.getBody());
    }

    private static ResponseEntity<?> checkContentType(String contentType) {
        String detail = "Тело запроса должно быть JSON в UTF-8: заголовок Content-Type: application/json.";
        if (contentType == null || contentType.isBlank()) {
            return ApiProblems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Неподдерживаемый тип содержимого", detail);
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            Charset charset = type.getCharset();
            boolean json = type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()
                    && !type.isWildcardSubtype();
            if (json && (charset == null || charset.equals(StandardCharsets.UTF_8))) {
                return null;
            }
        }
        catch (InvalidMediaTypeException | UnsupportedOperationException ex) {
            // an unreadable Content-Type or an unknown charset: refused below like any other type
        }
        return ApiProblems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Неподдерживаемый тип содержимого", detail);
    }

    /** The body, or {@code null} when it is longer than {@code limit} bytes (the rest is not read). */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }

    private static ResponseEntity<?> tooLarge() {
        return ApiProblems.of(HttpStatus.CONTENT_TOO_LARGE, "Слишком большой запрос",
                "Тело запроса больше 1 МБ (1 048 576 байт): сообщение с текстом до 20 000 символов занимает гораздо меньше.");
    }

    private static ResponseEntity<?> notFound(String id) {
        return ApiProblems.of(HttpStatus.NOT_FOUND, "Сообщение не найдено",
                "Сообщения с id " + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + " нет.");
    }

    private static ResponseEntity<?> conflict(String externalId, long existingId) {
        ResponseEntity<ProblemDetail> problem = ApiProblems.of(HttpStatus.CONFLICT,
                "Внешний ID уже занят",
                "Сообщение с externalId «" + externalId + "» уже зарегистрировано (id " + existingId
                        + ") с другим содержанием; повтор должен совпадать с первым запросом.");
        problem.getBody().setProperty("existingId", existingId);
        problem.getBody().setProperty("existing", "/api/v1/messages/" + existingId);
        return problem;
    }
}
