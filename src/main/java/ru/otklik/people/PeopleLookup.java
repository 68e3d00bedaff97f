package ru.otklik.people;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.people.internal.Department;
import ru.otklik.people.internal.DepartmentSubject;
import ru.otklik.people.internal.DepartmentSubjects;
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;

/**
 * The small read API of the people module for other modules: people, departments and who leads which department.
 * Other modules never touch the entities or their repositories; {@link PeopleManagement} makes every change.
 */
@Service
@Transactional(readOnly = true)
public class PeopleLookup {

    /**
     * The departments a person leads.
     *
     * @param curated the ids of the departments they curate as deputy minister
     * @param headed the ids of the departments they head
     */
    public record LedDepartments(Set<Long> curated, Set<Long> headed) {

        public LedDepartments {
            curated = Set.copyOf(curated);
            headed = Set.copyOf(headed);
        }
    }

    /** What is kept in {@link PeopleCache}, each under its own key. */
    private enum Kept {
        DEPARTMENTS,
        COORDINATOR,
        FULL_NAMES
    }

    private record KeptFor(String what, Object of) {}

    private final Users users;
    private final Departments departments;
    private final DepartmentSubjects subjects;
    private final PeopleCache cache;

    PeopleLookup(Users users, Departments departments, DepartmentSubjects subjects, PeopleCache cache) {
        this.users = users;
        this.departments = departments;
        this.subjects = subjects;
        this.cache = cache;
    }

    /** A department's subjects (направления деятельности) with their responsible executors, by name. */
    public List<SubjectSummary> subjects(long departmentId) {
        return cache.get(
                new KeptFor("subjects", departmentId),
                () -> subjects.findByDepartment(departmentId).stream()
                        .map(PeopleLookup::summary)
                        .toList());
    }

    /**
     * Whether the person may route posts and post answers as org staff (Приказ п.2.2): the org head always; an org
     * specialist while the org head authorises them.
     */
    public boolean orgAuthorised(long userId) {
        return cache.get(
                new KeptFor("orgAuthorised", userId),
                () -> users.findById(userId)
                        .map(u -> u.hasRole(Role.ORG_HEAD) || u.isOrgAuthorised())
                        .orElse(false));
    }

    public Optional<PersonSummary> person(long id) {
        return cache.get(new KeptFor("person", id), () -> users.findById(id).map(PeopleLookup::summary));
    }

    /** The full names of the given people that exist, by id. */
    public Map<Long, String> fullNames(Collection<Long> ids) {
        Map<Long, String> everybody = cache.get(Kept.FULL_NAMES, () -> {
            Map<Long, String> all = new HashMap<>();
            users.findAllFullNames().forEach(row -> all.put((Long) row[0], (String) row[1]));
            return Map.copyOf(all);
        });
        Map<Long, String> names = new HashMap<>();
        for (Long id : ids) {
            String name = id == null ? null : everybody.get(id);
            if (name != null) {
                names.put(id, name);
            }
        }
        return names;
    }

    /** The enabled people who hold the role, by name. */
    public List<PersonSummary> enabledWithRole(Role role) {
        return cache.get(
                new KeptFor("enabledWithRole", role),
                () -> users.findEnabledWithRole(role).stream()
                        .map(PeopleLookup::summary)
                        .toList());
    }

    /** The coordinating deputy minister (п.3), if one is named. */
    public Optional<PersonSummary> coordinator() {
        return cache.get(Kept.COORDINATOR, () -> users.findByCoordinatorTrue().map(PeopleLookup::summary));
    }

    /** Whether anybody at all is recorded. */
    public boolean anyPerson() {
        return users.count() > 0;
    }

    /** Every department, by name. */
    public List<DepartmentSummary> departments() {
        return cache.get(
                Kept.DEPARTMENTS,
                () -> departments.findAllByName().stream()
                        .map(PeopleLookup::summary)
                        .toList());
    }

    public Optional<DepartmentSummary> department(long id) {
        return departments().stream().filter(d -> d.id() == id).findFirst();
    }

    /** The departments the person curates or heads, read without loading the departments. */
    public LedDepartments ledBy(long userId) {
        return cache.get(new KeptFor("ledBy", userId), () -> readLedBy(userId));
    }

    private LedDepartments readLedBy(long userId) {
        Set<Long> curated = new HashSet<>();
        Set<Long> headed = new HashSet<>();
        for (Object[] row : departments.findRolesOf(userId)) {
            if (Boolean.TRUE.equals(row[1])) {
                curated.add((Long) row[0]);
            }
            if (Boolean.TRUE.equals(row[2])) {
                headed.add((Long) row[0]);
            }
        }
        return new LedDepartments(curated, headed);
    }

    static PersonSummary summary(User user) {
        return new PersonSummary(
                user.getId(),
                user.getLogin(),
                user.getFullName(),
                user.getEmail(),
                user.getRoles(),
                user.isEnabled(),
                user.isCoordinator());
    }

    static DepartmentSummary summary(Department department) {
        return new DepartmentSummary(
                department.getId(),
                department.getName(),
                summaryOrNull(department.getHead()),
                summaryOrNull(department.getCurator()),
                department.getExecutors().stream()
                        .sorted(Comparator.comparing(User::getFullName))
                        .map(PeopleLookup::summary)
                        .toList());
    }

    static SubjectSummary summary(DepartmentSubject subject) {
        return new SubjectSummary(
                subject.getId(),
                subject.getDepartmentId(),
                subject.getName(),
                subject.getVersion(),
                subject.getExecutors().stream()
                        .sorted(Comparator.comparing(User::getFullName))
                        .map(PeopleLookup::summary)
                        .toList());
    }

    private static PersonSummary summaryOrNull(User user) {
        return user == null ? null : summary(user);
    }
}
