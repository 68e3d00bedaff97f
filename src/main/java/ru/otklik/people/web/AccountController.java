package ru.otklik.people.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.otklik.people.CurrentUser;
import ru.otklik.people.PeopleManagement;

/**
 * «Сменить пароль» in the user menu: anyone changes their own password with the current one (ASVS 5.0 V6.2.2). After
 * a password set by the admin this page is the only one open until the person has chosen their own.
 */
@Controller
class AccountController {

    private static final String VIEW = "people/account-password";

    private final PeopleManagement people;

    AccountController(PeopleManagement people) {
        this.people = people;
    }

    @GetMapping("/account/password")
    String form(Model model) {
        model.addAttribute("form", OwnPasswordForm.empty());
        return VIEW;
    }

    /** Whether this session was opened with a password set by the admin, not yet replaced. */
    @ModelAttribute("mustChange")
    boolean mustChange(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(CurrentUser.MUST_CHANGE_PASSWORD) != null;
    }

    @PostMapping("/account/password")
    String change(
            @ModelAttribute("form") OwnPasswordForm form,
            BindingResult result,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if (form.newPassword() != null && !form.newPassword().equals(form.repeatPassword())) {
            result.rejectValue("repeatPassword", "account.password.repeat");
        }
        HttpSession session = request.getSession();
        if (!people.changeOwnPassword(user.id(), form.currentPassword(), form.newPassword(), session.getId(), result)) {
            return VIEW;
        }
        session.removeAttribute(CurrentUser.MUST_CHANGE_PASSWORD);
        redirect.addFlashAttribute("message", "account.password.changed");
        return "redirect:/";
    }
}
