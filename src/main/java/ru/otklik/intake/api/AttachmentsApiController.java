package ru.otklik.intake.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.otklik.api.ApiProblems;
import ru.otklik.api.ApiProblems.FieldError;
import ru.otklik.api.BodyLimit;
import ru.otklik.api.ControlCharacters;
import ru.otklik.api.InvalidFields;
import ru.otklik.api.JsonApi;
import ru.otklik.people.NotFoundException;
import ru.otklik.posts.AttachmentRefused;
import ru.otklik.posts.Attachments;
import ru.otklik.posts.Attachments.Summary;
import tools.jackson.databind.JsonNode;

/**
 * ЦУР sends a file of a post, e.g. a screenshot of it, before the citizen deletes it: {@code POST
 * /api/v1/messages/{id}/attachments} with ЦУР's token, as {@code multipart/form-data} (the part {@code file}) or as
 * JSON {@code {"fileName": "…", "content": "<base64>"}}. 201 with what was kept; 400 problem+json when the file is
 * refused (its type by content, an empty file, the post's limits), 413 over the size limit, 404 for an unknown post.
 */
@RestController
@JsonApi
class AttachmentsApiController {

    static final String PATH = "/api/v1/messages/{id}/attachments";
    /** A JSON body carries the file in base64, a third larger: room for a 12 MB file. Larger files: multipart. */
    static final int MAX_JSON_BYTES = 16 * 1024 * 1024;

    private static final Locale RU = Locale.forLanguageTag("ru");

    /** The JSON form of an upload: each field as the JSON value it is, so that every bad field is named at once. */
    @Schema(name = "AttachmentUpload", description = "Файл в base64. Неизвестные поля отклоняются (400).")
    record Upload(
            @Schema(implementation = String.class, maxLength = 255, description = "Имя файла, например post.png")
            JsonNode fileName,

            @Schema(
                    implementation = String.class,
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Содержимое файла в base64 (RFC 4648)")
            JsonNode content,

            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> unknown) {

        /** The name and the bytes, or {@link InvalidFields} naming every bad field. */
        Decoded validate() {
            List<FieldError> errors = new ArrayList<>();
            if (unknown != null) {
                unknown.keySet()
                        .forEach(name -> errors.add(new FieldError(
                                name.length() > 60 ? name.substring(0, 60) + "…" : name,
                                "Неизвестное поле: допустимы fileName и content.")));
            }
            String name = null;
            if (fileName != null && !fileName.isNull()) {
                if (!fileName.isString()) {
                    errors.add(new FieldError("fileName", "Имя файла — строка."));
                } else if (ControlCharacters.firstRefused(fileName.stringValue(), false) >= 0) {
                    errors.add(new FieldError("fileName", "Имя файла содержит управляющий символ."));
                } else if (fileName.stringValue().length() > 255) {
                    errors.add(new FieldError("fileName", "Имя файла не длиннее 255 символов."));
                } else {
                    name = fileName.stringValue();
                }
            }
            byte[] bytes = null;
            if (content == null || content.isNull()) {
                errors.add(new FieldError("content", "Укажите содержимое файла в base64."));
            } else if (!content.isString()) {
                errors.add(new FieldError("content", "Содержимое файла — строка base64."));
            } else {
                try {
                    bytes = Base64.getDecoder().decode(content.stringValue());
                } catch (IllegalArgumentException ex) {
                    errors.add(new FieldError("content", "Содержимое файла не является корректным base64."));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidFields(errors);
            }
            return new Decoded(name, bytes);
        }
    }

    record Decoded(String fileName, byte[] bytes) {}

    /** What was kept. */
    record Kept(long id, long messageId, String kind, String fileName, String mediaType, long size) {

        static Kept of(Summary summary) {
            return new Kept(
                    summary.id(),
                    summary.postId(),
                    summary.kind().name(),
                    summary.fileName(),
                    summary.mediaType(),
                    summary.size());
        }
    }

    private final Attachments attachments;
    private final MessageSource messages;

    AttachmentsApiController(Attachments attachments, MessageSource messages) {
        this.attachments = attachments;
        this.messages = messages;
    }

    @Operation(
            summary = "Прикрепить файл к сообщению (multipart)",
            description = "Часть file: изображение PNG, JPEG, WebP, GIF или документ PDF, DOCX, XLSX; тип "
                    + "определяется по содержимому, не по имени. 201 — файл сохранён; 400 — файл не принят "
                    + "(problem+json с причиной); 404 — нет такого сообщения; 413 — файл больше допустимого.",
            tags = "Сообщения ЦУР")
    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> multipart(
            @PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null) {
            return refused(new AttachmentRefused(AttachmentRefused.Reason.EMPTY), "file");
        }
        try (InputStream content = file.getInputStream()) {
            return keep(id, file.getOriginalFilename(), content, "file");
        }
    }

    @Operation(
            summary = "Прикрепить файл к сообщению (JSON, base64)",
            description = "Тело: {\"fileName\": \"post.png\", \"content\": \"<base64>\"}, не больше 16 МБ; файлы "
                    + "больше 12 МБ — через multipart. Ответы — как у multipart.",
            tags = "Сообщения ЦУР")
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    @BodyLimit(bytes = MAX_JSON_BYTES)
    ResponseEntity<?> json(@PathVariable long id, @RequestBody Upload body) {
        Decoded decoded = body.validate();
        return keep(id, decoded.fileName(), new ByteArrayInputStream(decoded.bytes()), "content");
    }

    private ResponseEntity<?> keep(long id, String fileName, InputStream content, String field) {
        try {
            Summary kept = attachments.addFromCur(id, fileName, content);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Kept.of(kept));
        } catch (NotFoundException ex) {
            return MessagesApiController.notFound(id);
        } catch (AttachmentRefused ex) {
            return refused(ex, field);
        }
    }

    private ResponseEntity<?> refused(AttachmentRefused ex, String field) {
        String message = messages.getMessage(ex.messageKey(), ex.arguments(), RU);
        if (ex.reason() == AttachmentRefused.Reason.TOO_LARGE) {
            return ApiProblems.of(HttpStatus.CONTENT_TOO_LARGE, "Слишком большой файл", message);
        }
        return ApiProblems.badRequest(List.of(new FieldError(field, message)));
    }

    /** Any other method: 405 naming POST. */
    @Hidden
    @RequestMapping(
            path = PATH,
            method = {RequestMethod.GET, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
    void otherMethod(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        throw new HttpRequestMethodNotSupportedException(request.getMethod(), List.of("POST"));
    }
}
