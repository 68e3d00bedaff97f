package ru.otklik.people.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import ru.otklik.people.internal.Department;
import ru.otklik.people.internal.User;

/**
 * The admin's form for a structural department.
 */
public record DepartmentForm(
        @NotBlank(message = "{department.name.required}") @Size(max = 300, message = "{department.name.size}")
        String name,

        @NotNull(message = "{department.head.required}") Long headId,
        @NotNull(message = "{department.curator.required}") Long curatorId,
        List<Long> executorIds,
        Long version) {

    /** A blank choice binds as null: it is no one. */
    public DepartmentForm {
        executorIds = executorIds == null
                ? null
                : executorIds.stream().filter(Objects::nonNull).toList();
    }

    public static DepartmentForm empty() {
        return new DepartmentForm("", null, null, List.of(), 0L);
    }

    static DepartmentForm of(Department department) {
        return new DepartmentForm(
                department.getName(),
                department.getHead() == null ? null : department.getHead().getId(),
                department.getCurator() == null ? null : department.getCurator().getId(),
                department.getExecutors().stream().map(User::getId).toList(),
                department.getVersion());
    }

    /** The version the form was opened on; a form without one can only be stale. */
    public long openedVersion() {
        return version == null ? -1 : version;
    }

    public List<Long> executors() {
        return executorIds == null ? List.of() : executorIds;
    }
}
