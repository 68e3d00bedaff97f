package ru.otklik.posts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page of each role: the posts waiting for that person.
 */
@Controller
class WorkListController {

    private static final String VIEW = "posts/worklist";

    @GetMapping("/inbox")
    String inbox(Model model) {
        return list(model, "inbox");
    }

    @GetMapping("/assignments")
    String assignments(Model model) {
        return list(model, "assignments");
    }

    @GetMapping("/approvals")
    String approvals(Model model) {
        return list(model, "approvals");
    }

    @GetMapping("/escalations")
    String escalations(Model model) {
        return list(model, "escalations");
    }

    private static String list(Model model, String kind) {
        model.addAttribute("kind", kind);
        return VIEW;
    }
}
