package ru.otklik.people.internal;

import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import ru.otklik.database.FirstStart;
import ru.otklik.people.AdminSettings;
import ru.otklik.people.PasswordPolicy;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.Role;

/**
 * Makes sure someone can administer Otklik: with no enabled admin, creates {@code admin} from
 * {@code OTKLIK_ADMIN_PASSWORD}, or refuses to start with a clear message. Runs before the web server takes
 * requests, after the demo data (which brings its own admin), under the {@link FirstStart} lock: of several instances
 * started together on an empty database, one creates the admin and the others find it.
 */
@Component
class AdminBootstrap implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Users users;
    private final PeopleManagement people;
    private final AdminSettings settings;
    private final FirstStart firstStart;
    private final PasswordPolicy passwords;
    private volatile boolean running;

    AdminBootstrap(
            Users users,
            PeopleManagement people,
            AdminSettings settings,
            FirstStart firstStart,
            PasswordPolicy passwords) {
        this.users = users;
        this.people = people;
        this.settings = settings;
        this.firstStart = firstStart;
        this.passwords = passwords;
    }

    @Override
    public void start() {
        firstStart.seed(this::createFirstAdminIfNone);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return FirstStart.PHASE + 1;
    }

    void createFirstAdminIfNone() {
        if (users.anyEnabledAdmin()) {
            return;
        }
        String password = settings.adminPassword();
        if (password.isBlank()) {
            throw new IllegalStateException(
                    "В базе нет ни одного администратора. Задайте пароль первого администратора "
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
