package ru.otklik.posts.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A draft answer (проект ответа), intermediate or final (п.10), with every saved version, its approval route (the
 * department head, then one second-level approver, п.10) and, once posted, the link and text of the posted answer.
 * Changed only through its {@link Post}.
 */
@Entity
public class Draft {

    /** The most characters an answer may have. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id")
    private Post post;

    private boolean intermediate;

    private boolean joint;

    @Column(name = "department_id")
    private long departmentId;

    @Column(name = "head_approver_id")
    private Long headApproverId;

    @Column(name = "second_approver_id")
    private Long secondApproverId;

    @Column(name = "current_approver_id")
    private Long currentApproverId;

    /** 0 while not with the approvers, 1 with the department head, 2 with the second-level approver. */
    @Column(name = "approval_level")
    private int approvalLevel;

    @Column(name = "returned_since_version")
    private boolean returnedSinceVersion;

    /** ЦУР returned the last version: the next submission is a rework after ЦУР (п.11, п.12). */
    @Column(name = "returned_by_cur")
    private boolean returnedByCur;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "sent_to_cur_at")
    private Instant sentToCurAt;

    @Column(name = "cur_decided_at")
    private Instant curDecidedAt;

    @Column(name = "posted_url")
    private String postedUrl;

    @Column(name = "posted_text")
    private String postedText;

    @Column(name = "posted_at")
    private Instant postedAt;

    @Column(name = "posted_by")
    private Long postedBy;

    @OneToMany(mappedBy = "draft", cascade = CascadeType.ALL)
    @OrderBy("number")
    private List<DraftVersion> versions = new ArrayList<>();

    protected Draft() {}

    Draft(Post post, boolean intermediate, boolean joint, long departmentId, Instant now) {
        this.post = post;
        this.intermediate = intermediate;
        this.joint = joint;
        this.departmentId = departmentId;
        this.createdAt = now;
    }

    /** Adds a version when the text changed; returns whether it did. */
    boolean write(String text, long authorId, Instant now) {
        DraftVersion last = latest();
        if (last != null && last.getText().equals(text)) {
            return false;
        }
        versions.add(new DraftVersion(this, versions.size() + 1, text, authorId, now, returnedSinceVersion));
        returnedSinceVersion = false;
        return true;
    }

    void kind(boolean intermediate) {
        this.intermediate = intermediate;
    }

    void submit(long headApproverId, long secondApproverId, Instant now) {
        this.headApproverId = headApproverId;
        this.secondApproverId = secondApproverId;
        this.currentApproverId = headApproverId;
        this.approvalLevel = 1;
        this.submittedAt = now;
        this.returnedByCur = false;
    }

    /** Passes the draft to the next level; returns whether that was the last one. */
    boolean approve() {
        if (approvalLevel == 1) {
            approvalLevel = 2;
            currentApproverId = secondApproverId;
            return false;
        }
        approvalLevel = 0;
        currentApproverId = null;
        return true;
    }

    void giveBack(boolean byCur, Instant now) {
        approvalLevel = 0;
        currentApproverId = null;
        returnedSinceVersion = true;
        returnedByCur = byCur;
        if (byCur) {
            curDecidedAt = now;
        }
    }

    void sentToCur(Instant now) {
        sentToCurAt = now;
        curDecidedAt = null;
    }

    void curApproved(Instant now) {
        curDecidedAt = now;
    }

    void posted(String url, String text, long by, Instant now) {
        postedUrl = url;
        postedText = text;
        postedBy = by;
        postedAt = now;
    }

    /** The last saved version, or {@code null} before the first save. */
    public DraftVersion latest() {
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }

    /** The text as it stands, or {@code null} before the first save. */
    public String text() {
        DraftVersion last = latest();
        return last == null ? null : last.getText();
    }

    public boolean isPosted() {
        return postedAt != null;
    }

    public Long getId() {
        return id;
    }

    Post getPost() {
        return post;
    }

    public boolean isIntermediate() {
        return intermediate;
    }

    public boolean isJoint() {
        return joint;
    }

    public long getDepartmentId() {
        return departmentId;
    }

    public Long getHeadApproverId() {
        return headApproverId;
    }

    public Long getSecondApproverId() {
        return secondApproverId;
    }

    public Long getCurrentApproverId() {
        return currentApproverId;
    }

    public int getApprovalLevel() {
        return approvalLevel;
    }

    public boolean isReturnedByCur() {
        return returnedByCur;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getSentToCurAt() {
        return sentToCurAt;
    }

    public Instant getCurDecidedAt() {
        return curDecidedAt;
    }

    public String getPostedUrl() {
        return postedUrl;
    }

    public String getPostedText() {
        return postedText;
    }

    public Instant getPostedAt() {
        return postedAt;
    }

    public Long getPostedBy() {
        return postedBy;
    }

    /** Whether this person wrote any version of the draft: then they may not approve it (SPEC §1). */
    public boolean writtenBy(long personId) {
        return versions.stream().anyMatch(v -> v.getAuthorId() == personId);
    }

    public List<DraftVersion> getVersions() {
        return List.copyOf(versions);
    }
}
