package ru.otklik.web;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import ru.otklik.database.DatabaseMode;
import ru.otklik.people.DirectoryLoginRefusedException;
import ru.otklik.people.LoginThrottledException;

/**
 * The login page, with the reason of a failed attempt and, in demo mode, the demo logins.
 */
@Controller
class LoginController {

    private static final String VIEW = "web/login";

    private final DatabaseMode mode;

    LoginController(DatabaseMode mode) {
        this.mode = mode;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
        if (error != null) {
            Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            String code = failure instanceof DirectoryLoginRefusedException refused ? refused.messageCode()
                    : failure instanceof LoginThrottledException ? "login.throttled"
                    : failure instanceof DisabledException ? "login.disabled" : "login.failed";
            model.addAttribute("errorCode", code);
        }
        model.addAttribute("demo", mode.demo());
        return VIEW;
    }
}
