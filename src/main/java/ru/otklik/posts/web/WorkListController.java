package ru.otklik.posts.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import ru.otklik.people.Names;
import ru.otklik.people.PeopleLookup;
import ru.otklik.people.Role;
import ru.otklik.posts.Actor;
import ru.otklik.posts.AssignmentState;
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

    private final InboxQuery inbox;
    private final PeopleLookup people;
    private final JdbcClient jdbc;
    private final SavedFilters savedFilters;

    WorkListController(InboxQuery inbox, PeopleLookup people, JdbcClient jdbc, SavedFilters savedFilters) {
        this.inbox = inbox;
        this.people = people;
        this.jdbc = jdbc;
        this.savedFilters = savedFilters;
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
        model.addAttribute("filter", filter);
        model.addAttribute("filterQuery", InboxParams.query(filter));
        model.addAttribute("savedFilters", savedFilters.of(actor.id()));
        model.addAttribute("result", inbox.find(filter));
        model.addAttribute("states", List.of(PostState.values()));
        model.addAttribute("sources", List.of(Source.values()));
        model.addAttribute("departments", people.departments());
        model.addAttribute("executors", people.enabledWithRole(Role.EXECUTOR));
        model.addAttribute(
                "sorts", List.of(InboxQuery.URGENT, "received", "-received", "detected", "-detected", "importance"));
        return INBOX_VIEW;
    }

    /**
     * The executor's assignments («Мои поручения»): waiting to be accepted or returned for rework first, then what
     * burns first — breached, then nearest due (the open clocks of the post and this assignment, read from the deadlines
     * module's {@code deadline_clock}); with those of the absent executors they stand in for today, new and already
     * waiting (п.3, Приказ п.5), marked «за» whom.
     */
    @GetMapping("/assignments")
    String assignments(Actor actor, Model model) {
        Set<Long> executorIds = new HashSet<>(actor.substitutedIds());
        executorIds.add(actor.id());
        model.addAttribute(
                "rows",
                jdbc.sql("""
                        select p.id, p.external_id, p.source, p.importance, p.state, p.received_at,
                               left(p.text, 200) as excerpt, p.screening_flagged, a.state as assignment_state,
                               a.assigned_at, d.name as department, a.executor_id, u.full_name as executor
                        from assignment a join post p on p.id = a.post_id join department d on d.id = a.department_id
                        join app_user u on u.id = a.executor_id
                        left join lateral (select bool_or(c.state = 'BREACHED') as breached, min(c.due_at) as due_at
                                           from deadline_clock c where c.post_id = p.id and c.stopped_at is null
                                             and (c.assignment_id is null or c.assignment_id = a.id)) k on true
                        where a.executor_id in (:executors) and a.state <> 'RETURNED'
                          and p.state not in ('ANSWERED', 'RETURNED_TO_CUR', 'NOT_PROCESSED')
                        order by case when a.state = 'ASSIGNED' or p.state = 'REWORK' then 0 else 1 end,
                                 coalesce(k.breached, false) desc, k.due_at asc nulls last,
                                 case p.importance when 'HIGH' then 0 else 1 end, a.assigned_at, a.id
                        limit 500""")
                        .param("executors", executorIds)
                        .query((rs, n) -> new MyAssignment(
                                rs.getLong("id"),
                                rs.getString("external_id"),
                                Source.valueOf(rs.getString("source")),
                                Importance.valueOf(rs.getString("importance")),
                                PostState.valueOf(rs.getString("state")),
                                InboxQuery.instant(rs, "received_at"),
                                rs.getString("excerpt"),
                                rs.getBoolean("screening_flagged"),
                                AssignmentState.valueOf(rs.getString("assignment_state")),
                                InboxQuery.instant(rs, "assigned_at"),
                                rs.getString("department"),
                                rs.getLong("executor_id") == actor.id()
                                        ? null
                                        : Names.onBehalfOf(rs.getString("executor"))))
                        .list());
        return ASSIGNMENTS_VIEW;
    }

    record MyAssignment(
            long postId,
            String externalId,
            Source source,
            Importance importance,
            PostState state,
            java.time.Instant receivedAt,
            String excerpt,
            boolean flagged,
            AssignmentState assignmentState,
            java.time.Instant assignedAt,
            String department,
            String onBehalfOf) {}

    private static String list(Model model, String kind) {
        model.addAttribute("kind", kind);
        return VIEW;
    }
}
