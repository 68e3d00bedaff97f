package ru.otklik.posts.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.otklik.people.NotFoundException;
import ru.otklik.people.StaleEditException;
import ru.otklik.posts.Actor;
import ru.otklik.posts.PostLookup;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.PostSummary;
import ru.otklik.posts.Refusal;
import ru.otklik.posts.Routing;
import ru.otklik.posts.internal.SavedFilters;

/**
 * What the org specialist does to the inbox as a whole: save its current filter under a name, delete a saved one, and
 * route several new posts to one department and executor in one step (after an import) — each post routed on its own,
 * exactly as from its page, with its own version: a post that changed meanwhile is reported and the others go
 * through.
 */
@Controller
class InboxActionsController {

    static final int MAX_NAME = 100;
    static final int MAX_BULK = 100;
    /** The longest query string a saved filter keeps ({@code saved_filter.query}). */
    static final int MAX_QUERY = 2000;

    private static final Locale RU = Locale.forLanguageTag("ru");

    private final SavedFilters savedFilters;
    private final PostManagement management;
    private final PostLookup lookup;
    private final MessageSource messages;

    InboxActionsController(
            SavedFilters savedFilters, PostManagement management, PostLookup lookup, MessageSource messages) {
        this.savedFilters = savedFilters;
        this.management = management;
        this.lookup = lookup;
        this.messages = messages;
    }

    /**
     * Saves the inbox's filter as bound from the form (never a query string as typed) under the name; a value that
     * does not convert is left out, as on the inbox itself.
     */
    @PostMapping("/inbox/filters")
    String save(
            @ModelAttribute WorkListController.InboxParams params,
            BindingResult unconverted,
            @RequestParam(name = "name", required = false) String name,
            Actor actor,
            RedirectAttributes redirect) {
        String query = WorkListController.InboxParams.query(params.filter());
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            redirect.addFlashAttribute("warning", "posts.inbox.saved.error.name");
            return back(query);
        }
        if (query.length() > MAX_QUERY) {
            redirect.addFlashAttribute("warning", "posts.inbox.saved.error.long");
            return "redirect:/inbox";
        }
        savedFilters.save(actor.id(), trimmed, query);
        redirect.addFlashAttribute("messageText", text("posts.inbox.saved.done", trimmed));
        return back(query);
    }

    @PostMapping("/inbox/filters/{id}/delete")
    String delete(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
        boolean deleted = savedFilters.delete(actor.id(), id);
        redirect.addFlashAttribute(
                deleted ? "message" : "warning",
                deleted ? "posts.inbox.saved.deleted" : "posts.inbox.saved.error.gone");
        return "redirect:/inbox";
    }

    /**
     * Routes each chosen post ({@code id:version}, as the list showed it) to the executor of the department
     * ({@code departmentId:executorId}), one post at a time, and says in one summary which went and which did not.
     */
    @PostMapping("/inbox/route")
    String route(
            @RequestParam(name = "posts", required = false) List<String> chosen,
            @RequestParam(name = "target", required = false) String target,
            Actor actor,
            RedirectAttributes redirect) {
        Map<Long, Long> versions = new LinkedHashMap<>();
        for (String one : chosen == null ? List.<String>of() : chosen) {
            long[] pair = pair(one);
            if (pair != null) {
                versions.putIfAbsent(pair[0], pair[1]);
            }
        }
        long[] to = pair(target);
        if (versions.isEmpty() || versions.size() > MAX_BULK) {
            redirect.addFlashAttribute("warningText", text("posts.inbox.bulk.error.posts", MAX_BULK));
            return "redirect:/inbox";
        }
        if (to == null) {
            redirect.addFlashAttribute("warning", "posts.inbox.bulk.error.target");
            return "redirect:/inbox";
        }
        Routing routing = new Routing(to[0], to[1]);
        List<String> routed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        versions.forEach((postId, version) -> {
            String label = label(postId);
            try {
                management.route(postId, version, List.of(routing), null, actor);
                routed.add(label);
            } catch (StaleEditException | ObjectOptimisticLockingFailureException stale) {
                refused.add(text("posts.inbox.bulk.stale", label));
            } catch (NotFoundException gone) {
                refused.add(text("posts.inbox.bulk.notFound", postId));
            } catch (RuntimeException ex) {
                if (!(ex instanceof Refusal refusal)) {
                    throw ex;
                }
                refused.add(label + " — " + messages.getMessage(refusal.messageKey(), refusal.args(), RU));
            }
        });
        StringBuilder summary = new StringBuilder();
        if (!routed.isEmpty()) {
            summary.append(text("posts.inbox.bulk.routed", routed.size(), String.join(", ", routed)));
        }
        if (!refused.isEmpty()) {
            if (!summary.isEmpty()) {
                summary.append(' ');
            }
            summary.append(text("posts.inbox.bulk.refused", refused.size(), String.join("; ", refused)));
        }
        redirect.addFlashAttribute(refused.isEmpty() ? "messageText" : "warningText", summary.toString());
        return "redirect:/inbox";
    }

    private String label(long postId) {
        try {
            return lookup.find(postId).map(PostSummary::registrationNumber).orElse("№ " + postId);
        } catch (RuntimeException unreadable) {
            return "№ " + postId;
        }
    }

    /** Two ids written {@code a:b}; {@code null} when it is not that. */
    static long[] pair(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.strip().split(":", -1);
        if (parts.length != 2) {
            return null;
        }
        try {
            return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
        } catch (NumberFormatException notIds) {
            return null;
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, RU);
    }

    private static String back(String query) {
        return query.isEmpty() ? "redirect:/inbox" : "redirect:/inbox?" + query;
    }
}
