package ru.otklik.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * An empty database of its own in the shared test PostgreSQL, for tests that start Otklik on a database nobody else
 * uses: a first start, or an instance whose sweep runs on its own schedule.
 */
public final class FreshDatabase {

    private FreshDatabase() {}

    /** Creates an empty database and returns its JDBC URL (same server, user and password as {@link TestDatabase}). */
    public static String create(String prefix) {
        TestDatabase db = TestDatabase.get();
        String name =
                prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password());
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException ex) {
            throw new IllegalStateException("could not create the test database " + name, ex);
        }
        return withDatabase(db.url(), name);
    }

    /** The URL with its database name replaced: {@code jdbc:postgresql://host:port/NAME?params}. */
    static String withDatabase(String url, String name) {
        int hostStart = url.indexOf("//") + 2;
        int pathStart = url.indexOf('/', hostStart);
        int query = url.indexOf('?', pathStart);
        return url.substring(0, pathStart + 1) + name + (query < 0 ? "" : url.substring(query));
    }
}
