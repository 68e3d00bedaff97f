package ru.otklik.people.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A subject (направление деятельности) of a department, such as «пособия» or «занятость», with the executors
 * responsible for answering posts on it (Приказ п.2.3, п.5). The department head keeps the list.
 */
@Entity
@Table(name = "department_subject")
public class DepartmentSubject {

    /** The longest name of a subject. */
    public static final int NAME_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "department_id")
    private long departmentId;

    private String name;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(
            name = "department_subject_executor",
            joinColumns = @JoinColumn(name = "subject_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<User> executors = new LinkedHashSet<>();

    @Version
    private long version;

    protected DepartmentSubject() {}

    public DepartmentSubject(long departmentId, String name) {
        this.departmentId = departmentId;
        this.name = name;
    }

    public void update(String name, Set<User> executors) {
        this.name = name;
        this.executors.clear();
        this.executors.addAll(executors);
    }

    public Long getId() {
        return id;
    }

    public long getDepartmentId() {
        return departmentId;
    }

    public String getName() {
        return name;
    }

    public Set<User> getExecutors() {
        return Set.copyOf(executors);
    }

    public boolean hasExecutor(long userId) {
        return executors.stream().anyMatch(u -> u.getId() == userId);
    }

    public long getVersion() {
        return version;
    }
}
