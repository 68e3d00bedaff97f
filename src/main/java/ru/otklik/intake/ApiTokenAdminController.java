package ru.otklik.intake;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.otklik.audit.AuditAction;
import ru.otklik.audit.AuditLog;
import ru.otklik.intake.api.CurWebhookSender;

/**
 * The admin's page of ЦУР access tokens: create one (its secret is shown once), revoke one, see when each was used;
 * and the state of ЦУР's webhook: whether it is configured, how many notices wait, which were given up (to queue again).
 */
@Controller
@RequestMapping("/admin/tokens")
class ApiTokenAdminController {

    private static final String VIEW = "intake/tokens";

    private final ApiTokens tokens;
    private final AuditLog audit;
    private final CurWebhookSender webhook;

    ApiTokenAdminController(ApiTokens tokens, AuditLog audit, CurWebhookSender webhook) {
        this.tokens = tokens;
        this.audit = audit;
        this.webhook = webhook;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("tokens", tokens.all());
        model.addAttribute("webhook", webhook.status());
        return VIEW;
    }

    /** Puts a notice to ЦУР's webhook that was given up back in the queue. */
    @PostMapping("/webhook/{id}/retry")
    String retryNotice(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "message", webhook.retry(id) ? "tokens.webhook.requeued" : "tokens.webhook.notFailed");
        return "redirect:/admin/tokens";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String name, Principal admin, RedirectAttributes redirect) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            redirect.addFlashAttribute("nameError", true);
            return "redirect:/admin/tokens";
        }
        redirect.addFlashAttribute("newSecret", tokens.create(trimmed, admin.getName()));
        audit.record(AuditAction.API_TOKEN_CREATED, trimmed, null);
        redirect.addFlashAttribute("newName", trimmed);
        return "redirect:/admin/tokens";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        boolean revoked = tokens.revoke(id);
        if (revoked) {
            audit.record(AuditAction.API_TOKEN_REVOKED, "#" + id, null);
        }
        redirect.addFlashAttribute("message", revoked ? "tokens.revoked" : "tokens.alreadyRevoked");
        return "redirect:/admin/tokens";
    }
}
