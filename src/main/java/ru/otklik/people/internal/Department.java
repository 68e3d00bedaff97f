package ru.otklik.people.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A structural department (структурное подразделение) with its head, curating deputy minister and executors.
 */
@Entity
public class Department {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "head_id")
    private User head;

    /** The deputy minister who curates the department (курирующий заместитель министра). */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "curator_id")
    private User curator;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(
            name = "department_executor",
            joinColumns = @JoinColumn(name = "department_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    @OrderBy("fullName")
    private Set<User> executors = new LinkedHashSet<>();

    @Version
    private long version;

    protected Department() {}

    public Department(String name, User head, User curator, Set<User> executors) {
        this.name = name;
        update(name, head, curator, executors);
    }

    public void update(String name, User head, User curator, Set<User> executors) {
        this.name = name;
        this.head = head;
        this.curator = curator;
        this.executors.clear();
        this.executors.addAll(executors);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public User getHead() {
        return head;
    }

    public User getCurator() {
        return curator;
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
