package ru.otklik.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.otklik.database.DatabaseMode;

/**
 * The last line of the start-up log says where Otklik is and, in demo mode, how to log in: a person who started it
 * with {@code ./mvnw spring-boot:run} needs nothing else to begin.
 */
@Component
class ReadyLine {

    static final String DEMO_LOGINS =
            "admin, specialist, orghead, executor, executor2, head, head2, deputy, deputy2, " + "minister";

    private static final Logger log = LoggerFactory.getLogger(ReadyLine.class);

    private final DatabaseMode mode;

    ReadyLine(DatabaseMode mode) {
        this.mode = mode;
    }

    @EventListener
    void on(ApplicationReadyEvent event) {
        log.info(text(
                event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080"),
                event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path", "")));
    }

    String text(String port, String contextPath) {
        String address = "http://localhost:" + port + contextPath;
        return mode.demo()
                ? "Отклик готов: " + address + ", демо-входы: " + DEMO_LOGINS + " (пароль «" + DemoData.PASSWORD + "»)"
                : "Отклик готов: " + address;
    }
}
