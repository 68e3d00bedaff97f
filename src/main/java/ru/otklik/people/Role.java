package ru.otklik.people;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

    /** Org staff (орготдел): the inbox, posts typed by hand, the import, routing (п.9), changes in legislation registered. */
    public static final Set<Role> ORG_STAFF = group(EnumSet.of(ORG_SPECIALIST, ORG_HEAD));
    /** The deputy ministers, the first deputy and the minister: escalations (эскалации) come to them. */
    public static final Set<Role> LEADERS = group(EnumSet.of(DEPUTY_MINISTER, FIRST_DEPUTY_MINISTER, MINISTER));
    /** The first deputy and the minister: second approvers for any department, readers of every draft. */
    public static final Set<Role> TOP_LEADERS = group(EnumSet.of(FIRST_DEPUTY_MINISTER, MINISTER));
    /** Who approves drafts (согласование): department heads and the leaders. */
    public static final Set<Role> APPROVERS = group(union(EnumSet.of(DEPT_HEAD), LEADERS));
    /**
     * Who leads departments — a department head his own, a deputy minister those he curates, the coordinator, the first
     * deputy and the minister all: the read-only list of their departments' posts («Сообщения подразделения»).
     */
    public static final Set<Role> DEPARTMENT_LEADS = group(union(EnumSet.of(DEPT_HEAD), LEADERS));
    /** Who sees the whole Ministry: every post and the report over every department. */
    public static final Set<Role> MINISTRY_WIDE = group(union(ORG_STAFF, LEADERS));
    /** Who reads the monthly report (a department head: their departments only). */
    public static final Set<Role> REPORT_READERS = group(union(ORG_STAFF, APPROVERS));
    /** Who reads changes in legislation (п.20): the report's readers and the executors (their departments' ones). */
    public static final Set<Role> LEGISLATION_READERS = group(union(REPORT_READERS, EnumSet.of(EXECUTOR)));
    /**
     * Who reads the library of posted answers (п.16, п.17): everyone who works on posts — the org staff, the
     * executors, the heads and the leaders.
     */
    public static final Set<Role> ANSWER_READERS = group(union(REPORT_READERS, EnumSet.of(EXECUTOR)));
    /** Who records absences and substitutes: the admin for anyone, a department head for their people. */
    public static final Set<Role> ABSENCE_KEEPERS = group(EnumSet.of(ADMIN, DEPT_HEAD));

    private static final List<Role> BY_PRIORITY = List.of(
            ORG_HEAD, ORG_SPECIALIST, DEPUTY_MINISTER, FIRST_DEPUTY_MINISTER, MINISTER, DEPT_HEAD, EXECUTOR, ADMIN);

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The names of a group's roles, for Spring Security's {@code hasAnyRole(...)}. */
    public static String[] names(Set<Role> group) {
        return group.stream().sorted().map(Role::name).toArray(String[]::new);
    }

    private static Set<Role> group(EnumSet<Role> roles) {
        return Collections.unmodifiableSet(roles);
    }

    private static EnumSet<Role> union(Set<Role> some, Set<Role> others) {
        EnumSet<Role> all = EnumSet.copyOf(some);
        all.addAll(others);
        return all;
    }

    /** The main role among the given ones: the one whose start page a person sees first. */
    public static Role main(Collection<Role> roles) {
        return BY_PRIORITY.stream().filter(roles::contains).findFirst().orElse(ADMIN);
    }
}
