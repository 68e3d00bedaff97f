package ru.otklik.reports;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import ru.otklik.people.CurrentUser;
import ru.otklik.people.Role;

/**
 * The monthly report page (п.21), the posts behind each number, and the exports.
 */
@Controller
@RequestMapping("/reports/monthly")
class ReportController {

    private static final String VIEW = "reports/monthly";
    private static final String LIST_VIEW = "reports/posts";
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MonthlyReports reports;
    private final ReportDrillDown drillDown;
    private final ReportExports exports;
    private final Labels labels;
    private final JdbcClient jdbc;

    ReportController(
            MonthlyReports reports, ReportDrillDown drillDown, ReportExports exports, Labels labels, JdbcClient jdbc) {
        this.reports = reports;
        this.drillDown = drillDown;
        this.exports = exports;
        this.labels = labels;
        this.jdbc = jdbc;
    }

    @GetMapping
    String page(@RequestParam(required = false) String month, @AuthenticationPrincipal CurrentUser user, Model model) {
        YearMonth shown = month(month, model);
        MonthlyReport report = reports.build(shown, scope(user));
        model.addAttribute("report", report);
        model.addAttribute("measures", Measure.values());
        model.addAttribute("dimensions", List.of(Dimension.SOURCE, Dimension.DEPARTMENT, Dimension.IMPORTANCE));
        model.addAttribute(
                "chart",
                Charts.bars(report.rules().stream()
                        .map(r -> new Charts.Bar(labels.rule(r.code()), r.met(), r.breached()))
                        .toList()));
        model.addAttribute("previous", shown.minusMonths(1));
        model.addAttribute("next", shown.plusMonths(1));
        return VIEW;
    }

    @GetMapping("/posts")
    String posts(
            @RequestParam(required = false) String month,
            @RequestParam(defaultValue = "RECEIVED") Measure measure,
            @RequestParam(defaultValue = "TOTAL") Dimension dimension,
            @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Model model) {
        if (dimension == Dimension.DEPARTMENT && !key.matches("\\d{1,18}")) {
            // a department is named by its id (0: posts sent to no department)
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "key is not a department id");
        }
        YearMonth shown = month(month, model);
        model.addAttribute(
                "heading",
                labels.measure(measure)
                        + (dimension == Dimension.TOTAL
                                ? ""
                                : " · " + labels.dimension(dimension) + ": " + keyLabel(dimension, key)));
        model.addAttribute("listing", drillDown.measured(shown, measure, dimension, key, scope(user), page));
        return list(shown, model);
    }

    @GetMapping("/clocks")
    String clocks(
            @RequestParam(required = false) String month,
            @RequestParam String rule,
            @RequestParam(defaultValue = "STARTED") ReportDrillDown.Outcome outcome,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Model model) {
        YearMonth shown = month(month, model);
        model.addAttribute(
                "heading",
                labels.get("report.drill.clocks", labels.rule(rule), labels.get("report.outcome." + outcome.name())));
        model.addAttribute("listing", drillDown.clocks(shown, rule, outcome, scope(user), page));
        return list(shown, model);
    }

    @GetMapping("/assignments")
    String assignments(
            @RequestParam(required = false) String month,
            @RequestParam(required = false) Long executor,
            @RequestParam(required = false) Long department,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentUser user,
            Model model) {
        YearMonth shown = month(month, model);
        model.addAttribute("heading", labels.get("report.drill.assignments"));
        model.addAttribute("listing", drillDown.assignments(shown, executor, department, scope(user), page));
        return list(shown, model);
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> xlsx(
            @RequestParam(required = false) String month, @AuthenticationPrincipal CurrentUser user) {
        MonthlyReport report = reports.build(month(month, null), scope(user));
        return download(
                exports.xlsx(report, drillDown.received(report.month(), scope(user))),
                XLSX,
                "otklik-" + report.month() + ".xlsx");
    }

    @GetMapping("/export.csv")
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) String month, @AuthenticationPrincipal CurrentUser user) {
        MonthlyReport report = reports.build(month(month, null), scope(user));
        return download(
                exports.csv(report, drillDown.received(report.month(), scope(user))),
                new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                "otklik-" + report.month() + ".csv");
    }

    private String list(YearMonth shown, Model model) {
        model.addAttribute("month", shown);
        return LIST_VIEW;
    }

    private String keyLabel(Dimension dimension, String key) {
        return switch (dimension) {
            case SOURCE -> labels.source(key);
            case IMPORTANCE -> labels.importance(key);
            case DEPARTMENT ->
                "0".equals(key)
                        ? labels.get("report.department.none")
                        : jdbc.sql("select name from department where id = ?")
                                .param(parseLong(key))
                                .query(String.class)
                                .optional()
                                .orElse(key);
            case TOTAL -> "";
        };
    }

    /**
     * The whole Ministry for org staff, deputies and the minister; a department head only sees their departments.
     */
    private List<Long> scope(CurrentUser user) {
        if (user.hasAnyRole(Role.MINISTRY_WIDE)) {
            return List.of();
        }
        List<Long> headed = jdbc.sql("select id from department where head_id = ?")
                .param(user.id())
                .query(Long.class)
                .list();
        // A head of no department sees nothing rather than everything.
        return headed.isEmpty() ? List.of(-1L) : headed;
    }

    private YearMonth month(String value, Model model) {
        if (value == null || value.isBlank()) {
            return reports.currentMonth();
        }
        try {
            YearMonth month = YearMonth.parse(value.strip());
            if (month.getYear() >= 2000 && month.getYear() <= 2100) {
                return month;
            }
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        if (model != null) {
            model.addAttribute("warning", "report.month.invalid");
        }
        return reports.currentMonth();
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(body);
    }
}
