package ru.otklik.posts;

import java.util.EnumSet;
import java.util.Set;
import ru.otklik.people.Role;

/**
 * The person acting on a post: their id, roles, the departments they curate as a deputy minister, the departments
 * they head, and the people they stand in for today (замещение, п.3, Приказ п.5): an absent approver's drafts go to
 * their substitute — and whether the org head authorised them to route posts and post answers (Приказ п.2.2).
 */
public record Actor(
        long id,
        Set<Role> roles,
        Set<Long> curatedDepartmentIds,
        Set<Long> headedDepartmentIds,
        Set<Long> substitutedIds,
        boolean orgAuthorised) {

    public Actor {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        curatedDepartmentIds = Set.copyOf(curatedDepartmentIds);
        headedDepartmentIds = Set.copyOf(headedDepartmentIds);
        substitutedIds = Set.copyOf(substitutedIds);
    }

    /** Authorised by the org head to route and post answers, if they are org staff (Приказ п.2.2). */
    public Actor(
            long id,
            Set<Role> roles,
            Set<Long> curatedDepartmentIds,
            Set<Long> headedDepartmentIds,
            Set<Long> substitutedIds) {
        this(id, roles, curatedDepartmentIds, headedDepartmentIds, substitutedIds, true);
    }

    /** Someone who stands in for nobody. */
    public Actor(long id, Set<Role> roles, Set<Long> curatedDepartmentIds, Set<Long> headedDepartmentIds) {
        this(id, roles, curatedDepartmentIds, headedDepartmentIds, Set.of());
    }

    /** Someone who neither curates nor heads a department. */
    public Actor(long id, Set<Role> roles) {
        this(id, roles, Set.of(), Set.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether this person holds a role of the group ({@link Role#ORG_STAFF} and friends). */
    public boolean hasAny(Set<Role> group) {
        return group.stream().anyMatch(roles::contains);
    }

    /** Org specialist or org head: the people who route posts (п.9). */
    public boolean isOrgStaff() {
        return hasAny(Role.ORG_STAFF);
    }

    /**
     * Org staff whom the org head authorised to route posts and post answers (Приказ п.2.2); the org head always is.
     */
    public boolean routesAndPosts() {
        return isOrgStaff() && (orgAuthorised || has(Role.ORG_HEAD));
    }

    /** Org staff, deputy ministers, the first deputy and the minister see every post. */
    public boolean seesAllPosts() {
        return hasAny(Role.MINISTRY_WIDE);
    }

    public boolean curates(long departmentId) {
        return has(Role.DEPUTY_MINISTER) && curatedDepartmentIds.contains(departmentId);
    }

    public boolean heads(long departmentId) {
        return has(Role.DEPT_HEAD) && headedDepartmentIds.contains(departmentId);
    }

    /** Whether this person may act for the given one: it is them, or they stand in for them today. */
    public boolean actsFor(Long userId) {
        return userId != null && (userId == id || substitutedIds.contains(userId));
    }

    /** This person and everyone they stand in for today: whose waiting work is theirs to act on (п.3, Приказ п.5). */
    public Set<Long> actingIds() {
        Set<Long> ids = new java.util.HashSet<>(substitutedIds);
        ids.add(id);
        return Set.copyOf(ids);
    }
}
