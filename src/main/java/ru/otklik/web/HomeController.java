package ru.otklik.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import ru.otklik.people.CurrentUser;

/**
 * Sends each person to the start page of their main role, and serves the help page.
 */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user) {
        return "redirect:" + StartPages.of(user.mainRole());
    }

    @GetMapping("/help")
    String help() {
        return "web/help";
    }
}
