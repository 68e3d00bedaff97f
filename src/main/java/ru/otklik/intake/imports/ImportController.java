package ru.otklik.intake.imports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.otklik.intake.MessageField;
import ru.otklik.people.CurrentUser;
import ru.otklik.people.NotFoundException;

/**
 * The org specialist's import of ЦУР's CSV or XLSX export: upload, preview every row with its errors, save the good
 * rows in the background with visible progress.
 */
@Controller
@RequestMapping("/import")
class ImportController {

    private static final String FORM_VIEW = "intake/import";
    private static final String UPLOAD_VIEW = "intake/upload";
    private static final String PROGRESS_VIEW = "intake/upload :: progress";
    /** The most bytes a file may have; the servlet's multipart limit is the same 20 MB. */
    static final long MAX_BYTES = 20L * 1024 * 1024;

    static final int PAGE_SIZE = 200;

    private final Imports imports;
    private final Clock clock;

    ImportController(Imports imports, Clock clock) {
        this.imports = imports;
        this.clock = clock;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("fields", MessageField.values());
        model.addAttribute("uploads", imports.recent());
        return FORM_VIEW;
    }

    @PostMapping
    String upload(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal CurrentUser user,
            Model model)
            throws IOException {
        String problem = null;
        String argument = null;
        if (file == null || file.isEmpty()) {
            problem = "import.file.missing";
        } else if (file.getSize() > MAX_BYTES) {
            problem = "import.file.tooLarge";
        } else {
            ImportFile.Parsed parsed = ImportFile.read(file.getOriginalFilename(), file.getBytes());
            if (parsed.ok()) {
                UUID id = imports.preview(file.getOriginalFilename(), user.id(), parsed.lines());
                return "redirect:/import/" + id;
            }
            problem = parsed.problem();
            argument = parsed.problemArgument();
        }
        model.addAttribute("problem", problem);
        model.addAttribute("problemArgument", argument);
        model.addAttribute("fileName", file == null || file.isEmpty() ? null : file.getOriginalFilename());
        return form(model);
    }

    /** A sample CSV (UTF-8 with BOM, «;»): every column with its main Russian header and one filled-in row. */
    @GetMapping("/sample.csv")
    org.springframework.http.ResponseEntity<byte[]> sampleCsv() {
        return download(ImportSample.csv(), "text/csv;charset=UTF-8", "otklik-import-sample.csv");
    }

    /** The same sample as an XLSX book. */
    @GetMapping("/sample.xlsx")
    org.springframework.http.ResponseEntity<byte[]> sampleXlsx() throws IOException {
        return download(
                ImportSample.xlsx(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "otklik-import-sample.xlsx");
    }

    private static org.springframework.http.ResponseEntity<byte[]> download(byte[] body, String type, String name) {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(type))
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(name)
                                .build()
                                .toString())
                .body(body);
    }

    @GetMapping("/{id}")
    String show(
            @PathVariable("id") UUID uploadId,
            @RequestParam(defaultValue = "false") boolean problems,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Imports.Upload upload = imports.upload(uploadId).orElseThrow(NotFoundException::new);
        int rows = imports.countRows(uploadId, problems);
        int pages = Math.max(1, (rows + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 0), pages - 1);
        model.addAttribute("upload", upload);
        model.addAttribute("interrupted", upload.interrupted(clock.instant()));
        model.addAttribute("problems", problems);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("rowCount", rows);
        model.addAttribute("rows", imports.rows(uploadId, problems, current, PAGE_SIZE));
        return UPLOAD_VIEW;
    }

    /** The progress bar, polled every second while saving; when done, htmx reloads the page to show the results. */
    @GetMapping("/{id}/progress")
    String progress(
            @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            HttpServletResponse response,
            Model model) {
        Imports.Upload upload = imports.upload(id).orElseThrow(NotFoundException::new);
        if (htmx != null && upload.state() == Imports.State.DONE) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("upload", upload);
        model.addAttribute("interrupted", upload.interrupted(clock.instant()));
        return PROGRESS_VIEW;
    }

    @PostMapping("/{id}/save")
    String save(@PathVariable("id") UUID uploadId, RedirectAttributes redirect) {
        imports.upload(uploadId).orElseThrow(NotFoundException::new);
        if (!imports.save(uploadId)) {
            redirect.addFlashAttribute("warning", "import.save.already");
        }
        return "redirect:/import/" + uploadId;
    }
}
