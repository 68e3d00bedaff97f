package ru.otklik.people;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can administer Otklik: with no enabled admin, creates {@code admin} from
 * {@code OTKLIK_ADMIN_PASSWORD}, or refuses to start with a clear message.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Users users;
    private final PeopleManagement people;
    private final Environment environment;

    AdminBootstrap(Users users, PeopleManagement people, Environment environment) {
        this.users = users;
        this.people = people;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyEnabledAdmin()) {
            return;
        }
        String password = environment.getProperty("otklik.admin-password", "");
        if (password.isBlank()) {
            throw new IllegalStateException("В базе нет ни одного администратора. Задайте пароль первого администратора "
                    + "в переменной окружения OTKLIK_ADMIN_PASSWORD и запустите Отклик снова.");
        }
        if (password.length() < PeopleManagement.MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("OTKLIK_ADMIN_PASSWORD слишком короткий: нужно не меньше "
                    + PeopleManagement.MIN_PASSWORD_LENGTH + " символов.");
        }
        String login = users.findByLogin("admin").isPresent() ? "admin" + System.currentTimeMillis() % 10000 : "admin";
        people.createAccount(login, "Администратор", null, password, EnumSet.of(Role.ADMIN));
        log.info("Создан первый администратор с логином '{}'", login);
    }
}
