package ru.otklik.demo;

import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.otklik.database.DatabaseMode;
import ru.otklik.intake.ApiTokens;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.Role;
import ru.otklik.people.User;
import ru.otklik.people.Users;

/**
 * Seeds the demo of SPEC §6 (every login with the password {@code demo}) when demo mode is on and nobody exists yet.
 */
@Component
@Order(0)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DatabaseMode mode;
    private final Users users;
    static final String CUR_TOKEN = "demo-cur-token";

    private final PeopleManagement people;
    private final ApiTokens tokens;

    DemoData(DatabaseMode mode, Users users, PeopleManagement people, ApiTokens tokens) {
        this.mode = mode;
        this.users = users;
        this.people = people;
        this.tokens = tokens;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!mode.demo() || users.count() > 0) {
            return;
        }
        person("admin", "Администратор системы", Role.ADMIN);
        person("specialist", "Петрова Ольга Николаевна", Role.ORG_SPECIALIST);
        person("orghead", "Смирнова Наталья Викторовна", Role.ORG_HEAD);
        User executor = person("executor", "Кузнецов Андрей Павлович", Role.EXECUTOR);
        User executor2 = person("executor2", "Васильева Елена Сергеевна", Role.EXECUTOR);
        User head = person("head", "Морозов Сергей Иванович", Role.DEPT_HEAD);
        User head2 = person("head2", "Волкова Ирина Александровна", Role.DEPT_HEAD);
        User deputy = person("deputy", "Соколов Алексей Дмитриевич", Role.DEPUTY_MINISTER);
        User deputy2 = person("deputy2", "Лебедева Марина Юрьевна", Role.DEPUTY_MINISTER);
        person("minister", "Новиков Михаил Андреевич", Role.MINISTER);
        people.appointCoordinator(deputy.getId());
        people.createDepartment("Отдел социальной поддержки семей с детьми", head, deputy, Set.of(executor));
        people.createDepartment("Отдел содействия занятости населения", head2, deputy2, Set.of(executor2));
        tokens.createWithSecret("ЦУР Кузбасса (демо)", CUR_TOKEN, "admin");
        log.info("Демонстрационные данные созданы: логины admin, specialist, orghead, executor, executor2, head, head2, "
                + "deputy, deputy2, minister; пароль '{}'", PASSWORD);
    }

    private User person(String login, String fullName, Role role) {
        return people.createAccount(login, fullName, login + "@otklik.example", PASSWORD, EnumSet.of(role));
    }
}
