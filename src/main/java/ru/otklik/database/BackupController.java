package ru.otklik.database;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * «Резервные копии» for the administrator: the kept copies to download, a copy made now, and a copy downloaded
 * straight from the database where Otklik keeps none (an external database).
 */
@Controller
class BackupController {

    private static final String VIEW = "database/backups";

    private final BackupFiles files;
    private final DataSource dataSource;
    private final Clock clock;

    BackupController(BackupFiles files, DataSource dataSource, Clock clock) {
        this.files = files;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @GetMapping("/admin/backups")
    String list(Model model) throws IOException {
        model.addAttribute("directory", files.directory().map(Path::toString).orElse(null));
        model.addAttribute("backups", files.list());
        return VIEW;
    }

    @PostMapping("/admin/backups")
    String makeNow(RedirectAttributes flash) {
        try {
            BackupFiles.BackupFile made = files.makeNow();
            flash.addFlashAttribute("made", made.name());
        } catch (IOException ex) {
            flash.addFlashAttribute("failed", ex.getMessage());
        }
        return "redirect:/admin/backups";
    }

    @GetMapping("/admin/backups/{name}")
    ResponseEntity<FileSystemResource> download(@PathVariable String name) {
        return files.find(name)
                .map(file -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename(name)
                                        .build()
                                        .toString())
                        .body(new FileSystemResource(file)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** A copy made while it is sent: nothing is kept on the server. */
    @PostMapping("/admin/backups/download")
    void downloadNow(HttpServletResponse response) throws IOException {
        String name = BackupFiles.nameFor(clock.instant());
        response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString());
        Backups.write(dataSource, response.getOutputStream(), clock.instant());
    }
}
