package ru.otklik.posts;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.people.DepartmentSummary;
import ru.otklik.people.NotFoundException;
import ru.otklik.people.PeopleLookup;
import ru.otklik.people.PersonSummary;
import ru.otklik.people.Role;
import ru.otklik.people.StaleEditException;
import ru.otklik.people.Substitutes;
import ru.otklik.posts.internal.Assignment;
import ru.otklik.posts.internal.Draft;
import ru.otklik.posts.internal.Post;
import ru.otklik.posts.internal.Posts;
import ru.otklik.posts.internal.RegistrationNumbers;
import ru.otklik.posts.internal.RepeatFinder;
import ru.otklik.posts.screening.Screening;
import ru.otklik.posts.screening.ScreeningResult;

/**
 * The life of a post: register, route, accept, return, return to ЦУР, refuse, reassign (part 1); draft, send to the
 * approvers, approve or return, send to ЦУР, record ЦУР's decision, post the answer, contribute to a joint answer
 * (part 2). Each operation loads
 * the post, checks the version the person saw ({@link StaleEditException} when someone changed it meanwhile), lets
 * the post perform the transition and publishes a past-tense event in the same transaction.
 */
@Service
public class PostManagement {

    /** The prefix of the generated external id of a post typed by hand without ЦУР's id. */
    public static final String MANUAL_PREFIX = "MANUAL-";

    private final Posts posts;
    private final PeopleLookup people;
    private final Screening screening;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Substitutes substitutes;
    private final EntityManager entityManager;
    private final RepeatFinder repeats;
    private final RegistrationNumbers numbers;

    PostManagement(
            Posts posts,
            PeopleLookup people,
            Screening screening,
            ApplicationEventPublisher events,
            Clock clock,
            Substitutes substitutes,
            EntityManager entityManager,
            RepeatFinder repeats,
            RegistrationNumbers numbers) {
        this.entityManager = entityManager;
        this.numbers = numbers;
        this.repeats = repeats;
        this.posts = posts;
        this.people = people;
        this.screening = screening;
        this.events = events;
        this.clock = clock;
        this.substitutes = substitutes;
    }

    /** The actor for a person: with the departments they curate (deputy minister) and head (department head). */
    @Transactional(readOnly = true)
    public Actor actor(long userId, Set<Role> roles) {
        PeopleLookup.LedDepartments led = people.ledBy(userId);
        // with the people whose work goes to this person today because they are absent (п.3, Приказ п.5): the
        // substitute acts on their waiting work like their own, and leads their departments meanwhile (a substitute
        // fits the role, SPEC §1, so a head stands in for a head and a deputy for a deputy)
        Set<Long> standingInFor = substitutes.standingInFor(userId, clock.instant());
        Set<Long> curated = new java.util.HashSet<>(led.curated());
        Set<Long> headed = new java.util.HashSet<>(led.headed());
        for (long absent : standingInFor) {
            PeopleLookup.LedDepartments theirs = people.ledBy(absent);
            curated.addAll(theirs.curated());
            headed.addAll(theirs.headed());
        }
        boolean authorised = !roles.contains(Role.ORG_SPECIALIST) || people.orgAuthorised(userId);
        return new Actor(userId, roles, curated, headed, standingInFor, authorised);
    }

    /**
     * Registers a post that came from outside the module (ЦУР's API, an import, the demo data) with
     * {@link #register}: the summary other modules may read.
     */
    @Transactional
    public PostSummary receive(NewPost details, Set<Long> linkedPostIds) {
        return PostLookup.summary(register(details, linkedPostIds, null));
    }

    /**
     * Registers a received post in state NEW, screened under п.18 and linked to the given earlier posts and to every
     * earlier post by the same author or on the same link (п.16: however it arrived — ЦУР's API, an import, by hand).
     * The caller has validated the details; a post without an external id gets {@code MANUAL-<id>}. It gets the
     * Ministry's registration number, the next of the year, just before it is inserted: registrations wait for each
     * other from there to their commit, and one that rolls back gives its number back ({@link RegistrationNumbers}).
     *
     * @param registeredBy the person who typed it, or {@code null} for ЦУР
     */
    @Transactional
    public Post register(NewPost details, Set<Long> linkedPostIds, Long registeredBy) {
        Instant now = clock.instant();
        ScreeningResult screened = screening.check(details.text());
        Set<Long> existing = linkedPostIds.isEmpty()
                ? Set.of()
                : posts.findAllById(linkedPostIds).stream().map(Post::getId).collect(Collectors.toSet());
        boolean unnamed = details.externalId() == null || details.externalId().isBlank();
        NewPost named = unnamed
                ? new NewPost(
                        MANUAL_PREFIX + "PENDING-" + UUID.randomUUID(),
                        details.source(),
                        details.url(),
                        details.authorName(),
                        details.authorUrl(),
                        details.text(),
                        details.detectedAt(),
                        details.receivedAt(),
                        details.importance(),
                        details.topic())
                : details;
        Post post = Post.register(
                named, screened.flagged(), screened.encoded(), existing, registeredBy, numbers.next(now), now);
        posts.saveAndFlush(post);
        if (unnamed) {
            // the id is known only now; the placeholder keeps external_id unique and not null meanwhile
            post.rename(MANUAL_PREFIX + post.getId());
            posts.flush();
        }
        Map<Long, String> sameAuthorOrLink = repeats.sameAuthorOrLink(post.getId(), post.getUrl(), post.getAuthorUrl());
        if (!sameAuthorOrLink.isEmpty()) {
            post.linkOnArrival(sameAuthorOrLink, now);
            posts.flush();
        }
        events.publishEvent(new PostRegistered(
                post.getId(), post.getImportance(), post.getDetectedAt(), post.getReceivedAt(), now));
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
        Instant now = clock.instant();
        List<Routing> acting = new java.util.ArrayList<>();
        for (Routing routing : routings) {
            requireExecutorOf(routing.departmentId(), routing.executorId());
            // an absent executor's new work goes to their substitute (п.3, Приказ п.5)
            acting.add(new Routing(routing.departmentId(), substitutes.effective(routing.executorId(), now)));
        }
        Importance before = post.getImportance();
        List<Assignment> added = post.route(acting, importance, actor, now);
        posts.flush();
        if (post.getImportance() != before) {
            events.publishEvent(new ImportanceChanged(post.getId(), post.getImportance(), now));
        }
        for (Assignment assignment : added) {
            events.publishEvent(new PostRouted(
                    post.getId(),
                    assignment.getId(),
                    assignment.getDepartmentId(),
                    assignment.getExecutorId(),
                    post.getImportance(),
                    now));
        }
        return post;
    }

    /**
     * The org specialist sets or clears HIGH on an open post after routing it (п.9 ¶3–4); nothing happens when the
     * post already has that importance.
     */
    @Transactional
    public Post changeImportance(long postId, long version, Importance importance, Actor actor) {
        Post post = load(postId, version, actor);
        Instant now = clock.instant();
        if (post.changeImportance(importance, actor, now)) {
            posts.flush();
            events.publishEvent(new ImportanceChanged(post.getId(), post.getImportance(), now));
        }
        return post;
    }

    /**
     * The org specialist links another post on the same question to this one (п.16), at any time.
     *
     * @return whether it was not linked before
     */
    @Transactional
    public boolean link(long postId, long version, long otherId, Actor actor) {
        return changePair(postId, version, otherId, actor, (post, other, now) -> post.link(other, actor, now));
    }

    /**
     * The org specialist removes the link between this post and another, whichever way it was made (п.16).
     *
     * @return whether they were linked
     */
    @Transactional
    public boolean unlink(long postId, long version, long otherId, Actor actor) {
        return changePair(postId, version, otherId, actor, (post, other, now) -> post.unlink(other, actor, now));
    }

    /** The org specialist says a similar post offered on the page is not a repeat of this one (п.16). */
    @Transactional
    public boolean dismissRepeat(long postId, long version, long otherId, Actor actor) {
        return changePair(postId, version, otherId, actor, (post, other, now) -> post.dismissRepeat(other, actor, now));
    }

    /** A change to the link between two posts (п.16); says whether anything changed. */
    private interface PairChange {
        boolean apply(Post post, Post other, Instant now);
    }

    private boolean changePair(long postId, long version, long otherId, Actor actor, PairChange change) {
        Post post = load(postId, version, actor);
        Post other = other(post, otherId, actor);
        boolean changed = change.apply(post, other, clock.instant());
        posts.flush();
        return changed;
    }

    /** The other post of a link, locked so that two people changing the same pair's links take turns. */
    private Post other(Post post, long otherId, Actor actor) {
        if (otherId == post.getId()) {
            throw new ForbiddenTransition("posts.refusal.linkSelf");
        }
        Post other = posts.findById(otherId).orElseThrow(() -> new ForbiddenTransition("posts.refusal.linkUnknown"));
        entityManager.lock(other, LockModeType.PESSIMISTIC_WRITE);
        return other;
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

    /** The executor of an assignment flags the post as not to be processed under п.18; an org specialist decides. */
    @Transactional
    public Post flagP18(long postId, long assignmentId, long version, String reason, Actor actor) {
        Post post = load(postId, version, actor);
        post.flagP18(assignmentOf(post, assignmentId), reason, actor, clock.instant());
        posts.flush();
        return post;
    }

    /** The org specialist confirms an executor's п.18 flag: the post is refused under п.18 with the flag's reason. */
    @Transactional
    public Post confirmP18Flag(long postId, long version, Actor actor) {
        Post post = load(postId, version, actor);
        Instant now = clock.instant();
        post.confirmP18Flag(actor, now);
        posts.flush();
        events.publishEvent(new PostRefused(post.getId(), post.getClosingReason(), now));
        return post;
    }

    /** The org specialist dismisses an executor's п.18 flag with a comment; the work goes on. */
    @Transactional
    public Post dismissP18Flag(long postId, long version, String comment, Actor actor) {
        Post post = load(postId, version, actor);
        post.dismissP18Flag(comment, actor, clock.instant());
        posts.flush();
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
        events.publishEvent(new AssignmentAccepted(
                post.getId(),
                assignment.getId(),
                assignment.getDepartmentId(),
                assignment.getExecutorId(),
                post.getState(),
                now));
        return post;
    }

    /** The executor returns their assignment as outside the department's competence (п.14). */
    @Transactional
    public Post returnAssignment(long postId, long assignmentId, long version, String reason, Actor actor) {
        Post post = load(postId, version, actor);
        Assignment assignment = assignmentOf(post, assignmentId);
        Instant now = clock.instant();
        post.returnAssignment(assignment, reason, actor, now);
        returned(post, assignment, actor, now);
        return post;
    }

    /**
     * The curating deputy minister (or the org head) hands a not yet accepted assignment back to the org specialist
     * with the reason, to be sent to another department (an escalation, п.9, п.14).
     */
    @Transactional
    public Post handBack(long postId, long assignmentId, long version, String reason, Actor actor) {
        Post post = load(postId, version, actor);
        Assignment assignment = assignmentOf(post, assignmentId);
        Instant now = clock.instant();
        post.handBack(assignment, reason, actor, now);
        returned(post, assignment, actor, now);
        return post;
    }

    private void returned(Post post, Assignment assignment, Actor actor, Instant now) {
        posts.flush();
        events.publishEvent(new AssignmentReturned(
                post.getId(),
                assignment.getId(),
                assignment.getDepartmentId(),
                assignment.getExecutorId(),
                assignment.getReturnReason(),
                post.getState(),
                assignment.isAwaitingReroute(),
                actor.id(),
                now));
    }

    /**
     * The org specialist sends a returned part of a joint post to an executor of another department (п.14, п.15).
     *
     * @throws InvalidRouting when the executor is not one of that department's executors
     */
    @Transactional
    public Post reroutePart(long postId, long assignmentId, long version, Routing routing, Actor actor) {
        Post post = load(postId, version, actor);
        Assignment returned = assignmentOf(post, assignmentId);
        if (routing == null) {
            throw new InvalidRouting();
        }
        requireExecutorOf(routing.departmentId(), routing.executorId());
        Instant now = clock.instant();
        Routing acting = new Routing(routing.departmentId(), substitutes.effective(routing.executorId(), now));
        Assignment added = post.reroutePart(returned, acting, actor, now);
        posts.flush();
        events.publishEvent(new PartRerouted(
                post.getId(),
                returned.getId(),
                added.getId(),
                added.getDepartmentId(),
                added.getExecutorId(),
                actor.id(),
                now));
        return post;
    }

    /** The org specialist leaves a returned part out of the joint answer, with the reason (п.15). */
    @Transactional
    public Post excludePart(long postId, long assignmentId, long version, String reason, Actor actor) {
        Post post = load(postId, version, actor);
        Assignment returned = assignmentOf(post, assignmentId);
        Instant now = clock.instant();
        post.excludePart(returned, reason, actor, now);
        posts.flush();
        events.publishEvent(new PartExcluded(
                post.getId(), returned.getId(), returned.getDepartmentId(), reason.strip(), post.getState(), now));
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
        events.publishEvent(new PostReassigned(
                post.getId(),
                assignment.getId(),
                assignment.getDepartmentId(),
                previous,
                executorId,
                comment.strip(),
                actor.id(),
                now));
        return post;
    }

    // ------------------------------------------------------------------------------------------------ part 2

    /**
     * The second-level approvers the author may choose for a draft of the given department (п.10): its curating
     * deputy minister first (the default), then the first deputy ministers and the minister.
     */
    @Transactional(readOnly = true)
    public List<ApproverOption> secondApprovers(long departmentId) {
        return secondApprovers(departmentId, null);
    }

    /** Like {@link #secondApprovers(long)}, without the author of the draft: nobody approves their own draft. */
    @Transactional(readOnly = true)
    public List<ApproverOption> secondApprovers(long departmentId, Long authorId) {
        List<ApproverOption> options = new ArrayList<>();
        PersonSummary curator =
                people.department(departmentId).map(DepartmentSummary::curator).orElse(null);
        if (curator != null && curator.enabled()) {
            options.add(new ApproverOption(curator.id(), curator.fullName(), true));
        }
        for (Role role : Role.TOP_LEADERS) {
            for (PersonSummary person : people.enabledWithRole(role)) {
                if (options.stream().noneMatch(o -> o.id() == person.id())) {
                    options.add(new ApproverOption(person.id(), person.fullName(), false));
                }
            }
        }
        options.removeIf(o -> authorId != null && o.id() == authorId);
        return options;
    }

    /** Saves a version of the draft answer, starting an intermediate or final draft when there is none (п.10). */
    @Transactional
    public Post saveDraft(long postId, long version, boolean intermediate, String text, Actor actor) {
        Post post = load(postId, version, actor);
        lockForEdit(post);
        post.saveDraft(intermediate, text, actor, clock.instant());
        posts.flush();
        return post;
    }

    /**
     * Saves the text when given, then sends the draft to the department head and on to the chosen second-level
     * approver (п.10); after a return the route starts again from the head (п.12).
     *
     * @param secondApproverId one of {@link #secondApprovers}; {@code null} for the curating deputy minister
     * @throws InvalidApprover when the chosen approver is not allowed or the department has no head
     */
    @Transactional
    public Post submitDraft(
            long postId, long version, boolean intermediate, String text, Long secondApproverId, Actor actor) {
        Post post = load(postId, version, actor);
        lockForEdit(post);
        Instant now = clock.instant();
        if (text != null && !text.isBlank()) {
            post.saveDraft(intermediate, text, actor, now);
        }
        long departmentId = post.openDraft() == null
                ? post.firstActiveAssignment().getDepartmentId()
                : post.openDraft().getDepartmentId();
        PersonSummary head = people.department(departmentId)
                .orElseThrow(InvalidApprover::new)
                .head();
        if (head == null
                || !head.enabled()
                || post.openDraft() != null && post.openDraft().writtenBy(head.id())) {
            throw new InvalidApprover();
        }
        List<ApproverOption> options = secondApprovers(departmentId, actor.id());
        ApproverOption second = secondApproverId == null
                ? options.stream().filter(ApproverOption::curator).findFirst().orElse(null)
                : options.stream()
                        .filter(o -> o.id() == secondApproverId)
                        .findFirst()
                        .orElse(null);
        if (second == null) {
            throw new InvalidApprover();
        }
        boolean afterCur = post.submitDraft(head.id(), second.id(), partHeads(post), actor, now);
        posts.flush();
        Draft draft = post.openDraft();
        events.publishEvent(new DraftSubmitted(post.getId(), draft.getId(), draft.isIntermediate(), afterCur, now));
        return post;
    }

    /**
     * For a joint answer (п.15), the head of every contributing department, the drafting one's included, by
     * department in the order of routing: each approves their part. None for a draft of one department.
     *
     * @throws InvalidApprover when a contributing department has no enabled head, or its head wrote the draft
     */
    private Map<Long, Long> partHeads(Post post) {
        Draft draft = post.openDraft();
        Map<Long, Long> heads = new LinkedHashMap<>();
        if (draft == null || !draft.isJoint()) {
            return heads;
        }
        for (Assignment part : post.activeAssignments()) {
            if (heads.containsKey(part.getDepartmentId())) {
                continue;
            }
            PersonSummary head = people.department(part.getDepartmentId())
                    .orElseThrow(InvalidApprover::new)
                    .head();
            if (head == null || !head.enabled() || draft.writtenBy(head.id())) {
                throw new InvalidApprover();
            }
            heads.put(part.getDepartmentId(), head.id());
        }
        return heads;
    }

    /** The approver (or their substitute) approves the draft; after the last level it is ready for ЦУР. */
    @Transactional
    public Post approveDraft(long postId, long version, Actor actor) {
        return approveDraft(postId, version, null, null, actor);
    }

    /**
     * Approves the draft, first saving the approver's small correction as a new version ({@code editedText}, ignored
     * when unchanged) and recording what the approver confirmed ({@code note}, e.g. the п.17 check).
     */
    @Transactional
    public Post approveDraft(long postId, long version, String editedText, String note, Actor actor) {
        return approveDraft(postId, version, null, editedText, note, actor);
    }

    /**
     * Approves the draft as {@link #approveDraft(long, long, String, String, Actor)} does. While a joint answer is
     * with the heads (п.15), each head approves their part in parallel: the post's row is locked so that two heads
     * approving at once take turns and neither approval is lost, and a head who read the page before another head
     * approved still approves when the text they read ({@code draftVersion}, the number of the draft's latest
     * version) is the one waiting.
     */
    @Transactional
    public Post approveDraft(
            long postId, long version, Integer draftVersion, String editedText, String note, Actor actor) {
        Post post = loadForApproval(postId, version, draftVersion, actor);
        Instant now = clock.instant();
        Draft draft = post.openDraft();
        Map<Long, String> departmentNames = new HashMap<>();
        draft.getParts()
                .forEach(p -> departmentNames.put(
                        p.getDepartmentId(),
                        people.department(p.getDepartmentId())
                                .map(DepartmentSummary::name)
                                .orElse("—")));
        boolean withHeads = draft.withPartHeads();
        boolean last = post.approveDraft(editedText, note, departmentNames, actor, now);
        posts.flush();
        if (last) {
            events.publishEvent(new DraftApproved(post.getId(), draft.getId(), draft.isIntermediate(), now));
        } else if (draft.getCurrentApproverId() != null && (!withHeads || !draft.withPartHeads())) {
            // to the second level: after the head, or after the last of a joint answer's heads
            events.publishEvent(new DraftPassedOn(post.getId(), draft.getId(), draft.getCurrentApproverId(), now));
        }
        return post;
    }

    /** The approver (or their substitute) returns the draft for rework with a comment (п.12). */
    @Transactional
    public Post returnDraft(long postId, long version, String comment, Actor actor) {
        return returnDraft(postId, version, null, comment, actor);
    }

    /**
     * Returns the draft as {@link #returnDraft(long, long, String, Actor)} does; any head of a joint answer may, also
     * after another head approved their part ({@code draftVersion} as in {@link #approveDraft(long, long, Integer,
     * String, String, Actor)}), and all heads approve again after the rework.
     */
    @Transactional
    public Post returnDraft(long postId, long version, Integer draftVersion, String comment, Actor actor) {
        Post post = loadForApproval(postId, version, draftVersion, actor);
        Instant now = clock.instant();
        post.returnDraft(comment, actor, now);
        posts.flush();
        Draft draft = post.openDraft();
        events.publishEvent(
                new DraftReturned(post.getId(), draft.getId(), draft.isIntermediate(), false, comment.strip(), now));
        return post;
    }

    /** The org specialist sends the approved draft to ЦУР (п.9). */
    @Transactional
    public Post sendToCur(long postId, long version, Actor actor) {
        Post post = load(postId, version, actor);
        Instant now = clock.instant();
        post.sendToCur(actor, now);
        posts.flush();
        Draft draft = post.openDraft();
        events.publishEvent(new SentToCur(post.getId(), draft.getId(), draft.isIntermediate(), now));
        return post;
    }

    /** The org specialist records ЦУР's decision: approved, or returned with ЦУР's comment (п.9, п.11, п.12). */
    @Transactional
    public Post recordCurDecision(long postId, long version, boolean approved, String comment, Actor actor) {
        Post post = load(postId, version, actor);
        curDecision(post, approved, comment, actor);
        return post;
    }

    /**
     * ЦУР's decision sent through the API: applied to the post as it is now.
     *
     * @return the post's state after the decision
     * @throws NotFoundException when there is no such post
     * @throws ForbiddenTransition when the draft is not at ЦУР
     */
    @Transactional
    public PostState curDecisionFromCur(long postId, boolean approved, String comment) {
        return curDecisionFromCur(postId, approved, comment, null, null);
    }

    /**
     * ЦУР's decision on the draft it read: applied only while that draft, in that version, is the one at ЦУР.
     *
     * @param draftId the draft ЦУР read ({@link PostSummary.DraftAtCur#draftId()}), or {@code null} for any
     * @param draftVersion its version ЦУР read ({@link PostSummary.DraftAtCur#version()}), or {@code null} for any
     * @return the post's state after the decision
     * @throws NotFoundException when there is no such post
     * @throws ForbiddenTransition when no draft is at ЦУР
     * @throws DraftChanged when another draft or version is at ЦУР
     */
    @Transactional
    public PostState curDecisionFromCur(
            long postId, boolean approved, String comment, Long draftId, Integer draftVersion) {
        Post post = posts.findById(postId).orElseThrow(NotFoundException::new);
        Draft open = post.openDraft();
        if (post.getState() == PostState.AT_CUR && open != null && open.latest() != null) {
            int current = open.latest().getNumber();
            if (draftId != null && draftId != open.getId().longValue()
                    || draftVersion != null && draftVersion != current) {
                throw new DraftChanged(open.getId(), current);
            }
        }
        curDecision(post, approved, comment, null);
        return post.getState();
    }

    private void curDecision(Post post, boolean approved, String comment, Actor actor) {
        Instant now = clock.instant();
        if (approved) {
            post.curApprove(actor, now);
        } else {
            post.curReturn(comment, actor, now);
        }
        posts.flush();
        Draft draft = post.openDraft();
        events.publishEvent(
                approved
                        ? new CurApproved(post.getId(), draft.getId(), draft.isIntermediate(), now)
                        : new DraftReturned(
                                post.getId(), draft.getId(), draft.isIntermediate(), true, comment.strip(), now));
    }

    /**
     * The org specialist records the posted answer: its link and text, the approved text when none is given (п.9).
     * A final answer closes the post; an intermediate one leaves it awaiting the final answer (п.13).
     */
    @Transactional
    public Post postAnswer(long postId, long version, String url, String text, Actor actor) {
        Post post = load(postId, version, actor);
        Instant now = clock.instant();
        Draft draft = post.postAnswer(url == null ? null : url.strip(), text, actor, now);
        posts.flush();
        events.publishEvent(
                new AnswerPosted(post.getId(), draft.getId(), draft.isIntermediate(), draft.getPostedUrl(), now));
        return post;
    }

    /** An executor of a joint post sends their department's contribution to the org specialist (п.15). */
    @Transactional
    public Post contribute(long postId, long assignmentId, long version, String text, Actor actor) {
        Post post = load(postId, version, actor);
        Assignment assignment = assignmentOf(post, assignmentId);
        Instant now = clock.instant();
        post.contribute(assignment, text, actor, now);
        posts.flush();
        events.publishEvent(
                new ContributionSubmitted(post.getId(), assignment.getId(), assignment.getDepartmentId(), now));
        return post;
    }

    /** The post's state, if the post exists. */
    @Transactional(readOnly = true)
    public java.util.Optional<PostState> stateOf(long postId) {
        return posts.findById(postId).map(Post::getState);
    }

    /**
     * Like {@link #load}, and refuses a person the waiting draft is not routed to (nor to whom they stand in for).
     * Takes the post's row lock first, so approvals of one post take turns and each reads what the one before did.
     * While a joint answer is with the heads, a version of the post moved on by another head's approval is not stale
     * for a head who read the same text ({@code draftVersion}).
     */
    private Post loadForApproval(long postId, long version, Integer draftVersion, Actor actor) {
        Post post;
        try {
            post = entityManager.find(Post.class, postId, LockModeType.PESSIMISTIC_WRITE);
        } catch (OptimisticLockException | StaleStateException ex) {
            throw new StaleEditException();
        }
        if (post == null || !post.maySee(actor)) {
            throw new NotFoundException();
        }
        if (post.getVersion() != version && !sameTextWithHeads(post, draftVersion, actor)) {
            throw new StaleEditException();
        }
        if (post.isOwnDraftOnRoute(actor)) {
            throw new OwnDraftApproval();
        }
        if (post.awaitsApproval() && !post.mayApprove(actor)) {
            throw new NotOnRoute();
        }
        return post;
    }

    private static boolean sameTextWithHeads(Post post, Integer draftVersion, Actor actor) {
        Draft draft = post.openDraft();
        return draftVersion != null
                && post.awaitsApproval()
                && draft != null
                && draft.withPartHeads()
                && draft.latest() != null
                && draft.latest().getNumber() == draftVersion
                && post.mayApprove(actor);
    }

    /** The post, managed in this transaction: flushing it persists new assignments and timeline lines in place. */
    private Post load(long postId, long version, Actor actor) {
        Post post = posts.findById(postId).filter(p -> p.maySee(actor)).orElseThrow(NotFoundException::new);
        if (post.getVersion() != version) {
            throw new StaleEditException();
        }
        return post;
    }

    /**
     * Takes the post's row lock and moves its version on, now: a draft's text lives in rows of its own, so saving it
     * would otherwise leave the post's version as it was. Of two saves of one version at the same instant, the second
     * waits here for the first to commit, then finds the version moved on and is told, like any stale edit, that
     * someone else changed the post (instead of a 500 on the draft's unique version number, or a second draft).
     */
    private void lockForEdit(Post post) {
        try {
            entityManager.lock(post, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        } catch (OptimisticLockException | StaleStateException ex) {
            throw new StaleEditException();
        }
    }

    private static Assignment assignmentOf(Post post, long assignmentId) {
        Assignment assignment = post.assignment(assignmentId);
        if (assignment == null) {
            throw new NotFoundException();
        }
        return assignment;
    }

    private void requireExecutorOf(long departmentId, long executorId) {
        if (!people.department(departmentId).orElseThrow(InvalidRouting::new).hasActiveExecutor(executorId)) {
            throw new InvalidRouting();
        }
    }
}
