package ru.otklik.posts.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.otklik.people.NotFoundException;
import ru.otklik.posts.Actor;
import ru.otklik.posts.AttachmentRefused;
import ru.otklik.posts.Attachments;
import ru.otklik.posts.Attachments.Summary;

/**
 * Attachments on a post's page (issue 21): attach a file to the post, its draft or a posted answer, download one,
 * remove one's own. A refused file shows the post's page again with the reason next to the form (400; 403 when the
 * person may not attach there) and keeps nothing. A download is never run by the browser: its type is the one its
 * content showed, documents come as {@code attachment}, only raster images inline, with {@code nosniff} and a
 * sandboxing {@code Content-Security-Policy}.
 */
@Controller
class AttachmentController {

    /** The policy of a downloaded file: no script, no plugin, no form, nothing loaded, even if opened on its own. */
    static final String CONTENT_SECURITY_POLICY =
            "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

    private static final String VIEW = "posts/post";
    private static final Locale RU = Locale.forLanguageTag("ru");

    private final Attachments attachments;
    private final PostPages pages;
    private final ExecutorParts parts;
    private final MessageSource messages;

    AttachmentController(Attachments attachments, PostPages pages, ExecutorParts parts, MessageSource messages) {
        this.attachments = attachments;
        this.pages = pages;
        this.parts = parts;
        this.messages = messages;
    }

    @PostMapping("/posts/{id}/attachments")
    String attach(
            @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "draftId", required = false) Long draftId,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        try (InputStream content = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            Summary added =
                    attachments.add(id, draftId, file == null ? null : file.getOriginalFilename(), content, actor);
            redirect.addFlashAttribute(
                    "messageText", messages.getMessage("attachments.added", new Object[] {added.fileName()}, RU));
            return "redirect:/posts/" + id + "#attachments-" + target(draftId);
        } catch (AttachmentRefused ex) {
            response.setStatus(
                    ex.reason() == AttachmentRefused.Reason.NOT_ALLOWED
                            ? HttpStatus.FORBIDDEN.value()
                            : HttpStatus.BAD_REQUEST.value());
            model.addAttribute("attachmentError", messages.getMessage(ex.messageKey(), ex.arguments(), RU));
            model.addAttribute("attachmentErrorTarget", target(draftId));
            model.addAttribute("page", pages.page(id, actor));
            model.addAttribute("myParts", parts.ofPost(id, actor.actingIds(), actor.id()));
            return VIEW;
        }
    }

    @GetMapping("/posts/{id}/attachments/{attachmentId}")
    void download(@PathVariable long id, @PathVariable long attachmentId, Actor actor, HttpServletResponse response)
            throws IOException {
        Summary attachment = attachments.forDownload(id, attachmentId, actor).orElseThrow(NotFoundException::new);
        response.setContentType(attachment.mediaType());
        response.setContentLengthLong(attachment.size());
        ContentDisposition disposition = (attachment.image()
                        ? ContentDisposition.inline()
                        : ContentDisposition.attachment())
                .filename(attachment.downloadName(), StandardCharsets.UTF_8)
                .build();
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition.toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        attachments.writeTo(attachment, response.getOutputStream());
    }

    @PostMapping("/posts/{id}/attachments/{attachmentId}/delete")
    String delete(
            @PathVariable long id,
            @PathVariable long attachmentId,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            attachments.delete(id, attachmentId, actor);
        } catch (AttachmentRefused ex) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("attachmentError", messages.getMessage("attachments.refused.delete", null, RU));
            model.addAttribute("page", pages.page(id, actor));
            model.addAttribute("myParts", parts.ofPost(id, actor.actingIds(), actor.id()));
            return VIEW;
        }
        redirect.addFlashAttribute("message", "attachments.removed");
        return "redirect:/posts/" + id;
    }

    /** Which form on the page the outcome belongs to: the post's, or a draft's or answer's. */
    private static String target(Long draftId) {
        return draftId == null ? "post" : "draft-" + draftId;
    }
}
