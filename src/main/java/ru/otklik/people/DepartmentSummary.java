package ru.otklik.people;

import java.util.List;

/**
 * A structural department (структурное подразделение) as other modules read it. The entity stays inside the module.
 *
 * @param head the department head, or {@code null} while it has none
 * @param curator the curating deputy minister (курирующий заместитель министра), or {@code null}
 * @param executors every executor of the department, by name, enabled or not
 */
public record DepartmentSummary(
        long id, String name, PersonSummary head, PersonSummary curator, List<PersonSummary> executors) {

    public DepartmentSummary {
        executors = List.copyOf(executors);
    }

    /** The executors work may be sent to: enabled and holding the executor's role, by name. */
    public List<PersonSummary> activeExecutors() {
        return executors.stream()
                .filter(p -> p.enabled() && p.hasRole(Role.EXECUTOR))
                .toList();
    }

    /** Whether work may be sent to this person as one of the department's executors. */
    public boolean hasActiveExecutor(long personId) {
        return activeExecutors().stream().anyMatch(p -> p.id() == personId);
    }
}
