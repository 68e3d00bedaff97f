package ru.otklik.posts;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.otklik.people.Department;
import ru.otklik.people.Departments;
import ru.otklik.people.NotFoundException;
import ru.otklik.people.Role;
import ru.otklik.people.StaleEditException;
import ru.otklik.posts.screening.Screening;
import ru.otklik.posts.screening.ScreeningResult;

/**
 * The life of a post, part 1: register, route, accept, return, return to ЦУР, refuse, reassign. Each operation loads
 * the post, checks the version the person saw ({@link StaleEditException} when someone changed it meanwhile), lets
 * the post perform the transition and publishes a past-tense event in the same transaction.
 */
@Service
public class PostManagement {

    /** The prefix of the generated external id of a post typed by hand without ЦУР's id. */
    public static final String MANUAL_PREFIX = "MANUAL-";

    private final Posts posts;
    private final Departments departments;
    private final Screening screening;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PostManagement(Posts posts, Departments departments, Screening screening, ApplicationEventPublisher events,
            Clock clock) {
        this.posts = posts;
        this.departments = departments;
        this.screening = screening;
        this.events = events;
        this.clock = clock;
    }

    /** The actor for a person: with the departments they curate (deputy minister) and head (department head). */
    @Transactional(readOnly = true)
    public Actor actor(long userId, Set<Role> roles) {
        Set<Long> curated = new HashSet<>();
        Set<Long> headed = new HashSet<>();
        for (Department department : departments.findAll()) {
            if (department.getCurator() != null && department.getCurator().getId() == userId) {
                curated.add(department.getId());
            }
            if (department.getHead() != null && department.getHead().getId() == userId) {
                headed.add(department.getId());
            }
        }
        return new Actor(userId, roles, curated, headed);
    }

    /**
     * Registers a received post in state NEW, screened under п.18 and linked to the given earlier posts (п.16).
     * The caller has validated the details; a post without an external id gets {@code MANUAL-<id>}.
     *
     * @param registeredBy the person who typed it, or {@code null} for ЦУР
     */
    @Transactional
    public Post register(NewPost details, Set<Long> linkedPostIds, Long registeredBy) {
        Instant now = clock.instant();
        ScreeningResult screened = screening.check(details.text());
        Set<Long> existing = linkedPostIds.isEmpty() ? Set.of()
                : posts.findAllById(linkedPostIds).stream().map(Post::getId).collect(Collectors.toSet());
        boolean unnamed = details.externalId() == null || details.externalId().isBlank();
        NewPost named = unnamed ? new NewPost(MANUAL_PREFIX + "PENDING-" + UUID.randomUUID(), details.source(),
                details.url(), details.authorName(), details.authorUrl(), details.text(), details.detectedAt(),
                details.receivedAt(), details.importance(), details.topic()) : details;
        Post post = Post.register(named, screened.flagged(), screened.encoded(), existing, registeredBy, now);
        posts.saveAndFlush(post);
        if (unnamed) {
            // the id is known only now; the placeholder keeps external_id unique and not null meanwhile
            post.rename(MANUAL_PREFIX + post.getId());
            posts.flush();
        }
        events.publishEvent(new PostRegistered(post.getId(), post.getImportance(), post.getDetectedAt(),
                post.getReceivedAt(), now));
        return post;
    }

    /**
     * Sends the post to one executor in each chosen department and sets its importance (п.9, п.15).
     *
     * @throws InvalidRouting when an executor is not one of the chosen department's executors
     */
    @Transactional
    public Post route(long postId, long version, List<Routing> routings, Importance importance, Actor actor) {
        Post post = load(postId, version, actor);
        for (Routing routing : routings) {
            requireExecutorOf(routing.departmentId(), routing.executorId());
        }
        Instant now = clock.instant();
        List<Assignment> added = post.route(routings, importance, actor, now);
        posts.flush();
        for (Assignment assignment : added) {
            events.publishEvent(new PostRouted(post.getId(), assignment.getId(), assignment.getDepartmentId(),
                    assignment.getExecutorId(), post.getImportance(), now));
        }
        return post;
    }

    /** Returns the post to ЦУР with a reason (п.9, п.14). */
    @Transactional
    public Post returnToCur(long postId, long version, String reason, Actor actor) {
        Post post = load(postId, version, actor);
        Instant now = clock.instant();
        post.returnToCur(reason, actor, now);
        posts.flush();
        events.publishEvent(new PostReturnedToCur(post.getId(), post.getClosingReason(), now));
        return post;
    }

    /** Refuses the post under п.18 with a reason. */
    @Transactional
    public Post refuse(long postId, long version, String reason, Actor actor) {
        Post post = load(postId, version, actor);
        Instant now = clock.instant();
        post.refuse(reason, actor, now);
        posts.flush();
        events.publishEvent(new PostRefused(post.getId(), post.getClosingReason(), now));
        return post;
    }

    /** The executor accepts their assignment («принято в работу»). */
    @Transactional
    public Post accept(long postId, long assignmentId, long version, Actor actor) {
        Post post = load(postId, version, actor);
        Assignment assignment = assignmentOf(post, assignmentId);
        Instant now = clock.instant();
        post.accept(assignment, actor, now);
        posts.flush();
        events.publishEvent(new AssignmentAccepted(post.getId(), assignment.getId(), assignment.getDepartmentId(),
                assignment.getExecutorId(), post.getState(), now));
        return post;
    }

    /** The executor returns their assignment as outside the department's competence (п.14). */
    @Transactional
    public Post returnAssignment(long postId, long assignmentId, long version, String reason, Actor actor) {
        Post post = load(postId, version, actor);
        Assignment assignment = assignmentOf(post, assignmentId);
        Instant now = clock.instant();
        post.returnAssignment(assignment, reason, actor, now);
        posts.flush();
        events.publishEvent(new AssignmentReturned(post.getId(), assignment.getId(), assignment.getDepartmentId(),
                assignment.getExecutorId(), assignment.getReturnReason(), post.getState(), now));
        return post;
    }

    /** The org head or the curating deputy minister hands an assignment to another executor of its department. */
    @Transactional
    public Post reassign(long postId, long assignmentId, long version, long executorId, String comment, Actor actor) {
        Post post = load(postId, version, actor);
        Assignment assignment = assignmentOf(post, assignmentId);
        requireExecutorOf(assignment.getDepartmentId(), executorId);
        long previous = assignment.getExecutorId();
        Instant now = clock.instant();
        post.reassign(assignment, executorId, comment, actor, now);
        posts.flush();
        events.publishEvent(new PostReassigned(post.getId(), assignment.getId(), assignment.getDepartmentId(),
                previous, executorId, comment.strip(), now));
        return post;
    }

    /** The post, managed in this transaction: flushing it persists new assignments and timeline lines in place. */
    private Post load(long postId, long version, Actor actor) {
        Post post = posts.findById(postId).filter(p -> p.maySee(actor)).orElseThrow(NotFoundException::new);
        if (post.getVersion() != version) {
            throw new StaleEditException();
        }
        return post;
    }

    private static Assignment assignmentOf(Post post, long assignmentId) {
        Assignment assignment = post.assignment(assignmentId);
        if (assignment == null) {
            throw new NotFoundException();
        }
        return assignment;
    }

    private void requireExecutorOf(long departmentId, long executorId) {
        Department department = departments.findById(departmentId).orElseThrow(InvalidRouting::new);
        boolean executor = department.getExecutors().stream()
                .anyMatch(u -> u.getId() == executorId && u.isEnabled() && u.hasRole(Role.EXECUTOR));
        if (!executor) {
            throw new InvalidRouting();
        }
    }
}
