package ru.otklik.posts.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One contributing department's part of a joint draft (п.15) on its way through the heads (п.10): the head of that
 * department approves it, in parallel with the other heads. Changed only through its {@link Draft}.
 */
@Entity
@Table(name = "draft_part_approval")
public class DraftPartApproval {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "draft_id")
    private Draft draft;

    @Column(name = "department_id")
    private long departmentId;

    @Column(name = "head_id")
    private long headId;

    @Column(name = "approved_by")
    private Long approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    /** Two approvals of one part at once: the second fails instead of overwriting the first. */
    @Version
    private long version;

    protected DraftPartApproval() {}

    DraftPartApproval(Draft draft, long departmentId, long headId) {
        this.draft = draft;
        this.departmentId = departmentId;
        this.headId = headId;
    }

    /** Waits again, for this head: a new submission, or the text changed after the approval. */
    void reopen(long headId) {
        this.headId = headId;
        this.approvedBy = null;
        this.approvedAt = null;
    }

    void approve(long by, Instant now) {
        this.approvedBy = by;
        this.approvedAt = now;
    }

    public boolean isApproved() {
        return approvedAt != null;
    }

    public long getDepartmentId() {
        return departmentId;
    }

    public long getHeadId() {
        return headId;
    }

    public Long getApprovedBy() {
        return approvedBy;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }
}
