package ru.otklik.deadlines.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.otklik.audit.AuditAction;
import ru.otklik.audit.AuditLog;
import ru.otklik.deadlines.BreachAction;
import ru.otklik.deadlines.ClockKind;
import ru.otklik.deadlines.DeadlineRule;
import ru.otklik.deadlines.RuleManagement;
import ru.otklik.deadlines.Rules;
import ru.otklik.people.CurrentUser;
import ru.otklik.people.NotFoundException;
import ru.otklik.people.StaleEditException;

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
        return form(
                model,
                rule,
                String.valueOf(rule.limit()),
                rule.kind().name(),
                rule.action().name(),
                rule.version(),
                List.of());
    }

    /** A rule as its form sends it, with the version the admin saw. */
    record RuleForm(
            @NotNull @Min(1) @Max(100000) Integer limit,
            @NotNull ClockKind kind,
            @NotNull BreachAction action,
            @NotNull Long version) {}

    /** The form's fields in the order their problems are listed, each with its message. */
    private static final List<Map.Entry<String, String>> PROBLEMS = List.of(
            Map.entry("limit", "deadlines.rules.error.limit"), Map.entry("kind", "deadlines.rules.error.kind"),
            Map.entry("action", "deadlines.rules.error.action"), Map.entry("version", "deadlines.stale"));

    @PostMapping("/admin/deadline-rules/{code}")
    String save(
            @PathVariable String code,
            @Valid @ModelAttribute RuleForm form,
            BindingResult result,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        DeadlineRule rule = rules.find(code).orElseThrow(NotFoundException::new);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            List<String> errors = PROBLEMS.stream()
                    .filter(p -> result.hasFieldErrors(p.getKey()))
                    .map(Map.Entry::getValue)
                    .toList();
            return form(
                    model,
                    rule,
                    typed(form.limit(), result, "limit"),
                    typed(form.kind(), result, "kind"),
                    typed(form.action(), result, "action"),
                    form.version() == null ? rule.version() : form.version(),
                    errors);
        }
        management.change(code, form.version(), form.limit(), form.kind(), form.action(), user.id());
        audit.record(
                AuditAction.DEADLINE_RULE_CHANGED,
                code,
                "срок: " + form.limit() + "; вид: " + form.kind() + "; по истечении: " + form.action());
        redirect.addFlashAttribute("message", "deadlines.rules.saved");
        return "redirect:/admin/deadline-rules";
    }

    /** Someone changed the rule since the admin opened it: the form again with the rule as it is now. */
    @ExceptionHandler(StaleEditException.class)
    String stale(HttpServletRequest request, Model model, HttpServletResponse response) {
        @SuppressWarnings("unchecked")
        Map<String, String> path =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        DeadlineRule now = rules.find(path.get("code")).orElseThrow(NotFoundException::new);
        response.setStatus(HttpStatus.CONFLICT.value());
        return form(
                model,
                now,
                String.valueOf(now.limit()),
                now.kind().name(),
                now.action().name(),
                now.version(),
                List.of("deadlines.stale"));
    }

    /** A field as the admin typed it: its value, or what did not convert. */
    private static String typed(Object value, BindingResult result, String field) {
        if (value != null) {
            return value instanceof Enum<?> constant ? constant.name() : String.valueOf(value);
        }
        FieldError error = result.getFieldError(field);
        return error == null || error.getRejectedValue() == null ? null : String.valueOf(error.getRejectedValue());
    }

    private String form(
            Model model,
            DeadlineRule rule,
            String limit,
            String kind,
            String action,
            long version,
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
}
