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
import java.time.Instant;

/**
 * One saved version of a draft answer. Never changed: every edit adds a version (п.19).
 */
@Entity
@Table(name = "draft_version")
public class DraftVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "draft_id")
    private Draft draft;

    private int number;

    private String text;

    @Column(name = "author_id")
    private long authorId;

    @Column(name = "created_at")
    private Instant createdAt;

    /** Written after an approver or ЦУР returned the draft: shown with its difference from the version before. */
    @Column(name = "after_return")
    private boolean afterReturn;

    protected DraftVersion() {}

    DraftVersion(Draft draft, int number, String text, long authorId, Instant createdAt, boolean afterReturn) {
        this.draft = draft;
        this.number = number;
        this.text = text;
        this.authorId = authorId;
        this.createdAt = createdAt;
        this.afterReturn = afterReturn;
    }

    public Long getId() {
        return id;
    }

    public int getNumber() {
        return number;
    }

    public String getText() {
        return text;
    }

    public long getAuthorId() {
        return authorId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isAfterReturn() {
        return afterReturn;
    }
}
