package ru.otklik.deadlines.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.otklik.deadlines.internal.Notifications;
import ru.otklik.people.CurrentUser;
import ru.otklik.people.NotFoundException;

/**
 * The person's notifications: the bell in the header (its unread count, refreshed by htmx), the list, mark as read.
 */
@Controller
class NotificationController {

    private static final String VIEW = "deadlines/notifications";
    private static final int SHOWN = 200;

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
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
}
