package ru.otklik.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * «Журнал действий»: the admin reads the audit log, newest first, {@value #PAGE_SIZE} lines a page. Read only.
 */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;
    /** Bounds the page number: an offset beyond the log shows an empty page, never an error. */
    static final int MAX_PAGE = 100_000;

    private static final String VIEW = "audit/log";

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(defaultValue = "0") String page, Model model) {
        int number = page(page);
        long total = log.count();
        model.addAttribute("entries", log.page(number, PAGE_SIZE));
        model.addAttribute("page", number);
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("total", total);
        return VIEW;
    }

    private static int page(String value) {
        try {
            return Math.max(0, Math.min(MAX_PAGE, Integer.parseInt(value.strip())));
        } catch (NumberFormatException ex) {
            return 0;
        }
    }
}
