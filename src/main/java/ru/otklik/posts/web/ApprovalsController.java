package ru.otklik.posts.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import ru.otklik.posts.Actor;

/**
 * «На согласовании» (п.10–12, п.17): the drafts waiting for the current person, or for someone they stand in for
 * today, each with the п.17 checklist and the approve and return forms beside it.
 */
@Controller
class ApprovalsController {

    private static final String VIEW = "posts/approvals";

    private final PostPages pages;

    ApprovalsController(PostPages pages) {
        this.pages = pages;
    }

    @GetMapping("/approvals")
    String approvals(Actor actor, Model model) {
        model.addAttribute("cards", pages.approvals(actor));
        return VIEW;
    }
}
