package ru.otklik.posts.web;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import ru.otklik.people.DepartmentSummary;
import ru.otklik.people.PeopleLookup;
import ru.otklik.people.PersonSummary;
import ru.otklik.people.Role;
import ru.otklik.posts.Actor;
import ru.otklik.posts.Importance;
import ru.otklik.posts.PostState;
import ru.otklik.posts.Source;
import ru.otklik.posts.internal.InboxQuery;
import ru.otklik.posts.internal.SavedFilters;

/**
 * The start page of each role: the posts waiting for that person.
 */
@Controller
class WorkListController {

    private static final String VIEW = "posts/worklist";
    private static final String INBOX_VIEW = "posts/inbox";
    private static final String ASSIGNMENTS_VIEW = "posts/assignments";
    private static final String DEPARTMENT_VIEW = "posts/department";

    private final InboxQuery inbox;
    private final PeopleLookup people;
    private final SavedFilters savedFilters;
    private final ExecutorParts parts;

    WorkListController(InboxQuery inbox, PeopleLookup people, SavedFilters savedFilters, ExecutorParts parts) {
        this.inbox = inbox;
        this.people = people;
        this.savedFilters = savedFilters;
        this.parts = parts;
    }

    /**
     * The inbox's filters as the address names them (page from 1). A value that does not convert is left out, as if
     * the filter were not set: the address is the person's own to edit.
     */
    record InboxParams(
            PostState state,
            Long department,
            Long executor,
            Importance importance,
            Source source,
            Boolean flagged,
            String q,
            String sort,
            Long page) {

        InboxQuery.Filter filter() {
            return new InboxQuery.Filter(
                    state,
                    department,
                    executor,
                    importance,
                    source,
                    flagged,
                    q,
                    sort,
                    page == null ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(0, page - 1)));
        }

        /**
         * The filter's query string, as the inbox's address names it, without the page (empty for the default): what a
         * saved filter keeps, built from the values bound, so only known filters with valid values are saved.
         */
        static String query(InboxQuery.Filter filter) {
            UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
            add(uri, "q", filter.q());
            add(uri, "state", filter.state());
            add(uri, "department", filter.departmentId());
            add(uri, "executor", filter.executorId());
            add(uri, "importance", filter.importance());
            add(uri, "source", filter.source());
            add(uri, "flagged", filter.flagged());
            if (!InboxQuery.URGENT.equals(filter.sort())) {
                add(uri, "sort", filter.sort());
            }
            String query = uri.build().encode().getQuery();
            return query == null ? "" : query;
        }

        private static void add(UriComponentsBuilder uri, String name, Object value) {
            if (value != null) {
                uri.queryParam(name, value.toString());
            }
        }
    }

    /** The org specialist's inbox (п.9). */
    @GetMapping("/inbox")
    String inbox(@ModelAttribute InboxParams params, BindingResult unconverted, Actor actor, Model model) {
        InboxQuery.Filter filter = params.filter();
        model.addAttribute("filterQuery", InboxParams.query(filter));
        model.addAttribute("savedFilters", savedFilters.of(actor.id()));
        list(filter, InboxQuery.Scope.INBOX, people.departments(), people.enabledWithRole(Role.EXECUTOR), model);
        return INBOX_VIEW;
    }

    /**
     * «Сообщения подразделения»: the posts of the departments a person leads, with the inbox's filters and clocks and
     * no actions — a department head those of the departments he heads, a deputy minister those of the departments he
     * curates (and of those whom he stands in for today); the coordinator (or who stands in for him), the first deputy
     * and the minister every department's.
     */
    @GetMapping("/department-posts")
    String departmentPosts(@ModelAttribute InboxParams params, BindingResult unconverted, Actor actor, Model model) {
        boolean coordinator =
                people.coordinator().map(c -> actor.actsFor(c.id())).orElse(false);
        boolean all = coordinator || actor.hasAny(Role.TOP_LEADERS);
        Set<Long> led = new HashSet<>();
        if (actor.has(Role.DEPT_HEAD)) {
            led.addAll(actor.headedDepartmentIds());
        }
        if (actor.has(Role.DEPUTY_MINISTER)) {
            led.addAll(actor.curatedDepartmentIds());
        }
        List<DepartmentSummary> departments = people.departments().stream()
                .filter(d -> all || led.contains(d.id()))
                .toList();
        Map<Long, PersonSummary> executors = new TreeMap<>();
        departments.forEach(d -> d.activeExecutors().forEach(e -> executors.putIfAbsent(e.id(), e)));
        model.addAttribute("all", all);
        model.addAttribute("ledDepartments", departments);
        list(
                params.filter(),
                InboxQuery.Scope.departments(all ? null : led),
                departments,
                executors.values().stream()
                        .sorted(Comparator.comparing(PersonSummary::fullName))
                        .toList(),
                model);
        return DEPARTMENT_VIEW;
    }

    /** The list with its filters: what the shared fragments of {@code posts/post-list} read. */
    private void list(
            InboxQuery.Filter filter,
            InboxQuery.Scope scope,
            List<DepartmentSummary> departments,
            List<PersonSummary> executors,
            Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("result", inbox.find(filter, scope));
        model.addAttribute("states", List.of(PostState.values()));
        model.addAttribute("sources", List.of(Source.values()));
        model.addAttribute("departments", departments);
        model.addAttribute("executors", executors);
        model.addAttribute(
                "sorts", List.of(InboxQuery.URGENT, "received", "-received", "detected", "-detected", "importance"));
    }

    /**
     * The executor's assignments («Мои поручения»), each in the state of THEIR part ({@link ExecutorParts}): waiting to
     * be accepted first, then returned for rework, then what burns first — breached, then nearest due; with those of
     * the absent executors they stand in for today, new and already waiting (п.3, Приказ п.5), marked «за» whom.
     */
    @GetMapping("/assignments")
    String assignments(Actor actor, Model model) {
        Set<Long> executorIds = actor.actingIds();
        model.addAttribute("rows", parts.open(executorIds, actor.id()));
        return ASSIGNMENTS_VIEW;
    }

    private static String list(Model model, String kind) {
        model.addAttribute("kind", kind);
        return VIEW;
    }
}
