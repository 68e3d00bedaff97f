package ru.otklik.people.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.people.CurrentUser;
import ru.otklik.people.Role;

/**
 * Keeps the people who log in through the directory in step with it: created at their first login, and at every
 * login their name, e-mail, roles and department memberships follow their directory groups.
 */
@Service
public class DirectoryAccounts {

    private static final Logger log = LoggerFactory.getLogger(DirectoryAccounts.class);

    private final Users users;
    private final Departments departments;

    DirectoryAccounts(Users users, Departments departments) {
        this.users = users;
        this.departments = departments;
    }

    /**
     * Creates or updates the person and returns them as logged in.
     *
     * @param account what the directory says about the person now
     * @param mappedDepartments every department name that some directory group maps to: membership in these follows
     *        the groups, membership in any other department is the admin's and is left alone
     * @throws DisabledException when the admin has disabled the person in Otklik
     * @throws BadCredentialsException when the login is a local account's
     */
    @Transactional
    public CurrentUser enrol(DirectoryAccount account, Set<String> mappedDepartments) {
        String login = account.login().toLowerCase(Locale.ROOT);
        User user = users.findByLogin(login).orElse(null);
        if (user == null) {
            user = User.fromDirectory(login, account.fullName(), account.email(), account.roles());
            log.info("Из каталога создан пользователь '{}' с ролями {}", login, account.roles());
        } else if (!user.isFromDirectory()) {
            // A directory entry never takes over a local account (the admin, a fallback account) of the same login
            log.warn("Вход из каталога под логином '{}' отклонён: это локальная учётная запись Отклика", login);
            throw new BadCredentialsException("Неверный логин или пароль");
        } else {
            user.updateFromDirectory(account.fullName(), account.email(), account.roles());
        }
        if (!user.isEnabled()) {
            throw new DisabledException("Учётная запись отключена");
        }
        users.saveAndFlush(user);
        followDepartments(user, account.departments(), mappedDepartments);
        return UserAccounts.loggedIn(user);
    }

    /**
     * An executor belongs to the executors of their groups' departments and leaves the mapped ones whose group they
     * left; a department head heads their group's department if it has no head yet. Curators are the admin's.
     */
    private void followDepartments(User user, Set<String> ofGroups, Set<String> mapped) {
        Set<String> wanted = lowerCase(ofGroups);
        for (String name : mapped) {
            for (Department department : departments.findByNameIgnoreCase(name.strip())) {
                boolean member = wanted.contains(department.getName().toLowerCase(Locale.ROOT));
                boolean executor = member && user.hasRole(Role.EXECUTOR);
                Set<User> executors = new HashSet<>(department.getExecutors());
                boolean changed = executor
                        ? executors.add(user)
                        : executors.removeIf(u -> u.getId().equals(user.getId()));
                User head = department.getHead();
                if (member && user.hasRole(Role.DEPT_HEAD) && head == null) {
                    head = user;
                    changed = true;
                }
                if (changed) {
                    department.update(department.getName(), head, department.getCurator(), executors);
                    departments.saveAndFlush(department);
                }
            }
        }
        for (String name : ofGroups) {
            if (departments.findByNameIgnoreCase(name.strip()).isEmpty()) {
                log.warn("Отдел '{}' из настроек каталога (otklik.ldap.group-departments) не найден в Отклике", name);
            }
        }
    }

    private static Set<String> lowerCase(Set<String> names) {
        Set<String> lower = new HashSet<>();
        names.forEach(n -> lower.add(n.strip().toLowerCase(Locale.ROOT)));
        return lower;
    }
}
