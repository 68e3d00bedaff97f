package ru.otklik.people.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDate;
import ru.otklik.people.AbsenceKind;

/**
 * An absence (отсутствие): from one date to another, both included, in the Ministry's time zone; meanwhile the
 * person's work, approvals, escalations and notifications go to the substitute (замещающий).
 */
@Entity
public class Absence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id")
    private long userId;

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    private AbsenceKind kind;

    @Column(name = "substitute_id")
    private long substituteId;

    @Column(name = "created_by")
    private Long createdBy;

    @Version
    private long version;

    protected Absence() {}

    public Absence(
            long userId, LocalDate startsOn, LocalDate endsOn, AbsenceKind kind, long substituteId, Long createdBy) {
        this.userId = userId;
        this.createdBy = createdBy;
        update(startsOn, endsOn, kind, substituteId);
    }

    void update(LocalDate startsOn, LocalDate endsOn, AbsenceKind kind, long substituteId) {
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.kind = kind;
        this.substituteId = substituteId;
    }

    public Long getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public AbsenceKind getKind() {
        return kind;
    }

    public long getSubstituteId() {
        return substituteId;
    }

    public long getVersion() {
        return version;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }
}
