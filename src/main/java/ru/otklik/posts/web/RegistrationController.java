package ru.otklik.posts.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.otklik.people.CurrentUser;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.Source;
import ru.otklik.posts.internal.Post;
import ru.otklik.posts.internal.Posts;
import ru.otklik.posts.internal.RepeatFinder;

/**
 * Registering a post by hand (org specialist, org head), with the repeated posts found while typing (п.16).
 */
@Controller
class RegistrationController {

    private static final String FORM_VIEW = "posts/register";
    private static final String REPEATS_VIEW = "posts/register :: repeats";

    private final PostManagement management;
    private final Posts posts;
    private final RepeatFinder repeats;
    private final Clock clock;

    RegistrationController(PostManagement management, Posts posts, RepeatFinder repeats, Clock clock) {
        this.management = management;
        this.posts = posts;
        this.repeats = repeats;
        this.clock = clock;
    }

    @ModelAttribute("sources")
    List<Source> sources() {
        return List.of(Source.values());
    }

    @GetMapping("/posts/new")
    String form(Model model) {
        model.addAttribute("form", RegistrationForm.empty(clock.instant()));
        model.addAttribute("candidates", List.of());
        return FORM_VIEW;
    }

    /** The repeated-post candidates for what is typed so far (an htmx fragment). */
    @PostMapping("/posts/repeats")
    String repeats(
            @RequestParam(required = false) String url,
            @RequestParam(required = false) String authorUrl,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) List<Long> linkIds,
            Model model) {
        model.addAttribute("candidates", repeats.find(url, authorUrl, text, null));
        model.addAttribute("linked", linkIds == null ? List.of() : linkIds);
        model.addAttribute("checked", true);
        return REPEATS_VIEW;
    }

    @PostMapping("/posts")
    String register(
            @Valid @ModelAttribute("form") RegistrationForm form,
            BindingResult result,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        Instant now = clock.instant();
        form.check(result, now);
        if (!result.hasFieldErrors("detectedAt") && !result.hasFieldErrors("receivedAt")) {
            Instant detected = form.detectedAt();
            Instant received = form.receivedAt();
            if (detected.isAfter(received)) {
                result.rejectValue("detectedAt", "posts.detectedAt.afterReceived");
            }
            if (received.isAfter(now)) {
                result.rejectValue("receivedAt", "posts.receivedAt.future");
            }
        }
        if (!result.hasFieldErrors("externalId")
                && form.externalId() != null
                && !form.externalId().isBlank()
                && posts.existsByExternalId(form.externalId().strip())) {
            result.rejectValue("externalId", "posts.externalId.taken");
        }
        if (result.hasErrors()) {
            return again(form, model);
        }
        try {
            Post post = management.register(form.toNewPost(), form.links(), user.id());
            redirect.addFlashAttribute("message", "posts.registered");
            return "redirect:/posts/" + post.getId();
        } catch (DataIntegrityViolationException ex) {
            result.rejectValue("externalId", "posts.externalId.taken");
            return again(form, model);
        }
    }

    private String again(RegistrationForm form, Model model) {
        model.addAttribute("candidates", repeats.find(form.url(), form.authorUrl(), form.text(), null));
        model.addAttribute("linked", form.links());
        model.addAttribute("checked", true);
        return FORM_VIEW;
    }
}
