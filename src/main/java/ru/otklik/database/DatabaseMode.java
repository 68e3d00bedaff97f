package ru.otklik.database;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells whether Otklik runs on its embedded PostgreSQL (the zero-setup demo) or on an external server.
 */
@Component
public class DatabaseMode {

    private final boolean embedded;
    private final boolean demo;

    DatabaseMode(Environment environment, DatabaseSettings settings) {
        this.embedded = environment.getProperty("spring.datasource.url", "").isBlank();
        this.demo = settings.demo() != null ? settings.demo() : embedded;
    }

    /** Whether the application started its own embedded PostgreSQL. */
    public boolean embedded() {
        return embedded;
    }

    /** Whether demo data is seeded and demo logins are shown ({@code otklik.demo}, by default only on the embedded database). */
    public boolean demo() {
        return demo;
    }
}
