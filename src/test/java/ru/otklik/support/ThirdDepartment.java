package ru.otklik.support;

import java.util.EnumSet;
import java.util.Set;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.Role;
import ru.otklik.people.internal.Department;
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;

/**
 * A third department besides the demo's two, with its own head and an executor who logs in with the demo password:
 * somewhere to send a joint post's returned part (п.14, п.15). Made once and shared by the tests of one database.
 */
public final class ThirdDepartment {

    public static final String NAME = "Отдел пенсионного обеспечения (тест)";
    public static final String EXECUTOR = "executor-pensions";
    public static final String EXECUTOR_NAME = "Григорьева Алла Петровна";

    private ThirdDepartment() {}

    /** The department, made if it is not there yet; its executor is {@link #EXECUTOR}, curated by {@code deputy2}. */
    public static synchronized Department ensure(PeopleManagement people, Users users, Departments departments) {
        return departments.findAllByName().stream()
                .filter(d -> d.getName().equals(NAME))
                .findFirst()
                .orElseGet(() -> {
                    User executor = account(people, users, EXECUTOR, EXECUTOR_NAME, Role.EXECUTOR);
                    User head = account(people, users, "head-pensions", "Тихонов Павел Олегович", Role.DEPT_HEAD);
                    User curator = users.findByLogin("deputy2").orElseThrow();
                    long id = people.createDepartment(NAME, head.getId(), curator.getId(), Set.of(executor.getId()))
                            .id();
                    return departments.findById(id).orElseThrow();
                });
    }

    private static User account(PeopleManagement people, Users users, String login, String name, Role role) {
        return users.findByLogin(login)
                .orElseGet(() -> users.findById(people.createAccount(login, name, null, "demo", EnumSet.of(role))
                                .id())
                        .orElseThrow());
    }
}
