package ru.otklik.posts.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import ru.otklik.posts.PostState;

/**
 * One line of a post's timeline (п.19): who did what and when, from which state to which. Never changed or deleted.
 */
@Entity
@Table(name = "post_event")
public class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id")
    private Post post;

    private Instant at;

    /** {@code null} when ЦУР itself acted (the intake API). */
    @Column(name = "actor_id")
    private Long actorId;

    /** The absent person the actor stood in for (п.3, Приказ п.5), or {@code null} when they acted for themselves. */
    @Column(name = "on_behalf_of")
    private Long onBehalfOf;

    @Enumerated(EnumType.STRING)
    private TimelineAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    private PostState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    private PostState toState;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignment_id")
    private Assignment assignment;

    @Column(name = "executor_id")
    private Long executorId;

    @Column(name = "previous_executor_id")
    private Long previousExecutorId;

    private String comment;

    protected TimelineEntry() {}

    TimelineEntry(
            Post post,
            Instant at,
            Long actorId,
            Long onBehalfOf,
            TimelineAction action,
            PostState fromState,
            PostState toState,
            Assignment assignment,
            Long previousExecutorId,
            String comment) {
        this.post = post;
        this.at = at;
        this.actorId = actorId;
        this.onBehalfOf = onBehalfOf;
        this.action = action;
        this.fromState = fromState;
        this.toState = toState;
        this.assignment = assignment;
        this.executorId = assignment == null ? null : assignment.getExecutorId();
        this.previousExecutorId = previousExecutorId;
        this.comment = comment;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public Long getActorId() {
        return actorId;
    }

    public Long getOnBehalfOf() {
        return onBehalfOf;
    }

    public TimelineAction getAction() {
        return action;
    }

    public PostState getFromState() {
        return fromState;
    }

    public PostState getToState() {
        return toState;
    }

    public Long getDepartmentId() {
        return assignment == null ? null : assignment.getDepartmentId();
    }

    public Long getExecutorId() {
        return executorId;
    }

    public Long getPreviousExecutorId() {
        return previousExecutorId;
    }

    public String getComment() {
        return comment;
    }
}
