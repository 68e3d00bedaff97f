package ru.otklik.posts;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.otklik.people.Department;
import ru.otklik.people.Departments;
import ru.otklik.people.NotFoundException;
import ru.otklik.people.Role;
import ru.otklik.people.User;
import ru.otklik.people.Users;
import ru.otklik.posts.screening.ScreeningResult;

/**
 * Everything a post's page shows, read in one transaction: the post, its assignments and timeline with people's
 * names, the linked repeats and the actions the current person may take now.
 */
@Component
class PostPages {

    record PersonOption(long id, String name) {
    }

    record DepartmentOption(long id, String name, List<PersonOption> executors) {
    }

    record AssignmentView(long id, long departmentId, String department, String executor, AssignmentState state,
            Instant assignedAt, Instant acceptedAt, Instant returnedAt, String returnReason, boolean mayAccept,
            boolean mayReassign, List<PersonOption> otherExecutors) {
    }

    record TimelineView(Instant at, String actor, TimelineAction action, PostState from, PostState to,
            String department, String executor, String previousExecutor, String comment) {
    }

    record LinkedPost(long id, String externalId, PostState state, Instant receivedAt, String excerpt) {
    }

    record PostPage(Post post, ScreeningResult screening, List<AssignmentView> assignments,
            List<TimelineView> timeline, List<LinkedPost> linked, boolean mayRoute, List<DepartmentOption> routeOptions) {

        /** Whether this person may do anything at all with the post now. */
        public boolean anyAction() {
            return mayRoute || assignments.stream().anyMatch(a -> a.mayAccept() || a.mayReassign());
        }
    }

    private final Posts posts;
    private final Users users;
    private final Departments departments;
    private final JdbcClient jdbc;

    PostPages(Posts posts, Users users, Departments departments, JdbcClient jdbc) {
        this.posts = posts;
        this.users = users;
        this.departments = departments;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    PostPage page(long postId, Actor actor) {
        Post post = posts.findById(postId).filter(p -> p.maySee(actor)).orElseThrow(NotFoundException::new);
        Map<Long, Department> departmentsById = new HashMap<>();
        departments.findAllByName().forEach(d -> departmentsById.put(d.getId(), d));

        Set<Long> personIds = new HashSet<>();
        post.getAssignments().forEach(a -> personIds.add(a.getExecutorId()));
        for (TimelineEntry entry : post.getTimeline()) {
            addIfPresent(personIds, entry.getActorId());
            addIfPresent(personIds, entry.getExecutorId());
            addIfPresent(personIds, entry.getPreviousExecutorId());
        }
        Map<Long, String> names = new HashMap<>();
        users.findAllById(personIds).forEach(u -> names.put(u.getId(), u.getFullName()));

        List<AssignmentView> assignments = post.getAssignments().stream().map(a -> {
            Department department = departmentsById.get(a.getDepartmentId());
            boolean mayReassign = post.mayReassign(a, actor);
            List<PersonOption> others = mayReassign && department != null ? executorsOf(department).stream()
                    .filter(o -> o.id() != a.getExecutorId()).toList() : List.of();
            return new AssignmentView(a.getId(), a.getDepartmentId(), department == null ? "—" : department.getName(),
                    names.getOrDefault(a.getExecutorId(), "—"), a.getState(), a.getAssignedAt(), a.getAcceptedAt(),
                    a.getReturnedAt(), a.getReturnReason(), post.mayAccept(a, actor), mayReassign, others);
        }).toList();

        List<TimelineView> timeline = post.getTimeline().stream().map(e -> new TimelineView(e.getAt(),
                e.getActorId() == null ? null : names.getOrDefault(e.getActorId(), "—"), e.getAction(),
                e.getFromState(), e.getToState(),
                e.getDepartmentId() == null || !departmentsById.containsKey(e.getDepartmentId()) ? null
                        : departmentsById.get(e.getDepartmentId()).getName(),
                e.getExecutorId() == null ? null : names.get(e.getExecutorId()),
                e.getPreviousExecutorId() == null ? null : names.get(e.getPreviousExecutorId()),
                e.getComment())).toList();

        boolean mayRoute = post.mayRoute(actor);
        List<DepartmentOption> options = mayRoute ? departmentsById.values().stream()
                .sorted(Comparator.comparing(Department::getName))
                .map(d -> new DepartmentOption(d.getId(), d.getName(), executorsOf(d)))
                .toList() : List.of();
        return new PostPage(post, ScreeningResult.decode(post.getScreeningMatches()), assignments, timeline,
                linked(post.getId()), mayRoute, options);
    }

    /** Linked both ways: the earlier posts this one repeats, and the later posts that repeat it. */
    private List<LinkedPost> linked(long postId) {
        return jdbc.sql("select p.id, p.external_id, p.state, p.received_at, left(p.text, 200) as excerpt from post p"
                        + " where p.id in (select linked_post_id from post_link where post_id = :id"
                        + " union select post_id from post_link where linked_post_id = :id) order by p.received_at")
                .param("id", postId)
                .query((rs, n) -> new LinkedPost(rs.getLong("id"), rs.getString("external_id"),
                        PostState.valueOf(rs.getString("state")), InboxQuery.instant(rs, "received_at"),
                        rs.getString("excerpt")))
                .list();
    }

    static List<PersonOption> executorsOf(Department department) {
        return department.getExecutors().stream().filter(u -> u.isEnabled() && u.hasRole(Role.EXECUTOR))
                .sorted(Comparator.comparing(User::getFullName))
                .map(u -> new PersonOption(u.getId(), u.getFullName())).toList();
    }

    private static void addIfPresent(Set<Long> ids, Long id) {
        if (id != null) {
            ids.add(id);
        }
    }
}
