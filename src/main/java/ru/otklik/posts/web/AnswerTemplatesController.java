package ru.otklik.posts.web;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.otklik.people.CurrentUser;
import ru.otklik.people.DepartmentSummary;
import ru.otklik.people.NotFoundException;
import ru.otklik.people.PeopleLookup;
import ru.otklik.people.Role;
import ru.otklik.posts.Actor;
import ru.otklik.posts.PostFields;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.internal.AnswerTemplate;
import ru.otklik.posts.internal.AnswerTemplates;

/**
 * The answer templates of the departments a head heads: list, add, change, remove. Executors start drafts from them
 * on the post's page.
 */
@Controller
class AnswerTemplatesController {

    private static final String VIEW = "posts/templates";
    private static final int MAX_TITLE = 200;

    private final AnswerTemplates templates;
    private final PostManagement management;
    private final PeopleLookup people;
    private final Clock clock;

    AnswerTemplatesController(AnswerTemplates templates, PostManagement management, PeopleLookup people,
            Clock clock) {
        this.templates = templates;
        this.management = management;
        this.people = people;
        this.clock = clock;
    }

    record DepartmentTemplates(DepartmentSummary department, List<AnswerTemplate> templates) {
    }

    @GetMapping("/posts/templates")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("groups", groups(headed(user)));
        return VIEW;
    }

    @PostMapping("/posts/templates")
    String create(@RequestParam long departmentId, @RequestParam(required = false) String title,
            @RequestParam(required = false) String text, @AuthenticationPrincipal CurrentUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = headed(user);
        if (!actor.heads(departmentId)) {
            throw new AccessDeniedException("not the head");
        }
        String invalid = invalid(title, text);
        if (invalid != null) {
            return problem(actor, invalid, model, response);
        }
        templates.save(new AnswerTemplate(departmentId, title.strip(), text.strip(), user.id(), clock.instant()));
        redirect.addFlashAttribute("message", "posts.templates.saved");
        return "redirect:/posts/templates";
    }

    @PostMapping("/posts/templates/{templateId}")
    String update(@PathVariable long templateId, @RequestParam long version,
            @RequestParam(required = false) String title, @RequestParam(required = false) String text,
            @RequestParam(defaultValue = "save") String action, @AuthenticationPrincipal CurrentUser user,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = headed(user);
        AnswerTemplate template = templates.findById(templateId)
                .filter(t -> actor.heads(t.getDepartmentId())).orElseThrow(NotFoundException::new);
        if (template.getVersion() != version) {
            return problem(actor, "posts.stale", model, response, HttpStatus.CONFLICT);
        }
        try {
            if ("delete".equals(action)) {
                templates.delete(template);
                redirect.addFlashAttribute("message", "posts.templates.deleted");
                return "redirect:/posts/templates";
            }
            String invalid = invalid(title, text);
            if (invalid != null) {
                return problem(actor, invalid, model, response);
            }
            template.update(title.strip(), text.strip(), user.id(), clock.instant());
            templates.save(template);
        }
        catch (ObjectOptimisticLockingFailureException ex) {
            return problem(actor, "posts.stale", model, response, HttpStatus.CONFLICT);
        }
        redirect.addFlashAttribute("message", "posts.templates.saved");
        return "redirect:/posts/templates";
    }

    private Actor headed(CurrentUser user) {
        if (!user.hasRole(Role.DEPT_HEAD)) {
            throw new AccessDeniedException("department heads only");
        }
        return management.actor(user.id(), user.roles());
    }

    private List<DepartmentTemplates> groups(Actor actor) {
        return people.departments().stream().filter(d -> actor.heads(d.id()))
                .map(d -> new DepartmentTemplates(d, templates.findByDepartments(List.of(d.id())))).toList();
    }

    private static String invalid(String title, String text) {
        if (title == null || title.isBlank()) {
            return "posts.templates.title.required";
        }
        if (title.strip().length() > MAX_TITLE) {
            return "posts.templates.title.size";
        }
        if (text == null || text.isBlank()) {
            return "posts.draft.text.required";
        }
        return text.strip().length() > PostFields.TEXT_MAX ? "posts.draft.text.size" : null;
    }

    private String problem(Actor actor, String warning, Model model, HttpServletResponse response) {
        return problem(actor, warning, model, response, HttpStatus.BAD_REQUEST);
    }

    private String problem(Actor actor, String warning, Model model, HttpServletResponse response,
            HttpStatus status) {
        model.addAttribute("groups", groups(actor));
        model.addAttribute("warning", warning);
        response.setStatus(status.value());
        return VIEW;
    }
}
