package ru.otklik.posts.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
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

    AnswerTemplatesController(AnswerTemplates templates, PostManagement management, PeopleLookup people, Clock clock) {
        this.templates = templates;
        this.management = management;
        this.people = people;
        this.clock = clock;
    }

    record DepartmentTemplates(DepartmentSummary department, List<AnswerTemplate> templates) {}

    /** A template's title and text. */
    record TemplateForm(
            @NotBlank(message = "posts.templates.title.required")
            String title,

            @NotBlank(message = "posts.draft.text.required") String text) {

        @AssertTrue(message = "posts.templates.title.size")
        boolean isTitleWithinLimit() {
            return title == null || title.strip().length() <= MAX_TITLE;
        }

        @AssertTrue(message = "posts.draft.text.size")
        boolean isTextWithinLimit() {
            return text == null || text.strip().length() <= PostFields.TEXT_MAX;
        }

        /** The form's first problem, in the order of its fields. */
        String problem(BindingResult result) {
            for (String field : List.of("title", "titleWithinLimit", "text", "textWithinLimit")) {
                if (result.hasFieldErrors(field)) {
                    return result.getFieldError(field).getDefaultMessage();
                }
            }
            return null;
        }
    }

    @GetMapping("/posts/templates")
    String list(Actor actor, Model model) {
        model.addAttribute("groups", groups(headed(actor)));
        return VIEW;
    }

    @PostMapping("/posts/templates")
    String create(
            @RequestParam long departmentId,
            @Valid @ModelAttribute("templateForm") TemplateForm form,
            BindingResult result,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!headed(actor).heads(departmentId)) {
            throw new AccessDeniedException("not the head");
        }
        if (result.hasErrors()) {
            return problem(actor, form.problem(result), model, response, HttpStatus.BAD_REQUEST);
        }
        templates.save(new AnswerTemplate(
                departmentId, form.title().strip(), form.text().strip(), actor.id(), clock.instant()));
        redirect.addFlashAttribute("message", "posts.templates.saved");
        return "redirect:/posts/templates";
    }

    @PostMapping("/posts/templates/{templateId}")
    String update(
            @PathVariable long templateId,
            @RequestParam long version,
            @Valid @ModelAttribute("templateForm") TemplateForm form,
            BindingResult result,
            @RequestParam(defaultValue = "save") String action,
            Actor actor,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        AnswerTemplate template = templates
                .findById(templateId)
                .filter(t -> headed(actor).heads(t.getDepartmentId()))
                .orElseThrow(NotFoundException::new);
        if (template.getVersion() != version) {
            return problem(actor, "posts.stale", model, response, HttpStatus.CONFLICT);
        }
        if ("delete".equals(action)) {
            templates.delete(template);
            redirect.addFlashAttribute("message", "posts.templates.deleted");
            return "redirect:/posts/templates";
        }
        if (result.hasErrors()) {
            return problem(actor, form.problem(result), model, response, HttpStatus.BAD_REQUEST);
        }
        template.update(form.title().strip(), form.text().strip(), actor.id(), clock.instant());
        templates.save(template);
        redirect.addFlashAttribute("message", "posts.templates.saved");
        return "redirect:/posts/templates";
    }

    /** Someone changed or removed the template meanwhile. */
    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    String stale(Actor actor, Model model, HttpServletResponse response) {
        return problem(actor, "posts.stale", model, response, HttpStatus.CONFLICT);
    }

    private static Actor headed(Actor actor) {
        if (!actor.has(Role.DEPT_HEAD)) {
            throw new AccessDeniedException("department heads only");
        }
        return actor;
    }

    private List<DepartmentTemplates> groups(Actor actor) {
        return people.departments().stream()
                .filter(d -> actor.heads(d.id()))
                .map(d -> new DepartmentTemplates(d, templates.findByDepartments(List.of(d.id()))))
                .toList();
    }

    private String problem(Actor actor, String warning, Model model, HttpServletResponse response, HttpStatus status) {
        model.addAttribute("groups", groups(actor));
        model.addAttribute("warning", warning);
        response.setStatus(status.value());
        return VIEW;
    }
}
