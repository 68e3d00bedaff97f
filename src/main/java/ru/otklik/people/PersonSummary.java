package ru.otklik.people;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A person (сотрудник) as other modules read them. The entity stays inside the module.
 *
 * @param email the e-mail, or {@code null}
 * @param enabled whether they may log in and be given work
 * @param coordinator whether they are the deputy minister who curates the organisational department (п.3)
 */
public record PersonSummary(
        long id, String login, String fullName, String email, Set<Role> roles, boolean enabled, boolean coordinator) {

    public PersonSummary {
        roles = Collections.unmodifiableSet(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
