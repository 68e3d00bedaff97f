package ru.otklik.people;

import java.util.Collection;
import java.util.List;

/**
 * A role of SPEC §1. A person may hold several; the first of {@link #BY_PRIORITY} they hold is their main role.
 */
public enum Role {

    /** Специалист отдела организационной работы и документационного обеспечения. */
    ORG_SPECIALIST,
    /** Руководитель отдела организационной работы. */
    ORG_HEAD,
    /** Исполнитель (специалист структурного подразделения). */
    EXECUTOR,
    /** Руководитель структурного подразделения. */
    DEPT_HEAD,
    /** Заместитель министра. */
    DEPUTY_MINISTER,
    /** Первый заместитель министра. */
    FIRST_DEPUTY_MINISTER,
    /** Министр. */
    MINISTER,
    /** Администратор. */
    ADMIN;

    private static final List<Role> BY_PRIORITY = List.of(ORG_HEAD, ORG_SPECIALIST, DEPUTY_MINISTER,
            FIRST_DEPUTY_MINISTER, MINISTER, DEPT_HEAD, EXECUTOR, ADMIN);

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The main role among the given ones: the one whose start page a person sees first. */
    public static Role main(Collection<Role> roles) {
        return BY_PRIORITY.stream().filter(roles::contains).findFirst().orElse(ADMIN);
    }
}
