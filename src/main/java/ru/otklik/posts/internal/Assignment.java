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
import java.time.Instant;
import ru.otklik.posts.AssignmentState;
import ru.otklik.posts.PartState;

/**
 * A post sent to one department's executor (поручение). A joint post (п.15) has one per department; a returned
 * one stays as history. Changed only through its {@link Post}.
 */
@Entity
public class Assignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id")
    private Post post;

    @Column(name = "department_id")
    private long departmentId;

    @Column(name = "executor_id")
    private long executorId;

    @Enumerated(EnumType.STRING)
    private AssignmentState state;

    @Column(name = "assigned_at")
    private Instant assignedAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "returned_at")
    private Instant returnedAt;

    @Column(name = "return_reason")
    private String returnReason;

    /** The department's contribution to a joint answer (информация для общего ответа, п.15). */
    private String contribution;

    @Column(name = "contributed_at")
    private Instant contributedAt;

    /** A returned part of a joint post: waiting for the org specialist, sent elsewhere or left out; else null. */
    @Enumerated(EnumType.STRING)
    @Column(name = "part_state")
    private PartState partState;

    protected Assignment() {}

    Assignment(Post post, long departmentId, long executorId, Instant now) {
        this.post = post;
        this.departmentId = departmentId;
        this.executorId = executorId;
        this.state = AssignmentState.ASSIGNED;
        this.assignedAt = now;
    }

    void accept(Instant now) {
        state = AssignmentState.ACCEPTED;
        acceptedAt = now;
    }

    void giveBack(String reason, Instant now) {
        state = AssignmentState.RETURNED;
        returnedAt = now;
        returnReason = reason;
    }

    void settlePart(PartState outcome) {
        partState = outcome;
    }

    void handTo(long executorId, Instant now) {
        this.executorId = executorId;
        this.state = AssignmentState.ASSIGNED;
        this.assignedAt = now;
        this.acceptedAt = null;
    }

    void contribute(String text, Instant now) {
        contribution = text;
        contributedAt = now;
    }

    /** Waiting for its executor or accepted by them: not returned. */
    public boolean isActive() {
        return state != AssignmentState.RETURNED;
    }

    /** A returned part of a joint post that waits for the org specialist to send it elsewhere or leave it out. */
    public boolean isAwaitingReroute() {
        return partState == PartState.AWAITING_REROUTE;
    }

    public PartState getPartState() {
        return partState;
    }

    public Long getId() {
        return id;
    }

    Post getPost() {
        return post;
    }

    public long getDepartmentId() {
        return departmentId;
    }

    public long getExecutorId() {
        return executorId;
    }

    public AssignmentState getState() {
        return state;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public Instant getReturnedAt() {
        return returnedAt;
    }

    public String getReturnReason() {
        return returnReason;
    }

    public String getContribution() {
        return contribution;
    }

    public Instant getContributedAt() {
        return contributedAt;
    }
}
