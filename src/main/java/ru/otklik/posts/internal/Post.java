package ru.otklik.posts.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import ru.otklik.people.Role;
import ru.otklik.posts.Actor;
import ru.otklik.posts.AssignmentState;
import ru.otklik.posts.ForbiddenTransition;
import ru.otklik.posts.Importance;
import ru.otklik.posts.NewPost;
import ru.otklik.posts.NotAuthorisedForOrgWork;
import ru.otklik.posts.OwnDraftApproval;
import ru.otklik.posts.PartState;
import ru.otklik.posts.PostFields;
import ru.otklik.posts.PostState;
import ru.otklik.posts.Routing;
import ru.otklik.posts.Source;

/**
 * A post (сообщение из открытых источников) and its life (SPEC §2). The post guards its own transitions: each
 * takes the actor and the instant, and one the state or the actor's role does not allow throws
 * {@link ForbiddenTransition} and changes nothing. Every transition adds a line to the timeline (п.19).
 */
@Entity
public class Post {

    private static final Set<PostState> ROUTABLE = EnumSet.of(PostState.NEW, PostState.RETURNED_BY_EXECUTOR);
    private static final Set<PostState> WITH_EXECUTORS = EnumSet.of(PostState.ASSIGNED, PostState.IN_WORK);
    /** The states in which the post is with the executors and may still be found to fall under п.18. */
    private static final Set<PostState> P18_FLAGGABLE =
            EnumSet.of(PostState.ASSIGNED, PostState.IN_WORK, PostState.REWORK);
    /** The states in which the draft answer is written: in work, in rework, and after an intermediate answer. */
    private static final Set<PostState> DRAFTING =
            EnumSet.of(PostState.IN_WORK, PostState.REWORK, PostState.AWAITING_FINAL);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "external_id")
    private String externalId;

    /** The Ministry's registration number (номер регистрации), e.g. СОЦ-2026/0123, given at registration (V68). */
    @Column(name = "registration_number", updatable = false)
    private String registrationNumber;

    /** The year of registration in Ministry time, and the post's place in that year's sequence. */
    @Column(name = "registration_year", updatable = false)
    private int registrationYear;

    @Column(name = "registration_seq", updatable = false)
    private int registrationSeq;

    @Enumerated(EnumType.STRING)
    private Source source;

    private String url;

    @Column(name = "author_name")
    private String authorName;

    @Column(name = "author_url")
    private String authorUrl;

    private String text;

    @Column(name = "detected_at")
    private Instant detectedAt;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    private Importance importance;

    private String topic;

    @Enumerated(EnumType.STRING)
    private PostState state;

    /** Advice of the п.18 screening: the text matched the lexicon. */
    @Column(name = "screening_flagged")
    private boolean screeningFlagged;

    /** The matched words as {@code CATEGORY:word} separated by {@code ;}. */
    @Column(name = "screening_matches")
    private String screeningMatches;

    /** An executor's reason to refuse the post under п.18, waiting for an org specialist's decision; none: null. */
    @Column(name = "p18_flag")
    private String p18Flag;

    @Column(name = "closing_reason")
    private String closingReason;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "last_action_at")
    private Instant lastActionAt;

    @Column(name = "registered_by")
    private Long registeredBy;

    /**
     * The current routing is a joint answer (п.15): sent to several departments at once. It stays so while a
     * returned part waits for the org specialist, and after a part is left out, so the specialist still composes it.
     */
    @Column(name = "joint_answer")
    private boolean jointAnswer;

    @Version
    private long version;

    /** Set by the database on insert and on every update of the row (V54): when the post last changed. */
    @Column(name = "changed_at", insertable = false, updatable = false)
    private Instant changedAt;

    @OneToMany(mappedBy = "post", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<Assignment> assignments = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "post_link", joinColumns = @JoinColumn(name = "post_id"))
    @Column(name = "linked_post_id")
    private Set<Long> linkedPostIds = new HashSet<>();

    /** Similar posts the org specialist said are not repeats of this one (п.16): not offered again. */
    @ElementCollection
    @CollectionTable(name = "post_repeat_dismissal", joinColumns = @JoinColumn(name = "post_id"))
    @Column(name = "other_post_id")
    private Set<Long> dismissedRepeatIds = new HashSet<>();

    @OneToMany(mappedBy = "post", cascade = CascadeType.ALL)
    @OrderBy("at, id")
    private List<TimelineEntry> timeline = new ArrayList<>();

    @OneToMany(mappedBy = "post", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<Draft> drafts = new ArrayList<>();

    protected Post() {}

    private Post(
            NewPost details,
            boolean screeningFlagged,
            String screeningMatches,
            Set<Long> linkedPostIds,
            Long registeredBy,
            RegistrationNumbers.Registration registration,
            Instant now) {
        this.externalId = details.externalId();
        this.registrationNumber = registration.number();
        this.registrationYear = registration.year();
        this.registrationSeq = registration.seq();
        this.source = Objects.requireNonNull(details.source());
        this.url = details.url();
        this.authorName = details.authorName();
        this.authorUrl = details.authorUrl();
        this.text = details.text();
        this.detectedAt = details.detectedAt();
        this.receivedAt = details.receivedAt();
        this.importance = details.importance() == null ? Importance.NORMAL : details.importance();
        this.topic = details.topic();
        this.state = PostState.NEW;
        this.screeningFlagged = screeningFlagged;
        this.screeningMatches = screeningMatches;
        this.linkedPostIds.addAll(linkedPostIds);
        this.registeredBy = registeredBy;
        this.lastActionAt = now;
        this.timeline.add(new TimelineEntry(
                this, now, registeredBy, null, TimelineAction.REGISTERED, null, PostState.NEW, null, null, null));
    }

    /**
     * A post the Ministry has just received, in state NEW.
     *
     * @param registeredBy the person who typed it, or {@code null} when ЦУР sent it
     * @param registration the Ministry's registration number given to it
     */
    public static Post register(
            NewPost details,
            boolean screeningFlagged,
            String screeningMatches,
            Set<Long> linkedPostIds,
            Long registeredBy,
            RegistrationNumbers.Registration registration,
            Instant now) {
        return new Post(details, screeningFlagged, screeningMatches, linkedPostIds, registeredBy, registration, now);
    }

    // ---------------------------------------------------------------- what the actor may see and do now

    /**
     * Org staff, deputies and the minister see every post; a department head the posts sent to their department;
     * an executor the posts assigned to them. Anyone else (an admin, say) sees none.
     */
    public boolean maySee(Actor actor) {
        return actor.seesAllPosts()
                || assignments.stream()
                        .anyMatch(a -> actor.heads(a.getDepartmentId())
                                || actor.has(Role.EXECUTOR) && actor.actsFor(a.getExecutorId()))
                || drafts.stream()
                        .anyMatch(d -> actor.actsFor(d.getHeadApproverId()) || actor.actsFor(d.getSecondApproverId()));
    }

    /**
     * Whether this person may read the draft (SPEC §7: an approver sees only drafts routed to them): org staff, the
     * first deputy and the minister, its authors, the executors and heads of its department (of any department on a
     * joint answer, so every head approving a part of it), the deputy minister curating that department, and the
     * approvers on its route or whoever stands in for them. A posted answer is public and readable by anyone who sees
     * the post.
     */
    public boolean maySeeDraft(Draft draft, Actor actor) {
        if (draft.isPosted()
                || actor.isOrgStaff()
                || actor.hasAny(Role.TOP_LEADERS)
                || draft.writtenBy(actor.id())
                || actor.actsFor(draft.getHeadApproverId())
                || actor.actsFor(draft.getSecondApproverId())
                || actor.actsFor(draft.getCurrentApproverId())) {
            return true;
        }
        return assignments.stream()
                .filter(a -> draft.isJoint() || a.getDepartmentId() == draft.getDepartmentId())
                .anyMatch(a -> actor.heads(a.getDepartmentId())
                        || actor.curates(a.getDepartmentId())
                        || actor.has(Role.EXECUTOR) && actor.actsFor(a.getExecutorId()));
    }

    /**
     * Attach a document to the draft being worked on (вложение): while it is not yet posted and the post is open, its
     * author, the executor of its department (or whoever stands in for them), the head of that department, and for a
     * joint answer the org staff, who compose it.
     */
    public boolean mayAttachToDraft(Draft draft, Actor actor) {
        if (draft.isPosted() || state.isClosed()) {
            return false;
        }
        if (draft.writtenBy(actor.id()) || actor.heads(draft.getDepartmentId())) {
            return true;
        }
        if (draft.isJoint()) {
            return actor.isOrgStaff();
        }
        return actor.has(Role.EXECUTOR)
                && assignments.stream()
                        .anyMatch(a -> a.getDepartmentId() == draft.getDepartmentId()
                                && a.isActive()
                                && actor.actsFor(a.getExecutorId()));
    }

    /** The draft of this post with this id, if it is one of its drafts. */
    public Optional<Draft> draft(long draftId) {
        return drafts.stream().filter(d -> d.getId() == draftId).findFirst();
    }

    /**
     * Route to executors, return to ЦУР or refuse under п.18: org staff the org head authorised (Приказ п.2.2), while
     * the post is new or returned.
     */
    public boolean mayRoute(Actor actor) {
        return actor.routesAndPosts() && ROUTABLE.contains(state);
    }

    /**
     * Flag the post as not to be processed under п.18 after routing: the executor of an active assignment, while the
     * post is with the executors and no flag waits for a decision.
     */
    public boolean mayFlagP18(Assignment assignment, Actor actor) {
        return P18_FLAGGABLE.contains(state)
                && p18Flag == null
                && assignment.isActive()
                && actor.actsFor(assignment.getExecutorId())
                && actor.has(Role.EXECUTOR);
    }

    /** Confirm (refuse the post under п.18) or dismiss an executor's п.18 flag: org staff, while the flag waits. */
    public boolean mayDecideP18Flag(Actor actor) {
        return actor.isOrgStaff() && p18Flag != null && P18_FLAGGABLE.contains(state);
    }

    public boolean mayAccept(Assignment assignment, Actor actor) {
        return WITH_EXECUTORS.contains(state)
                && assignment.getState() == AssignmentState.ASSIGNED
                && actor.actsFor(assignment.getExecutorId())
                && actor.has(Role.EXECUTOR);
    }

    public boolean mayReturn(Assignment assignment, Actor actor) {
        return mayAccept(assignment, actor);
    }

    /**
     * Send a returned part of a joint post to another department (п.14, п.15): org staff, while the part waits and the
     * post is still with the executors.
     */
    public boolean mayReroutePart(Assignment assignment, Actor actor) {
        return actor.routesAndPosts() && assignment.isAwaitingReroute() && WITH_EXECUTORS.contains(state);
    }

    /**
     * Leave a returned part out of the joint answer: org staff, while the part waits and the post is open and not
     * back with the specialist as a whole (then it is routed anew).
     */
    public boolean mayExcludePart(Assignment assignment, Actor actor) {
        return actor.routesAndPosts()
                && assignment.isAwaitingReroute()
                && closedAt == null
                && !ROUTABLE.contains(state);
    }

    /**
     * Hand a not yet accepted assignment back to the org specialist to be sent to another department (an escalation,
     * п.9, п.14): the deputy minister curating that department, or the org head.
     */
    public boolean mayHandBack(Assignment assignment, Actor actor) {
        return WITH_EXECUTORS.contains(state)
                && assignment.getState() == AssignmentState.ASSIGNED
                && (actor.has(Role.ORG_HEAD) || actor.curates(assignment.getDepartmentId()));
    }

    /** Reassign to another executor: the org head, or the deputy minister curating that department. */
    public boolean mayReassign(Assignment assignment, Actor actor) {
        return WITH_EXECUTORS.contains(state)
                && assignment.isActive()
                && (actor.has(Role.ORG_HEAD) || actor.curates(assignment.getDepartmentId()));
    }

    /**
     * Write the draft answer and send it to the approvers (п.10, п.12): in work, in rework or after an intermediate
     * answer; the executor of an accepted assignment, or for a joint post (п.15) the org staff, who compose it.
     */
    public boolean mayDraft(Actor actor) {
        if (!DRAFTING.contains(state)) {
            return false;
        }
        if (isJoint()) {
            return actor.isOrgStaff();
        }
        return actor.has(Role.EXECUTOR)
                && assignments.stream()
                        .anyMatch(a -> a.getState() == AssignmentState.ACCEPTED && actor.actsFor(a.getExecutorId()));
    }

    /** After an intermediate answer only the final one is drafted (п.13). */
    public boolean mayDraftIntermediate() {
        return state != PostState.AWAITING_FINAL;
    }

    /** Approve or return the draft: the approver it waits for, or whoever stands in for them (п.10–12). */
    public boolean mayApprove(Actor actor) {
        return onApprovalRoute(actor) && !openDraft().writtenBy(actor.id());
    }

    /**
     * Whether the waiting draft is routed to this person or to someone they stand in for, but they wrote it: nobody
     * approves their own draft, in their own name or as a substitute (SPEC §1).
     */
    public boolean isOwnDraftOnRoute(Actor actor) {
        return onApprovalRoute(actor) && openDraft().writtenBy(actor.id());
    }

    private boolean onApprovalRoute(Actor actor) {
        Draft draft = openDraft();
        return state == PostState.IN_APPROVAL
                && draft != null
                && draft.waitingFor().stream().anyMatch(actor::actsFor);
    }

    /** Whether the draft waits for an approval this person could give if it were theirs: for a clear refusal. */
    public boolean awaitsApproval() {
        return state == PostState.IN_APPROVAL;
    }

    /** Send the approved draft to ЦУР (п.9): org staff. */
    public boolean maySendToCur(Actor actor) {
        return actor.isOrgStaff() && state == PostState.READY_FOR_CUR;
    }

    /** Record ЦУР's decision on the draft (п.9, п.11): org staff, while the draft is at ЦУР. */
    public boolean mayRecordCurDecision(Actor actor) {
        return actor.isOrgStaff() && state == PostState.AT_CUR;
    }

    /** Record the posted answer (п.9): org staff the org head authorised (Приказ п.2.2), once ЦУР approved it. */
    public boolean mayPost(Actor actor) {
        return actor.routesAndPosts() && state == PostState.CUR_APPROVED;
    }

    /** Send a department's contribution to a joint answer (п.15): its executor, after accepting. */
    public boolean mayContribute(Assignment assignment, Actor actor) {
        return isJoint()
                && DRAFTING.contains(state)
                && assignment.getState() == AssignmentState.ACCEPTED
                && actor.actsFor(assignment.getExecutorId())
                && actor.has(Role.EXECUTOR);
    }

    // ---------------------------------------------------------------- transitions

    /**
     * Sends the post to one executor in each chosen department (п.9, п.15) and sets or clears HIGH.
     *
     * @return the new assignments, in the order given
     */
    public List<Assignment> route(List<Routing> routings, Importance newImportance, Actor actor, Instant now) {
        requireOrgAuthority(actor);
        if (!mayRoute(actor)) {
            throw forbidden("route");
        }
        if (routings.isEmpty()) {
            throw new ForbiddenTransition("posts.refusal.noRouting");
        }
        if (routings.stream().map(Routing::departmentId).distinct().count() != routings.size()) {
            throw new ForbiddenTransition("posts.refusal.oneExecutorPerDepartment");
        }
        PostState from = state;
        // a post routed anew as a whole: the parts that waited for the specialist go with it
        assignments.stream().filter(Assignment::isAwaitingReroute).forEach(a -> a.settlePart(PartState.REROUTED));
        jointAnswer = routings.size() > 1;
        List<Assignment> added = new ArrayList<>();
        for (Routing routing : routings) {
            Assignment assignment = new Assignment(this, routing.departmentId(), routing.executorId(), now);
            assignments.add(assignment);
            added.add(assignment);
        }
        state = PostState.ASSIGNED;
        for (Assignment assignment : added) {
            record(now, actor, TimelineAction.ROUTED, from, assignment, null, null);
        }
        Importance wanted = newImportance == null ? importance : newImportance;
        if (wanted != importance) {
            importance = wanted;
            record(now, actor, TimelineAction.IMPORTANCE_CHANGED, state, null, null, null);
        }
        return List.copyOf(added);
    }

    /**
     * Set or clear HIGH on an open post (п.9 ¶3–4): org staff, any time before it is closed. (While it is new or
     * returned, routing sets it.)
     */
    public boolean mayChangeImportance(Actor actor) {
        // the importance is the routing specialist's call (п.9 ¶3–4): only org staff the org head authorised
        return actor.routesAndPosts() && !state.isClosed();
    }

    /**
     * Sets the importance; the timeline records the change.
     *
     * @return whether it changed
     */
    public boolean changeImportance(Importance wanted, Actor actor, Instant now) {
        requireOrgAuthority(actor);
        if (!mayChangeImportance(actor) || wanted == null) {
            throw forbidden("changeImportance");
        }
        if (wanted == importance) {
            return false;
        }
        importance = wanted;
        record(now, actor, TimelineAction.IMPORTANCE_CHANGED, state, null, null, null);
        return true;
    }

    /** Returns the post to ЦУР as outside the Ministry's competence (п.9, п.14); closes it. */
    public void returnToCur(String reason, Actor actor, Instant now) {
        close(PostState.RETURNED_TO_CUR, TimelineAction.RETURNED_TO_CUR, reason, actor, now);
    }

    /** Refuses the post under п.18 (threats, obscenity, insults); closes it. */
    public void refuse(String reason, Actor actor, Instant now) {
        close(PostState.NOT_PROCESSED, TimelineAction.REFUSED, reason, actor, now);
    }

    /** The executor flags the post as not to be processed under п.18, with the reason; an org specialist decides. */
    public void flagP18(Assignment assignment, String reason, Actor actor, Instant now) {
        requireOwn(assignment);
        if (!mayFlagP18(assignment, actor)) {
            throw forbidden("flag under п.18");
        }
        p18Flag = requireReason(reason);
        record(
                now,
                actor,
                behalf(assignment.getExecutorId(), actor),
                TimelineAction.P18_FLAGGED,
                state,
                assignment,
                null,
                p18Flag);
    }

    /** The org specialist confirms the executor's п.18 flag: the post is refused under п.18 with the flag's reason. */
    public void confirmP18Flag(Actor actor, Instant now) {
        if (!mayDecideP18Flag(actor)) {
            throw forbidden("confirm the п.18 flag");
        }
        PostState from = state;
        state = PostState.NOT_PROCESSED;
        closingReason = p18Flag;
        closedAt = now;
        p18Flag = null;
        record(now, actor, TimelineAction.REFUSED, from, null, null, closingReason);
    }

    /** The org specialist dismisses the executor's п.18 flag with a comment: the work goes on. */
    public void dismissP18Flag(String comment, Actor actor, Instant now) {
        if (!mayDecideP18Flag(actor)) {
            throw forbidden("dismiss the п.18 flag");
        }
        String why = requireReason(comment);
        p18Flag = null;
        record(now, actor, TimelineAction.P18_FLAG_DISMISSED, state, null, null, why);
    }

    /** The executor accepts the assignment («принято в работу», п.9); the post is then in work. */
    public void accept(Assignment assignment, Actor actor, Instant now) {
        requireOwn(assignment);
        if (!mayAccept(assignment, actor)) {
            throw forbidden("accept");
        }
        PostState from = state;
        assignment.accept(now);
        state = stateOfAssignments();
        record(
                now,
                actor,
                behalf(assignment.getExecutorId(), actor),
                TimelineAction.ACCEPTED,
                from,
                assignment,
                null,
                null);
    }

    /**
     * The executor returns the assignment as outside their department's competence (п.14). When every assignment is
     * returned, the post goes back to the org specialist.
     */
    public void returnAssignment(Assignment assignment, String reason, Actor actor, Instant now) {
        requireOwn(assignment);
        if (!mayReturn(assignment, actor)) {
            throw forbidden("return");
        }
        giveBack(assignment, reason, TimelineAction.RETURNED_BY_EXECUTOR, actor, now);
    }

    /**
     * The curating deputy minister (or the org head) hands a not yet accepted assignment back to the org specialist
     * with the reason, to be sent to another department (п.9, п.14): as if its department had returned it.
     */
    public void handBack(Assignment assignment, String reason, Actor actor, Instant now) {
        requireOwn(assignment);
        if (!mayHandBack(assignment, actor)) {
            throw forbidden("hand back");
        }
        giveBack(assignment, reason, TimelineAction.HANDED_BACK, actor, now);
    }

    /**
     * Returns one assignment. The part of a joint post whose other parts go on waits for the org specialist
     * (п.14, п.15); the last part returned sends the whole post back to the specialist.
     */
    private void giveBack(Assignment assignment, String reason, TimelineAction action, Actor actor, Instant now) {
        String why = requireReason(reason);
        PostState from = state;
        assignment.giveBack(why, now);
        state = stateOfAssignments();
        if (jointAnswer && state != PostState.RETURNED_BY_EXECUTOR) {
            assignment.settlePart(PartState.AWAITING_REROUTE);
        }
        record(now, actor, behalf(assignment.getExecutorId(), actor), action, from, assignment, null, why);
    }

    /**
     * The org specialist sends a returned part of a joint post to an executor of another department (п.14, п.15).
     *
     * @return the new assignment
     */
    public Assignment reroutePart(Assignment returned, Routing routing, Actor actor, Instant now) {
        requireOwn(returned);
        requireOrgAuthority(actor);
        if (!mayReroutePart(returned, actor)) {
            throw forbidden("reroute the part");
        }
        boolean taken = returned.getDepartmentId() == routing.departmentId()
                || activeAssignments().stream().anyMatch(a -> a.getDepartmentId() == routing.departmentId());
        if (taken) {
            throw new ForbiddenTransition("posts.refusal.partDepartment");
        }
        PostState from = state;
        returned.settlePart(PartState.REROUTED);
        Assignment assignment = new Assignment(this, routing.departmentId(), routing.executorId(), now);
        assignments.add(assignment);
        state = stateOfAssignments();
        record(now, actor, TimelineAction.PART_REROUTED, from, assignment, returned.getExecutorId(), null);
        return assignment;
    }

    /**
     * The org specialist leaves a returned part out of the joint answer, with the reason: the answer goes on with
     * the other parts; with none left, the post is back with the specialist as a returned one (п.14).
     */
    public void excludePart(Assignment returned, String reason, Actor actor, Instant now) {
        requireOwn(returned);
        requireOrgAuthority(actor);
        if (!mayExcludePart(returned, actor)) {
            throw forbidden("leave the part out");
        }
        String why = requireReason(reason);
        PostState from = state;
        returned.settlePart(PartState.EXCLUDED);
        if (activeAssignments().isEmpty()) {
            state = PostState.RETURNED_BY_EXECUTOR;
        }
        record(now, actor, TimelineAction.PART_EXCLUDED, from, returned, null, why);
    }

    /** Hands an assignment to another executor of the same department, who must accept it anew. */
    public void reassign(Assignment assignment, long executorId, String comment, Actor actor, Instant now) {
        requireOwn(assignment);
        if (!mayReassign(assignment, actor)) {
            throw forbidden("reassign");
        }
        if (assignment.getExecutorId() == executorId) {
            throw new ForbiddenTransition("posts.refusal.sameExecutor");
        }
        String why = requireReason(comment);
        PostState from = state;
        long previous = assignment.getExecutorId();
        assignment.handTo(executorId, now);
        state = stateOfAssignments();
        record(now, actor, TimelineAction.REASSIGNED, from, assignment, previous, why);
    }

    /** Link or unlink earlier posts, dismiss similar ones (п.16): org staff, at any time. */
    public boolean mayLink(Actor actor) {
        return actor.isOrgStaff();
    }

    /**
     * Links earlier posts found at arrival by the same author or on the same link (п.16); the timeline names them.
     */
    public void linkOnArrival(Map<Long, String> registrationNumbers, Instant now) {
        Set<Long> added = new TreeSet<>();
        registrationNumbers.keySet().stream()
                .filter(other -> !other.equals(id) && linkedPostIds.add(other))
                .forEach(added::add);
        if (!added.isEmpty()) {
            timeline.add(new TimelineEntry(
                    this,
                    now,
                    null,
                    null,
                    TimelineAction.REPEAT_LINKED,
                    state,
                    state,
                    null,
                    null,
                    comment(added.stream().map(registrationNumbers::get).toList())));
        }
    }

    /**
     * The org specialist links another post on the same question (п.16).
     *
     * @return whether it was not linked yet (either way round)
     */
    public boolean link(Post other, Actor actor, Instant now) {
        if (!mayLink(actor)) {
            throw forbidden("link");
        }
        if (other.getId().equals(id)) {
            throw new ForbiddenTransition("posts.refusal.linkSelf");
        }
        if (linkedPostIds.contains(other.getId()) || other.linkedPostIds.contains(id)) {
            return false;
        }
        linkedPostIds.add(other.getId());
        dismissedRepeatIds.remove(other.getId());
        recordBy(actor.id(), now, TimelineAction.REPEAT_LINKED, state, null, null, other.getRegistrationNumber());
        return true;
    }

    /**
     * The org specialist removes a link to another post, whichever of the two it was made from (п.16).
     *
     * @return whether they were linked
     */
    public boolean unlink(Post other, Actor actor, Instant now) {
        if (!mayLink(actor)) {
            throw forbidden("unlink");
        }
        boolean removed = linkedPostIds.remove(other.getId()) | other.linkedPostIds.remove(id);
        if (removed) {
            recordBy(actor.id(), now, TimelineAction.REPEAT_UNLINKED, state, null, null, other.getRegistrationNumber());
        }
        return removed;
    }

    /** The org specialist says a similar post is not a repeat of this one: it is not offered again (п.16). */
    public boolean dismissRepeat(Post other, Actor actor, Instant now) {
        if (!mayLink(actor)) {
            throw forbidden("dismissRepeat");
        }
        if (other.getId().equals(id) || !dismissedRepeatIds.add(other.getId())) {
            return false;
        }
        recordBy(actor.id(), now, TimelineAction.REPEAT_DISMISSED, state, null, null, other.getRegistrationNumber());
        return true;
    }

    public Set<Long> getDismissedRepeatIds() {
        return Set.copyOf(dismissedRepeatIds);
    }

    private static String comment(List<String> registrationNumbers) {
        String joined = String.join(", ", registrationNumbers);
        return joined.length() <= PostFields.COMMENT_MAX
                ? joined
                : joined.substring(0, PostFields.COMMENT_MAX - 1) + "…";
    }

    /** Links earlier posts on the same question (п.16). */
    public void link(Set<Long> postIds) {
        postIds.stream().filter(linked -> !linked.equals(id)).forEach(linkedPostIds::add);
    }

    /** Gives a post typed without ЦУР's id its generated one, once its own id is known. */
    public void rename(String generated) {
        externalId = generated;
    }

    // ---------------------------------------------------------------- part 2: drafts, approval, ЦУР, posting

    /**
     * Saves the text of the open draft as a new version, or starts a draft (intermediate or final). The kind may be
     * changed until the draft is first sent to the approvers. Nothing is recorded when the text did not change.
     *
     * @return the open draft
     */
    public Draft saveDraft(boolean intermediate, String text, Actor actor, Instant now) {
        if (!mayDraft(actor)) {
            throw forbidden("draft");
        }
        String body = requireText(text);
        if (intermediate && !mayDraftIntermediate()) {
            throw new ForbiddenTransition("posts.refusal.finalAfterIntermediate");
        }
        Draft draft = openDraft();
        if (draft == null) {
            draft = new Draft(
                    this, intermediate, isJoint(), firstActiveAssignment().getDepartmentId(), now);
            drafts.add(draft);
        } else if (draft.getSubmittedAt() == null) {
            draft.kind(intermediate);
        }
        if (draft.write(body, actor.id(), now)) {
            record(now, actor, draftingFor(actor), TimelineAction.DRAFT_SAVED, state, null, null, null);
        }
        return draft;
    }

    /**
     * Sends the open draft to the approvers: the department head first, then the chosen second-level approver
     * (п.10). After a return the same route starts again from the head (п.12).
     *
     * @return whether ЦУР had returned the previous version (п.11: the 20-minute re-approval)
     */
    public boolean submitDraft(long headApproverId, long secondApproverId, Actor actor, Instant now) {
        return submitDraft(headApproverId, secondApproverId, Map.of(), actor, now);
    }

    /**
     * Sends the open draft to the approvers; a joint answer (п.15) to the head of every contributing department at
     * once ({@code partHeads}: department → head, the drafting department's included), each approving their part,
     * then to the second-level approver.
     */
    public boolean submitDraft(
            long headApproverId, long secondApproverId, Map<Long, Long> partHeads, Actor actor, Instant now) {
        if (!mayDraft(actor)) {
            throw forbidden("submit");
        }
        Draft draft = openDraft();
        if (draft == null || draft.latest() == null) {
            throw new ForbiddenTransition("posts.refusal.saveDraftFirst");
        }
        boolean afterCur = draft.isReturnedByCur();
        PostState from = state;
        draft.submit(headApproverId, secondApproverId, draft.isJoint() ? partHeads : Map.of(), now);
        state = PostState.IN_APPROVAL;
        record(now, actor, draftingFor(actor), TimelineAction.DRAFT_SUBMITTED, from, null, null, null);
        return afterCur;
    }

    /**
     * The approver (or their substitute) approves the draft: from the head it goes to the second level; from the
     * second level the post is ready for ЦУР.
     *
     * @return whether that was the last level
     */
    public boolean approveDraft(Actor actor, Instant now) {
        return approveDraft(null, null, actor, now);
    }

    /**
     * Approves the draft; a small correction by the approver ({@code editedText} differing from the draft) is saved
     * first as a new version under the approver's name, and the timeline entry says so, with {@code note} (what the
     * approver confirmed) in front.
     */
    public boolean approveDraft(String editedText, String note, Actor actor, Instant now) {
        return approveDraft(editedText, note, Map.of(), actor, now);
    }

    /**
     * Approves the draft; while a joint answer is with the heads (п.15), approves the parts waiting for this person
     * (or for those they stand in for), one timeline line each, named by {@code departmentNames}; the last part sends
     * the draft to the second-level approver. A head corrects the text only while no other head has approved it:
     * afterwards they return it with a comment, so that no head's approval covers a text they did not see.
     */
    public boolean approveDraft(
            String editedText, String note, Map<Long, String> departmentNames, Actor actor, Instant now) {
        if (isOwnDraftOnRoute(actor)) {
            throw new OwnDraftApproval();
        }
        if (!mayApprove(actor)) {
            throw forbidden("approve");
        }
        PostState from = state;
        Draft draft = openDraft();
        if (draft.withPartHeads()) {
            approveParts(draft, editedText, note, departmentNames, actor, now);
            return false;
        }
        Long approvingFor = behalf(draft.getCurrentApproverId(), actor);
        boolean edited =
                editedText != null && !editedText.isBlank() && draft.write(requireText(editedText), actor.id(), now);
        boolean last = draft.approve();
        if (last) {
            state = PostState.READY_FOR_CUR;
        }
        String comment = note;
        if (edited) {
            String correction =
                    "Согласующий внёс правку: версия " + draft.getVersions().size();
            comment = comment == null ? correction : comment + ". " + correction;
        }
        record(
                now,
                actor,
                approvingFor,
                last ? TimelineAction.DRAFT_APPROVED : TimelineAction.DRAFT_APPROVED_BY_HEAD,
                from,
                null,
                null,
                comment);
        return last;
    }

    private void approveParts(
            Draft draft, String editedText, String note, Map<Long, String> departmentNames, Actor actor, Instant now) {
        List<DraftPartApproval> mine = draft.waitingParts().stream()
                .filter(p -> actor.actsFor(p.getHeadId()))
                .toList();
        boolean correcting = editedText != null
                && !editedText.isBlank()
                && !requireText(editedText).equals(draft.text());
        if (correcting && !draft.mayBeCorrected()) {
            // another head approved this very text: a correction now would pass their part unseen
            throw new ForbiddenTransition("posts.refusal.jointCorrectionAfterApproval");
        }
        boolean edited = correcting && draft.write(requireText(editedText), actor.id(), now);
        for (DraftPartApproval part : mine) {
            draft.approvePart(part, actor.id(), now);
            String comment = "часть: " + departmentNames.getOrDefault(part.getDepartmentId(), "—");
            if (note != null) {
                comment = comment + ". " + note;
            }
            if (edited && part == mine.get(0)) {
                comment = comment + ". Согласующий внёс правку: версия "
                        + draft.getVersions().size();
            }
            record(
                    now,
                    actor,
                    behalf(part.getHeadId(), actor),
                    TimelineAction.DRAFT_APPROVED_BY_HEAD,
                    PostState.IN_APPROVAL,
                    null,
                    null,
                    comment);
        }
    }

    /** The approver (or their substitute) returns the draft to its author with a comment (п.12). */
    public void returnDraft(String comment, Actor actor, Instant now) {
        if (isOwnDraftOnRoute(actor)) {
            throw new OwnDraftApproval();
        }
        if (!mayApprove(actor)) {
            throw forbidden("return draft");
        }
        String why = requireReason(comment);
        PostState from = state;
        Long approvingFor = behalf(waitingFor(openDraft(), actor), actor);
        openDraft().giveBack(false, now);
        state = PostState.REWORK;
        record(now, actor, approvingFor, TimelineAction.DRAFT_RETURNED, from, null, null, why);
    }

    /** The org specialist sends the approved draft to ЦУР (п.9); the time is recorded. */
    public void sendToCur(Actor actor, Instant now) {
        if (!maySendToCur(actor)) {
            throw forbidden("send to ЦУР");
        }
        PostState from = state;
        openDraft().sentToCur(now);
        state = PostState.AT_CUR;
        record(now, actor, TimelineAction.SENT_TO_CUR, from, null, null, null);
    }

    /**
     * ЦУР approved the draft (п.9).
     *
     * @param actor the org specialist who recorded it, or {@code null} when ЦУР sent it through the API
     */
    public void curApprove(Actor actor, Instant now) {
        requireCurDecision(actor);
        PostState from = state;
        openDraft().curApproved(now);
        state = PostState.CUR_APPROVED;
        recordBy(actor == null ? null : actor.id(), now, TimelineAction.CUR_APPROVED, from, null, null, null);
    }

    /**
     * ЦУР returned the draft for rework with its comment (п.11, п.12): the author reworks it and it goes through the
     * same approvers again.
     *
     * @param actor the org specialist who recorded it, or {@code null} when ЦУР sent it through the API
     */
    public void curReturn(String comment, Actor actor, Instant now) {
        requireCurDecision(actor);
        String why = requireReason(comment);
        PostState from = state;
        openDraft().giveBack(true, now);
        state = PostState.REWORK;
        recordBy(actor == null ? null : actor.id(), now, TimelineAction.CUR_RETURNED, from, null, null, why);
    }

    /**
     * The org specialist records the posted answer (п.9): its link and text. A final answer closes the post; after an
     * intermediate one the final answer is due (п.13).
     *
     * @return the posted draft
     */
    public Draft postAnswer(String url, String text, Actor actor, Instant now) {
        requireOrgAuthority(actor);
        if (!mayPost(actor)) {
            throw forbidden("post");
        }
        if (url == null || url.strip().length() > PostFields.URL_MAX || !PostFields.isLink(url.strip())) {
            throw new ForbiddenTransition("posts.refusal.answerLink");
        }
        Draft draft = openDraft();
        String body = text == null || text.isBlank() ? draft.text() : requireText(text);
        PostState from = state;
        draft.posted(url.strip(), body, actor.id(), now);
        if (draft.isIntermediate()) {
            state = PostState.AWAITING_FINAL;
        } else {
            state = PostState.ANSWERED;
            closedAt = now;
        }
        record(now, actor, TimelineAction.ANSWER_POSTED, from, null, null, url.strip());
        return draft;
    }

    /** An executor of a joint post sends (or sends again) their department's contribution (п.15). */
    public void contribute(Assignment assignment, String text, Actor actor, Instant now) {
        requireOwn(assignment);
        if (!mayContribute(assignment, actor)) {
            throw forbidden("contribute");
        }
        assignment.contribute(requireText(text), now);
        record(
                now,
                actor,
                behalf(assignment.getExecutorId(), actor),
                TimelineAction.CONTRIBUTION_SUBMITTED,
                state,
                assignment,
                null,
                null);
    }

    private void requireCurDecision(Actor actor) {
        if (state != PostState.AT_CUR || actor != null && !actor.isOrgStaff()) {
            throw forbidden("ЦУР decision");
        }
    }

    private static String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new ForbiddenTransition("posts.refusal.textRequired");
        }
        String body = text.replace("\r\n", "\n").strip();
        if (body.length() > PostFields.TEXT_MAX) {
            throw new ForbiddenTransition("posts.refusal.textTooLong", PostFields.TEXT_MAX);
        }
        return body;
    }

    private void close(PostState closed, TimelineAction action, String reason, Actor actor, Instant now) {
        requireOrgAuthority(actor);
        if (!mayRoute(actor)) {
            throw forbidden(action.name());
        }
        String why = requireReason(reason);
        PostState from = state;
        state = closed;
        closingReason = why;
        closedAt = now;
        record(now, actor, action, from, null, null, why);
    }

    private PostState stateOfAssignments() {
        if (assignments.stream().anyMatch(a -> a.getState() == AssignmentState.ACCEPTED)) {
            return PostState.IN_WORK;
        }
        if (assignments.stream().anyMatch(a -> a.getState() == AssignmentState.ASSIGNED)) {
            return PostState.ASSIGNED;
        }
        return PostState.RETURNED_BY_EXECUTOR;
    }

    private void record(
            Instant now,
            Actor actor,
            TimelineAction action,
            PostState from,
            Assignment assignment,
            Long previousExecutorId,
            String comment) {
        record(now, actor, null, action, from, assignment, previousExecutorId, comment);
    }

    /** A timeline line of a substitute acting for {@code onBehalfOf} («за Иванова И.И.»), or of the person themselves. */
    private void record(
            Instant now,
            Actor actor,
            Long onBehalfOf,
            TimelineAction action,
            PostState from,
            Assignment assignment,
            Long previousExecutorId,
            String comment) {
        lastActionAt = now;
        timeline.add(new TimelineEntry(
                this, now, actor.id(), onBehalfOf, action, from, state, assignment, previousExecutorId, comment));
    }

    private void recordBy(
            Long actorId,
            Instant now,
            TimelineAction action,
            PostState from,
            Assignment assignment,
            Long previousExecutorId,
            String comment) {
        lastActionAt = now;
        timeline.add(new TimelineEntry(
                this, now, actorId, null, action, from, state, assignment, previousExecutorId, comment));
    }

    /** The person the draft waits for whom the actor acts as: themselves first, else the one they stand in for. */
    private static Long waitingFor(Draft draft, Actor actor) {
        Set<Long> waiting = draft.waitingFor();
        if (waiting.contains(actor.id())) {
            return actor.id();
        }
        return waiting.stream().filter(actor::actsFor).findFirst().orElse(null);
    }

    /** The absent person the actor stands in for when acting on that person's work; {@code null} for their own. */
    private static Long behalf(Long personId, Actor actor) {
        return personId != null && personId != actor.id() && actor.actsFor(personId) ? personId : null;
    }

    /** The absent executor whose accepted assignment the actor drafts for, or {@code null} when it is their own. */
    private Long draftingFor(Actor actor) {
        if (isJoint()
                || assignments.stream()
                        .anyMatch(a -> a.getState() == AssignmentState.ACCEPTED && a.getExecutorId() == actor.id())) {
            return null;
        }
        return assignments.stream()
                .filter(a -> a.getState() == AssignmentState.ACCEPTED)
                .map(Assignment::getExecutorId)
                .filter(executor -> behalf(executor, actor) != null)
                .findFirst()
                .orElse(null);
    }

    private void requireOwn(Assignment assignment) {
        if (!assignments.contains(assignment)) {
            throw new ForbiddenTransition("posts.refusal.otherPost");
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ForbiddenTransition("posts.refusal.reasonRequired");
        }
        return reason.strip();
    }

    /** Org staff the org head has not authorised are refused with a clear reason (Приказ п.2.2). */
    private static void requireOrgAuthority(Actor actor) {
        if (actor.isOrgStaff() && !actor.routesAndPosts()) {
            throw new NotAuthorisedForOrgWork();
        }
    }

    private ForbiddenTransition forbidden(String what) {
        return new ForbiddenTransition(ForbiddenTransition.NOT_NOW, what, state);
    }

    // ---------------------------------------------------------------- reading

    /**
     * A joint answer (п.15): sent to more than one department that has not returned it, counting a returned part
     * that waits for the org specialist; or routed jointly and still with one of its departments after parts were
     * returned and left out.
     */
    public boolean isJoint() {
        long parts = assignments.stream()
                .filter(a -> a.isActive() || a.isAwaitingReroute())
                .count();
        return parts > 1 || jointAnswer && !activeAssignments().isEmpty();
    }

    /** The returned parts of this joint post that wait for the org specialist (п.14, п.15). */
    public List<Assignment> partsAwaitingReroute() {
        return assignments.stream().filter(Assignment::isAwaitingReroute).toList();
    }

    /** The assignments not returned, in the order they were made. */
    public List<Assignment> activeAssignments() {
        return assignments.stream().filter(Assignment::isActive).toList();
    }

    /** The department whose head approves first: the executor's, or the first one chosen for a joint post. */
    public Assignment firstActiveAssignment() {
        return activeAssignments().stream()
                .findFirst()
                .orElseThrow(() -> new ForbiddenTransition("posts.refusal.notRouted"));
    }

    /** The draft being written or approved, not yet posted; {@code null} when there is none. */
    public Draft openDraft() {
        Draft last = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
        return last == null || last.isPosted() ? null : last;
    }

    /** The drafts of this post, oldest first; the posted ones carry the posted answer. */
    public List<Draft> getDrafts() {
        return List.copyOf(drafts);
    }

    /** The last answer posted (intermediate or final), if any. */
    public Draft lastPostedAnswer() {
        return drafts.stream().filter(Draft::isPosted).reduce((a, b) -> b).orElse(null);
    }

    public Assignment assignment(long assignmentId) {
        return assignments.stream()
                .filter(a -> a.getId() != null && a.getId() == assignmentId)
                .findFirst()
                .orElse(null);
    }

    public Long getId() {
        return id;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getRegistrationNumber() {
        return registrationNumber;
    }

    public Source getSource() {
        return source;
    }

    public String getUrl() {
        return url;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getAuthorUrl() {
        return authorUrl;
    }

    public String getText() {
        return text;
    }

    public Instant getDetectedAt() {
        return detectedAt;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Importance getImportance() {
        return importance;
    }

    public String getTopic() {
        return topic;
    }

    public PostState getState() {
        return state;
    }

    public boolean isScreeningFlagged() {
        return screeningFlagged;
    }

    public String getScreeningMatches() {
        return screeningMatches;
    }

    public String getP18Flag() {
        return p18Flag;
    }

    public String getClosingReason() {
        return closingReason;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Instant getLastActionAt() {
        return lastActionAt;
    }

    public Long getRegisteredBy() {
        return registeredBy;
    }

    /** When the post last changed, as the database stamped it; as loaded (not moved by this transaction's changes). */
    public Instant getChangedAt() {
        return changedAt;
    }

    public long getVersion() {
        return version;
    }

    public List<Assignment> getAssignments() {
        return List.copyOf(assignments);
    }

    public Set<Long> getLinkedPostIds() {
        return Set.copyOf(linkedPostIds);
    }

    public List<TimelineEntry> getTimeline() {
        return List.copyOf(timeline);
    }
}
