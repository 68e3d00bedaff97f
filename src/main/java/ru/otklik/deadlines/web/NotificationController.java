package ru.otklik.deadlines.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.otklik.deadlines.NotificationKind;
import ru.otklik.deadlines.internal.EmailOutbox;
import ru.otklik.deadlines.internal.Notifications;
import ru.otklik.people.CurrentUser;
import ru.otklik.people.NotFoundException;
import ru.otklik.people.PeopleLookup;
import ru.otklik.people.PersonSummary;

/**
 * The person's notifications: the bell in the header (its unread count, refreshed by htmx), the list, mark as read,
 * and the settings page where each person chooses which kinds also come by e-mail.
 */
@Controller
class NotificationController {

    private static final String VIEW = "deadlines/notifications";
    private static final int SHOWN = 200;

    private final Notifications notifications;
    private final EmailOutbox outbox;
    private final PeopleLookup people;

    NotificationController(Notifications notifications, EmailOutbox outbox, PeopleLookup people) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.people = people;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("notes", notifications.recent(user.id(), SHOWN));
        model.addAttribute("unread", notifications.unreadCount(user.id()));
        return VIEW;
    }

    @GetMapping("/notifications/bell")
    String bell(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("unread", notifications.unreadCount(user.id()));
        return "deadlines/bell :: bell";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (!notifications.markRead(user.id(), id)) {
            throw new NotFoundException();
        }
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        notifications.markAllRead(user.id());
        redirect.addFlashAttribute("message", "deadlines.notifications.allRead");
        return "redirect:/notifications";
    }

    @GetMapping("/notifications/settings")
    String settings(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("kinds", List.of(NotificationKind.values()));
        model.addAttribute("byEmail", notifications.emailKinds(user.id()));
        model.addAttribute("mailConfigured", outbox.configured());
        model.addAttribute(
                "hasEmail",
                people.person(user.id())
                        .map(PersonSummary::email)
                        .filter(e -> e != null && !e.isBlank())
                        .isPresent());
        return "deadlines/notification-settings";
    }

    /** Unticked boxes are not sent: every kind not listed is in the application only. Unknown kinds are ignored. */
    @PostMapping("/notifications/settings")
    String saveSettings(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(name = "email", required = false) List<String> email,
            RedirectAttributes redirect) {
        Set<NotificationKind> chosen = EnumSet.noneOf(NotificationKind.class);
        if (email != null) {
            for (String name : email) {
                for (NotificationKind kind : NotificationKind.values()) {
                    if (kind.name().equals(name)) {
                        chosen.add(kind);
                    }
                }
            }
        }
        notifications.chooseEmailKinds(user.id(), chosen);
        redirect.addFlashAttribute("message", "deadlines.settings.saved");
        return "redirect:/notifications/settings";
    }
}
