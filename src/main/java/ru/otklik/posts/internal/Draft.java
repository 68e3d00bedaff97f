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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A draft answer (проект ответа), intermediate or final (п.10), with every saved version, its approval route (the
 * department head, then one second-level approver, п.10; for a joint answer the heads of all contributing
 * departments in parallel, п.15) and, once posted, the link and text of the posted answer.
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

    /**
     * 0 while not with the approvers, 1 with the department head (the heads, for a joint answer), 2 with the
     * second-level approver.
     */
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

    /**
     * A joint answer's parts on their way through the heads of the contributing departments (п.15), in parallel;
     * none for a draft of one department, and none once the draft is returned.
     */
    @OneToMany(mappedBy = "draft", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<DraftPartApproval> parts = new ArrayList<>();

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

    /**
     * Sends the draft to the heads: the department head alone, or for a joint answer the head of every contributing
     * department ({@code partHeads}: department → head), each approving their part in parallel; nobody waits for one
     * of them in particular then ({@code currentApproverId} is null) until they all approved.
     */
    void submit(long headApproverId, long secondApproverId, Map<Long, Long> partHeads, Instant now) {
        this.headApproverId = headApproverId;
        this.secondApproverId = secondApproverId;
        this.approvalLevel = 1;
        this.submittedAt = now;
        this.returnedByCur = false;
        parts.removeIf(p -> !partHeads.containsKey(p.getDepartmentId()));
        partHeads.forEach((departmentId, headId) -> parts.stream()
                .filter(p -> p.getDepartmentId() == departmentId)
                .findFirst()
                .ifPresentOrElse(
                        p -> p.reopen(headId), () -> parts.add(new DraftPartApproval(this, departmentId, headId))));
        this.currentApproverId = parts.isEmpty() ? headApproverId : null;
    }

    /** Whether the draft is with the heads of a joint answer's departments, each approving their part (п.15). */
    public boolean withPartHeads() {
        return approvalLevel == 1 && !parts.isEmpty();
    }

    /** The parts still waiting for their head while the draft is with the heads; none otherwise. */
    public List<DraftPartApproval> waitingParts() {
        return withPartHeads() ? parts.stream().filter(p -> !p.isApproved()).toList() : List.of();
    }

    /** The people the draft waits for now: the current approver, or the heads whose parts wait. */
    public Set<Long> waitingFor() {
        Set<Long> waiting = new LinkedHashSet<>();
        if (withPartHeads()) {
            waitingParts().forEach(p -> waiting.add(p.getHeadId()));
        } else if (currentApproverId != null) {
            waiting.add(currentApproverId);
        }
        return waiting;
    }

    /**
     * A head's approval of a part; once every part is approved, the draft goes to the second-level approver.
     *
     * @return whether that was the last part
     */
    boolean approvePart(DraftPartApproval part, long by, Instant now) {
        part.approve(by, now);
        if (parts.stream().allMatch(DraftPartApproval::isApproved)) {
            approvalLevel = 2;
            currentApproverId = secondApproverId;
            return true;
        }
        return false;
    }

    /**
     * Whether an approver may still correct the text: always, but while a joint answer is with the heads (п.15) only
     * until one of them approved their part, since that approval was of this text.
     */
    public boolean mayBeCorrected() {
        return !withPartHeads() || parts.stream().noneMatch(DraftPartApproval::isApproved);
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
        parts.clear();
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

    /** The joint answer's parts with the heads, approved or waiting; none otherwise. */
    public List<DraftPartApproval> getParts() {
        return List.copyOf(parts);
    }

    public List<DraftVersion> getVersions() {
        return List.copyOf(versions);
    }
}
