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
    private final PasswordPolicy passwords;

    AdminBootstrap(Users users, PeopleManagement people, Environment environment, PasswordPolicy passwords) {
        this.users = users;
        this.people = people;
        this.environment = environment;
        this.passwords = passwords;
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
        if (passwords.problem(password, "admin") != null) {
            throw new IllegalStateException("OTKLIK_ADMIN_PASSWORD не подходит: нужно не меньше "
                    + PasswordPolicy.MIN_LENGTH + " символов, не больше " + PasswordPolicy.MAX_BYTES
                    + " байт в UTF-8 и не из списка самых распространённых паролей.");
        }
        String login = users.findByLogin("admin").isPresent() ? "admin" + System.currentTimeMillis() % 10000 : "admin";
        people.createAccount(login, "Администратор", null, password, EnumSet.of(Role.ADMIN));
        log.info("Создан первый администратор с логином '{}'", login);
    }
}
