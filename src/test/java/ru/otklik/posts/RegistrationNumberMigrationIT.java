package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.support.DatabaseContents.urlOf;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.TestDatabase;

/**
 * V68 numbers the posts registered before it by registration order within each year of Ministry time, leaves ЦУР's
 * feed alone, renames the posts in the notifications already written, and a post inserted by SQL later still gets the
 * next number.
 */
@IntegrationTest
class RegistrationNumberMigrationIT {

    @Autowired
    DataSource dataSource;

    @Test
    void existingPostsAreNumberedByRegistrationOrderWithinEachMinistryYear() {
        JdbcTemplate main = new JdbcTemplate(dataSource);
        String database = "v68_" + UUID.randomUUID().toString().replace("-", "");
        main.execute("create database " + database);
        try {
            DriverManagerDataSource target = new DriverManagerDataSource(
                    urlOf(database),
                    TestDatabase.get().username(),
                    TestDatabase.get().password());
            Flyway.configure()
                    .dataSource(target)
                    .locations("classpath:db/migration")
                    .target("65")
                    .load()
                    .migrate();
            JdbcTemplate db = new JdbcTemplate(target);
            // inserted in this order (ids rising), registered in another
            long march = post(db, "M-MARCH", "2026-03-02T03:00:00Z", true);
            // 31 December 17:30 UTC is 1 January 00:30 in Novokuznetsk: the first of 2026
            long newYear = post(db, "M-NEWYEAR", "2025-12-31T17:30:00Z", true);
            // 31 December 16:00 UTC is still 23:00 of 31 December there: the only one of 2025
            long oldYear = post(db, "M-OLDYEAR", "2025-12-31T16:00:00Z", true);
            // no line on its timeline: registered when received
            long february = post(db, "M-FEBRUARY", "2026-02-02T03:00:00Z", false);
            Timestamp changed = db.queryForObject("select changed_at from post where id = ?", Timestamp.class, march);
            long recipient = db.queryForObject(
                    "insert into app_user (login, full_name, password_hash) values ('v68', 'Иванов', 'x') returning id",
                    Long.class);
            db.update(
                    "insert into notification (recipient_id, created_at, kind, post_id, post_label) values (?, now(),"
                            + " 'ASSIGNMENT', ?, 'M-MARCH')",
                    recipient,
                    march);

            Flyway.configure()
                    .dataSource(target)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();

            assertThat(number(db, oldYear)).isEqualTo("СОЦ-2025/0001");
            assertThat(number(db, newYear)).isEqualTo("СОЦ-2026/0001");
            assertThat(number(db, february)).isEqualTo("СОЦ-2026/0002");
            assertThat(number(db, march)).isEqualTo("СОЦ-2026/0003");
            assertThat(db.queryForObject("select last from registration_counter where year = 2026", Integer.class))
                    .isEqualTo(3);
            assertThat(db.queryForObject("select changed_at from post where id = ?", Timestamp.class, march))
                    .as("numbering is no change for ЦУР's feed")
                    .isEqualTo(changed);
            assertThat(db.queryForObject("select post_label from notification where post_id = ?", String.class, march))
                    .isEqualTo("СОЦ-2026/0003");

            // a row inserted by SQL afterwards takes the next number of its year, as Otklik's own registration does
            int year = db.queryForObject(
                    "select extract(year from now() at time zone 'Asia/Novokuznetsk')::integer", Integer.class);
            Integer last = db.queryForObject(
                    "select coalesce(max(last), 0) from registration_counter where year = ?", Integer.class, year);
            long later = post(db, "M-LATER", "2026-04-01T03:00:00Z", false);
            assertThat(number(db, later)).isEqualTo("СОЦ-%d/%04d".formatted(year, last + 1));
        } finally {
            main.execute("drop database if exists " + database + " with (force)");
        }
    }

    private static long post(JdbcTemplate db, String externalId, String registeredAt, boolean timeline) {
        Timestamp at = Timestamp.from(Instant.parse(registeredAt));
        long id = db.queryForObject("""
                insert into post (external_id, source, url, text, detected_at, received_at, importance, state,
                                  last_action_at)
                values (?, 'VK', 'https://vk.com/wall-68_1', 'Текст', ?, ?, 'NORMAL', 'NEW', ?) returning id""", Long.class, externalId, at, at, at);
        if (timeline) {
            db.update(
                    "insert into post_event (post_id, at, action, to_state) values (?, ?, 'REGISTERED', 'NEW')",
                    id,
                    at);
        }
        return id;
    }

    private static String number(JdbcTemplate db, long postId) {
        return db.queryForObject("select registration_number from post where id = ?", String.class, postId);
    }
}
