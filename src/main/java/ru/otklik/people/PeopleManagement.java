package ru.otklik.people;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import ru.otklik.people.internal.Department;
import ru.otklik.people.internal.DepartmentSubject;
import ru.otklik.people.internal.DepartmentSubjects;
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;
import ru.otklik.people.web.DepartmentForm;
import ru.otklik.people.web.UserForm;

/**
 * The operations on people and departments: the admin's, and the department head's and org head's own lists
 * (Приказ п.2.2, п.2.3, п.5). Field problems are reported into {@link Errors} in Russian.
 */
@Service
public class PeopleManagement {

    private final Users users;
    private final Departments departments;
    private final PasswordEncoder encoder;
    private final FindByIndexNameSessionRepository<?> sessions;
    private final PasswordPolicy passwords;
    private final DepartmentSubjects subjects;

    PeopleManagement(
            Users users,
            Departments departments,
            PasswordEncoder encoder,
            FindByIndexNameSessionRepository<?> sessions,
            PasswordPolicy passwords,
            DepartmentSubjects subjects) {
        this.subjects = subjects;
        this.users = users;
        this.departments = departments;
        this.encoder = encoder;
        this.sessions = sessions;
        this.passwords = passwords;
    }

    /**
     * Creates a person; returns empty and fills {@code errors} when the form is not acceptable. The login is taken
     * when any existing login has the same canonical form ({@link Logins}). The password is temporary: the person
     * chooses their own at the first login.
     */
    @Transactional
    public Optional<User> create(UserForm form, Errors errors) {
        Optional<String> login = Logins.canonical(form.login()).filter(form.login()::equals);
        if (login.isEmpty()) {
            if (!errors.hasFieldErrors("login")) {
                errors.rejectValue("login", "people.login.format");
            }
        } else if (users.findByLogin(login.get()).isPresent()) {
            errors.rejectValue("login", "people.login.taken");
        }
        passwords.check(form.password(), form.login(), "password", errors);
        checkCoordinator(form, errors);
        checkDepartment(form, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        User user = new User(
                login.get(),
                form.fullName().strip(),
                blankToNull(form.email()),
                encoder.encode(form.password()),
                form.roleSet());
        user.update(user.getFullName(), user.getEmail(), form.roleSet(), form.isEnabled(), false);
        user.changePassword(user.getPasswordHash(), true);
        users.saveAndFlush(user);
        if (form.isCoordinator()) {
            makeCoordinator(user);
        }
        placeExecutor(user, form.departmentId());
        return Optional.of(user);
    }

    /** The departments, by name, for the choice on the user form. */
    @Transactional(readOnly = true)
    public List<Department> departmentsByName() {
        return departments.findAllByName();
    }

    /** The department the person is an executor of (the first by name), or {@code null}. */
    @Transactional(readOnly = true)
    public Long departmentOf(long userId) {
        return departments.findAllByName().stream()
                .filter(d -> d.hasExecutor(userId))
                .map(Department::getId)
                .findFirst()
                .orElse(null);
    }

    /** Makes the executor a member of the chosen department only; no choice leaves their departments as they are. */
    private void placeExecutor(User user, Long departmentId) {
        if (departmentId == null) {
            return;
        }
        for (Department department : departments.findAllByName()) {
            boolean member = department.hasExecutor(user.getId());
            boolean chosen = department.getId().equals(departmentId);
            if (member != chosen) {
                Set<User> executors = new HashSet<>(department.getExecutors());
                if (chosen) {
                    executors.add(user);
                } else {
                    executors.removeIf(u -> u.getId().equals(user.getId()));
                }
                department.update(department.getName(), department.getHead(), department.getCurator(), executors);
                departments.saveAndFlush(department);
            }
        }
    }

    private void checkDepartment(UserForm form, Errors errors) {
        if (form.departmentId() == null) {
            return;
        }
        if (!form.roleSet().contains(Role.EXECUTOR)) {
            errors.rejectValue("departmentId", "people.department.executorOnly");
        } else if (departments.findById(form.departmentId()).isEmpty()) {
            errors.rejectValue("departmentId", "people.department.unknown");
        }
    }

    /**
     * Edits a person. Disabling them or changing their roles or coordinator duty ends every open session of theirs at
     * once, on every instance: rights held in a session are never older than the last change.
     */
    @Transactional
    public boolean update(long id, UserForm form, Errors errors) {
        User user = users.findById(id).orElseThrow(NotFoundException::new);
        if (user.getVersion() != form.openedVersion()) {
            throw new StaleEditException();
        }
        checkCoordinator(form, errors);
        checkDepartment(form, errors);
        if (errors.hasErrors()) {
            return false;
        }
        boolean disabling = user.isEnabled() && !form.isEnabled();
        Set<Role> rolesBefore = user.getRoles();
        boolean coordinatorBefore = user.isCoordinator();
        user.update(
                form.fullName().strip(),
                blankToNull(form.email()),
                form.roleSet(),
                form.isEnabled(),
                user.isCoordinator() && form.isCoordinator());
        users.saveAndFlush(user);
        if (form.isCoordinator() && !user.isCoordinator()) {
            makeCoordinator(user);
        }
        placeExecutor(user, form.departmentId());
        if (disabling || !rolesBefore.equals(user.getRoles()) || coordinatorBefore != user.isCoordinator()) {
            endSessions(user.getLogin());
        }
        return true;
    }

    /**
     * Sets a new password chosen by the admin: every open session of the person ends, and the password is temporary,
     * to be replaced by the person at the next login.
     */
    @Transactional
    public boolean resetPassword(long id, String password, Errors errors) {
        User user = users.findById(id).orElseThrow(NotFoundException::new);
        passwords.check(password, user.getLogin(), "password", errors);
        if (errors.hasErrors()) {
            return false;
        }
        user.changePassword(encoder.encode(password), true);
        users.saveAndFlush(user);
        endSessions(user.getLogin());
        return true;
    }

    /**
     * A person changes their own password, proving it with the current one. Every other session of theirs ends; the
     * one they are using ({@code keepSessionId}) stays.
     */
    @Transactional
    public boolean changeOwnPassword(
            long id, String currentPassword, String newPassword, String keepSessionId, Errors errors) {
        User user = users.findById(id).orElseThrow(NotFoundException::new);
        if (currentPassword == null || !encoder.matches(currentPassword, user.getPasswordHash())) {
            errors.rejectValue("currentPassword", "account.password.current.wrong");
        }
        passwords.check(newPassword, user.getLogin(), "newPassword", errors);
        if (!errors.hasFieldErrors("newPassword") && newPassword.equals(currentPassword)) {
            errors.rejectValue("newPassword", "account.password.same");
        }
        if (errors.hasErrors()) {
            return false;
        }
        user.changePassword(encoder.encode(newPassword), false);
        users.saveAndFlush(user);
        List.copyOf(sessions.findByPrincipalName(user.getLogin()).keySet()).stream()
                .filter(sessionId -> !sessionId.equals(keepSessionId))
                .forEach(sessions::deleteById);
        return true;
    }

    @Transactional
    public Optional<Department> saveDepartment(Long id, DepartmentForm form, Errors errors) {
        Department existing = id == null ? null : departments.findById(id).orElseThrow(NotFoundException::new);
        if (existing != null && existing.getVersion() != form.openedVersion()) {
            throw new StaleEditException();
        }
        boolean nameTaken = departments.findByNameIgnoreCase(form.name().strip()).stream()
                .anyMatch(d -> existing == null || !d.getId().equals(existing.getId()));
        if (nameTaken) {
            errors.rejectValue("name", "department.name.taken");
        }
        User head = form.headId() == null ? null : withRole(form.headId(), Role.DEPT_HEAD, "headId", errors);
        User curator =
                form.curatorId() == null ? null : withRole(form.curatorId(), Role.DEPUTY_MINISTER, "curatorId", errors);
        Set<User> executors = new HashSet<>();
        for (Long executorId : form.executors()) {
            User executor = withRole(executorId, Role.EXECUTOR, "executorIds", errors);
            if (executor != null) {
                executors.add(executor);
            }
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        Department department = existing;
        if (department == null) {
            department = new Department(form.name().strip(), head, curator, executors);
        } else {
            department.update(form.name().strip(), head, curator, executors);
        }
        return Optional.of(departments.saveAndFlush(department));
    }

    /** The department's version, for the forms that change it. */
    @Transactional(readOnly = true)
    public long departmentVersion(long departmentId) {
        return departments
                .findById(departmentId)
                .orElseThrow(NotFoundException::new)
                .getVersion();
    }

    /**
     * The department head sets the department's responsible executors (Приказ п.2.3, п.5): enabled people with the
     * executor's role. Whoever leaves the department leaves its subjects too.
     *
     * @return the message key of the refusal, or empty when saved
     * @throws StaleEditException when someone changed the department since the page was shown
     */
    @Transactional
    public Optional<String> saveExecutors(long departmentId, long version, Set<Long> executorIds) {
        Department department = departments.findById(departmentId).orElseThrow(NotFoundException::new);
        if (department.getVersion() != version) {
            throw new StaleEditException();
        }
        Set<User> executors = new HashSet<>();
        for (long id : executorIds) {
            Optional<User> executor = users.findById(id).filter(u -> u.isEnabled() && u.hasRole(Role.EXECUTOR));
            if (executor.isEmpty()) {
                return Optional.of("staff.error.executor");
            }
            executors.add(executor.get());
        }
        department.update(department.getName(), department.getHead(), department.getCurator(), executors);
        departments.saveAndFlush(department);
        for (DepartmentSubject subject : subjects.findByDepartment(departmentId)) {
            Set<User> kept = new HashSet<>(subject.getExecutors());
            if (kept.removeIf(u -> !executorIds.contains(u.getId()))) {
                subject.update(subject.getName(), kept);
                subjects.saveAndFlush(subject);
            }
        }
        return Optional.empty();
    }

    /**
     * Adds a subject (направление деятельности) to the department, without executors yet.
     *
     * @return the message key of the refusal, or empty when added
     */
    @Transactional
    public Optional<String> addSubject(long departmentId, String name) {
        departments.findById(departmentId).orElseThrow(NotFoundException::new);
        Optional<String> refusal = checkSubjectName(departmentId, null, name);
        if (refusal.isPresent()) {
            return refusal;
        }
        subjects.saveAndFlush(new DepartmentSubject(departmentId, name.strip()));
        return Optional.empty();
    }

    /**
     * Renames a subject of the department and sets its responsible executors, who must be executors of the
     * department.
     *
     * @return the message key of the refusal, or empty when saved
     * @throws StaleEditException when someone changed the subject since the page was shown
     */
    @Transactional
    public Optional<String> saveSubject(
            long departmentId, long subjectId, long version, String name, Set<Long> executorIds) {
        Department department = departments.findById(departmentId).orElseThrow(NotFoundException::new);
        DepartmentSubject subject = subjects.findById(subjectId)
                .filter(s -> s.getDepartmentId() == departmentId)
                .orElseThrow(NotFoundException::new);
        if (subject.getVersion() != version) {
            throw new StaleEditException();
        }
        Optional<String> refusal = checkSubjectName(departmentId, subjectId, name);
        if (refusal.isPresent()) {
            return refusal;
        }
        Set<User> executors = new HashSet<>();
        for (long id : executorIds) {
            if (!department.hasExecutor(id)) {
                return Optional.of("staff.error.subjectExecutor");
            }
            users.findById(id).ifPresent(executors::add);
        }
        subject.update(name.strip(), executors);
        subjects.saveAndFlush(subject);
        return Optional.empty();
    }

    /**
     * Deletes a subject of the department.
     *
     * @throws StaleEditException when someone changed the subject since the page was shown
     */
    @Transactional
    public String deleteSubject(long departmentId, long subjectId, long version) {
        DepartmentSubject subject = subjects.findById(subjectId)
                .filter(s -> s.getDepartmentId() == departmentId)
                .orElseThrow(NotFoundException::new);
        if (subject.getVersion() != version) {
            throw new StaleEditException();
        }
        subjects.delete(subject);
        subjects.flush();
        return subject.getName();
    }

    /**
     * The org head gives or withdraws an org specialist's authority to route posts and post answers (Приказ п.2.2).
     *
     * @throws StaleEditException when someone changed the person since the page was shown
     */
    @Transactional
    public PersonSummary authoriseOrgWork(long userId, long version, boolean authorised) {
        User user = users.findById(userId)
                .filter(u -> u.hasRole(Role.ORG_SPECIALIST))
                .orElseThrow(NotFoundException::new);
        if (user.getVersion() != version) {
            throw new StaleEditException();
        }
        user.authoriseForOrgWork(authorised);
        return PeopleLookup.summary(users.saveAndFlush(user));
    }

    private Optional<String> checkSubjectName(long departmentId, Long subjectId, String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("staff.error.subjectName");
        }
        if (name.strip().length() > DepartmentSubject.NAME_MAX) {
            return Optional.of("staff.error.subjectNameLength");
        }
        boolean taken = subjects.findByDepartmentAndName(departmentId, name.strip()).stream()
                .anyMatch(s -> !s.getId().equals(subjectId));
        return taken ? Optional.of("staff.error.subjectTaken") : Optional.empty();
    }

    /** Creates an account as given, without the admin form's password rules: for the demo and the first admin. */
    @Transactional
    public PersonSummary createAccount(
            String login, String fullName, String email, String rawPassword, Set<Role> roles) {
        return PeopleLookup.summary(
                users.saveAndFlush(new User(login, fullName, email, encoder.encode(rawPassword), roles)));
    }

    /** Creates a department of the given people as given: for the demo. */
    @Transactional
    public DepartmentSummary createDepartment(String name, long headId, long curatorId, Set<Long> executorIds) {
        User head = users.findById(headId).orElseThrow(NotFoundException::new);
        User curator = users.findById(curatorId).orElseThrow(NotFoundException::new);
        Set<User> executors = new HashSet<>(users.findAllById(executorIds));
        if (executors.size() != executorIds.size()) {
            throw new NotFoundException();
        }
        return PeopleLookup.summary(departments.saveAndFlush(new Department(name, head, curator, executors)));
    }

    /** Names the coordinating deputy minister (п.3); the previous coordinator stops being one. */
    @Transactional
    public void appointCoordinator(long userId) {
        makeCoordinator(users.findById(userId).orElseThrow(NotFoundException::new));
    }

    /** Ends every open session of a person, on every instance (sessions live in PostgreSQL). */
    public void endSessions(String login) {
        List<String> ids = List.copyOf(sessions.findByPrincipalName(login).keySet());
        ids.forEach(sessions::deleteById);
    }

    private User withRole(long userId, Role role, String field, Errors errors) {
        Optional<User> user = users.findById(userId).filter(u -> u.hasRole(role) && u.isEnabled());
        if (user.isEmpty()) {
            errors.rejectValue(field, "department.person.role", new Object[] {role.name()}, null);
            return null;
        }
        return user.get();
    }

    private void makeCoordinator(User user) {
        users.findByCoordinatorTrue()
                .filter(other -> !other.getId().equals(user.getId()))
                .ifPresent(other -> {
                    other.makeCoordinator(false);
                    users.saveAndFlush(other);
                });
        user.makeCoordinator(true);
        users.saveAndFlush(user);
    }

    private static void checkCoordinator(UserForm form, Errors errors) {
        if (form.isCoordinator() && !form.roleSet().contains(Role.DEPUTY_MINISTER)) {
            errors.rejectValue("coordinator", "people.coordinator.deputyOnly");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
