package ru.otklik.posts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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

import ru.otklik.people.Role;

/**
 * A post (сообщение из открытых источников) and its life (SPEC §2). The post guards its own transitions: each
 * takes the actor and the instant, and one the state or the actor's role does not allow throws
 * {@link ForbiddenTransition} and changes nothing. Every transition adds a line to the timeline (п.19).
 */
@Entity
public class Post {

    private static final Set<PostState> ROUTABLE = EnumSet.of(PostState.NEW, PostState.RETURNED_BY_EXECUTOR);
    private static final Set<PostState> WITH_EXECUTORS = EnumSet.of(PostState.ASSIGNED, PostState.IN_WORK);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "external_id")
    private String externalId;

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

    @Column(name = "closing_reason")
    private String closingReason;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "last_action_at")
    private Instant lastActionAt;

    @Column(name = "registered_by")
    private Long registeredBy;

    @Version
    private long version;

    @OneToMany(mappedBy = "post", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<Assignment> assignments = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "post_link", joinColumns = @JoinColumn(name = "post_id"))
    @Column(name = "linked_post_id")
    private Set<Long> linkedPostIds = new HashSet<>();

    @OneToMany(mappedBy = "post", cascade = CascadeType.ALL)
    @OrderBy("at, id")
    private List<TimelineEntry> timeline = new ArrayList<>();

    protected Post() {
    }

    private Post(NewPost details, boolean screeningFlagged, String screeningMatches, Set<Long> linkedPostIds,
            Long registeredBy, Instant now) {
        this.externalId = details.externalId();
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
        this.timeline.add(new TimelineEntry(this, now, registeredBy, TimelineAction.REGISTERED, null, PostState.NEW,
                null, null, null));
    }

    /**
     * A post the Ministry has just received, in state NEW.
     *
     * @param registeredBy the person who typed it, or {@code null} when ЦУР sent it
     */
    public static Post register(NewPost details, boolean screeningFlagged, String screeningMatches,
            Set<Long> linkedPostIds, Long registeredBy, Instant now) {
        return new Post(details, screeningFlagged, screeningMatches, linkedPostIds, registeredBy, now);
    }

    // ---------------------------------------------------------------- what the actor may see and do now

    /**
     * Org staff, deputies and the minister see every post; a department head the posts sent to their department;
     * an executor the posts assigned to them. Anyone else (an admin, say) sees none.
     */
    public boolean maySee(Actor actor) {
        return actor.seesAllPosts()
                || assignments.stream().anyMatch(a -> actor.heads(a.getDepartmentId())
                        || actor.has(Role.EXECUTOR) && a.getExecutorId() == actor.id());
    }

    /** Route to executors, return to ЦУР or refuse under п.18: org staff, while the post is new or returned. */
    public boolean mayRoute(Actor actor) {
        return actor.isOrgStaff() && ROUTABLE.contains(state);
    }

    public boolean mayAccept(Assignment assignment, Actor actor) {
        return WITH_EXECUTORS.contains(state) && assignment.getState() == AssignmentState.ASSIGNED
                && assignment.getExecutorId() == actor.id() && actor.has(Role.EXECUTOR);
    }

    public boolean mayReturn(Assignment assignment, Actor actor) {
        return mayAccept(assignment, actor);
    }

    /** Reassign to another executor: the org head, or the deputy minister curating that department. */
    public boolean mayReassign(Assignment assignment, Actor actor) {
        return WITH_EXECUTORS.contains(state) && assignment.isActive()
                && (actor.has(Role.ORG_HEAD) || actor.curates(assignment.getDepartmentId()));
    }

    // ---------------------------------------------------------------- transitions

    /**
     * Sends the post to one executor in each chosen department (п.9, п.15) and sets or clears HIGH.
     *
     * @return the new assignments, in the order given
     */
    public List<Assignment> route(List<Routing> routings, Importance newImportance, Actor actor, Instant now) {
        if (!mayRoute(actor)) {
            throw forbidden("route");
        }
        if (routings.isEmpty()) {
            throw new ForbiddenTransition("Выберите хотя бы одно подразделение и исполнителя.");
        }
        if (routings.stream().map(Routing::departmentId).distinct().count() != routings.size()) {
            throw new ForbiddenTransition("В каждом подразделении выберите одного исполнителя.");
        }
        PostState from = state;
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

    /** Returns the post to ЦУР as outside the Ministry's competence (п.9, п.14); closes it. */
    public void returnToCur(String reason, Actor actor, Instant now) {
        close(PostState.RETURNED_TO_CUR, TimelineAction.RETURNED_TO_CUR, reason, actor, now);
    }

    /** Refuses the post under п.18 (threats, obscenity, insults); closes it. */
    public void refuse(String reason, Actor actor, Instant now) {
        close(PostState.NOT_PROCESSED, TimelineAction.REFUSED, reason, actor, now);
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
        record(now, actor, TimelineAction.ACCEPTED, from, assignment, null, null);
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
        String why = requireReason(reason);
        PostState from = state;
        assignment.giveBack(why, now);
        state = stateOfAssignments();
        record(now, actor, TimelineAction.RETURNED_BY_EXECUTOR, from, assignment, null, why);
    }

    /** Hands an assignment to another executor of the same department, who must accept it anew. */
    public void reassign(Assignment assignment, long executorId, String comment, Actor actor, Instant now) {
        requireOwn(assignment);
        if (!mayReassign(assignment, actor)) {
            throw forbidden("reassign");
        }
        if (assignment.getExecutorId() == executorId) {
            throw new ForbiddenTransition("Выберите другого исполнителя.");
        }
        String why = requireReason(comment);
        PostState from = state;
        long previous = assignment.getExecutorId();
        assignment.handTo(executorId, now);
        state = stateOfAssignments();
        record(now, actor, TimelineAction.REASSIGNED, from, assignment, previous, why);
    }

    /** Links earlier posts on the same question (п.16). */
    public void link(Set<Long> postIds) {
        postIds.stream().filter(linked -> !linked.equals(id)).forEach(linkedPostIds::add);
    }

    /** Gives a post typed without ЦУР's id its generated one, once its own id is known. */
    void rename(String generated) {
        externalId = generated;
    }

    private void close(PostState closed, TimelineAction action, String reason, Actor actor, Instant now) {
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

    private void record(Instant now, Actor actor, TimelineAction action, PostState from, Assignment assignment,
            Long previousExecutorId, String comment) {
        lastActionAt = now;
        timeline.add(new TimelineEntry(this, now, actor.id(), action, from, state, assignment, previousExecutorId,
                comment));
    }

    private void requireOwn(Assignment assignment) {
        if (!assignments.contains(assignment)) {
            throw new ForbiddenTransition("Поручение относится к другому сообщению.");
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ForbiddenTransition("Укажите причину.");
        }
        return reason.strip();
    }

    private ForbiddenTransition forbidden(String what) {
        return new ForbiddenTransition("Действие «" + what + "» недоступно в состоянии " + state + ".");
    }

    // ---------------------------------------------------------------- reading

    public Assignment assignment(long assignmentId) {
        return assignments.stream().filter(a -> a.getId() != null && a.getId() == assignmentId).findFirst()
                .orElse(null);
    }

    public Long getId() {
        return id;
    }

    public String getExternalId() {
        return externalId;
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
