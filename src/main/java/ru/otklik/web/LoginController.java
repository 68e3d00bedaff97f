package ru.otklik.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.otklik.database.DatabaseMode;

/**
 * The login page, with the reason of a failed attempt and, in demo mode, the demo logins. It opens no session: the
 * reason comes in the address ({@link LoginOutcomes}), the form's CSRF token in a cookie.
 */
@Controller
class LoginController {

    private static final String VIEW = "web/login";

    private final DatabaseMode mode;

    LoginController(DatabaseMode mode) {
        this.mode = mode;
    }

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error, @RequestParam(required = false) String expired, Model model) {
        if (error != null) {
            model.addAttribute("errorCode", LoginOutcomes.messageCode(error));
        } else if (expired != null) {
            model.addAttribute("errorCode", "login.expired");
        }
        model.addAttribute("demo", mode.demo());
        return VIEW;
    }
}
