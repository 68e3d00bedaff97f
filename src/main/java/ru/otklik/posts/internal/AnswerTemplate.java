package ru.otklik.posts.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A department's answer template (шаблон ответа): its head keeps them, its executors start drafts from them.
 */
@Entity
@Table(name = "answer_template")
public class AnswerTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "department_id")
    private long departmentId;

    private String title;

    private String text;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private Long updatedBy;

    @Version
    private long version;

    protected AnswerTemplate() {}

    public AnswerTemplate(long departmentId, String title, String text, long by, Instant now) {
        this.departmentId = departmentId;
        update(title, text, by, now);
    }

    public void update(String title, String text, long by, Instant now) {
        this.title = title;
        this.text = text;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getDepartmentId() {
        return departmentId;
    }

    public String getTitle() {
        return title;
    }

    public String getText() {
        return text;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
