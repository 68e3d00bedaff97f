package ru.otklik.deadlines.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.otklik.audit.AuditAction;
import ru.otklik.audit.AuditLog;
import ru.otklik.people.CurrentUser;
import ru.otklik.people.NotFoundException;
import ru.otklik.people.StaleEditException;
import ru.otklik.deadlines.BreachAction;
import ru.otklik.deadlines.ClockKind;
import ru.otklik.deadlines.DeadlineRule;
import ru.otklik.deadlines.RuleManagement;
import ru.otklik.deadlines.Rules;

/**
 * The admin's page of deadline rules (SPEC §3): each rule's limit, clock kind and breach action, and the history.
 */
@Controller
class RuleAdminController {

    private static final String VIEW = "deadlines/rules";
    private static final String FORM_VIEW = "deadlines/rule-form";

    private final Rules rules;
    private final RuleManagement management;
    private final AuditLog audit;

    RuleAdminController(Rules rules, RuleManagement management, AuditLog audit) {
        this.audit = audit;
        this.rules = rules;
        this.management = management;
    }

    @GetMapping("/admin/deadline-rules")
    String list(Model model) {
        model.addAttribute("rules", rules.all());
        model.addAttribute("history", management.history(100));
        return VIEW;
    }

    @GetMapping("/admin/deadline-rules/{code}")
    String edit(@PathVariable String code, Model model) {
        DeadlineRule rule = rules.find(code).orElseThrow(NotFoundException::new);
        return form(model, rule, String.valueOf(rule.limit()), rule.kind().name(), rule.action().name(),
                rule.version(), List.of());
    }

    @PostMapping("/admin/deadline-rules/{code}")
    String save(@PathVariable String code, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String action,
            @RequestParam(required = false) Long version, @AuthenticationPrincipal CurrentUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        DeadlineRule rule = rules.find(code).orElseThrow(NotFoundException::new);
        List<String> errors = new java.util.ArrayList<>();
        Integer limitValue = null;
        try {
            limitValue = Integer.valueOf(limit == null ? "" : limit.strip());
            if (limitValue < 1 || limitValue > 100000) {
                errors.add("deadlines.rules.error.limit");
            }
        }
        catch (NumberFormatException ex) {
            errors.add("deadlines.rules.error.limit");
        }
        ClockKind kindValue = enumOf(ClockKind.class, kind);
        if (kindValue == null) {
            errors.add("deadlines.rules.error.kind");
        }
        BreachAction actionValue = enumOf(BreachAction.class, action);
        if (actionValue == null) {
            errors.add("deadlines.rules.error.action");
        }
        if (version == null) {
            errors.add("deadlines.stale");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, rule, limit, kind, action, version == null ? rule.version() : version, errors);
        }
        try {
            management.change(code, version, limitValue, kindValue, actionValue, user.id());
        }
        catch (StaleEditException ex) {
            response.setStatus(HttpStatus.CONFLICT.value());
            DeadlineRule now = rules.find(code).orElseThrow(NotFoundException::new);
            return form(model, now, String.valueOf(now.limit()), now.kind().name(), now.action().name(),
                    now.version(), List.of("deadlines.stale"));
        }
        audit.record(AuditAction.DEADLINE_RULE_CHANGED, code, "срок: " + limitValue + "; вид: " + kindValue
                + "; по истечении: " + actionValue);
        redirect.addFlashAttribute("message", "deadlines.rules.saved");
        return "redirect:/admin/deadline-rules";
    }

    private String form(Model model, DeadlineRule rule, String limit, String kind, String action, long version,
            List<String> errors) {
        model.addAttribute("rule", rule);
        model.addAttribute("limit", limit);
        model.addAttribute("kind", kind);
        model.addAttribute("action", action);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", ClockKind.values());
        model.addAttribute("actions", BreachAction.values());
        return FORM_VIEW;
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value.strip());
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
