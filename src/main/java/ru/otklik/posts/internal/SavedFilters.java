package ru.otklik.posts.internal;

import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox filters each person saved under a name (table {@code saved_filter}, V64): the query string of the inbox's
 * address, built by the page from the filter it bound, never taken as typed.
 */
@Component
public class SavedFilters {

    /** A saved filter: its name and the inbox address's query string. */
    public record Saved(long id, String name, String query) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    SavedFilters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The person's filters by name. */
    @Transactional(readOnly = true)
    public List<Saved> of(long userId) {
        return jdbc.sql("select id, name, query from saved_filter where user_id = ? order by lower(name), id")
                .param(userId)
                .query((rs, n) -> new Saved(rs.getLong("id"), rs.getString("name"), rs.getString("query")))
                .list();
    }

    /** Saves the filter under the name; a filter of the same name is replaced (one statement, no race). */
    @Transactional
    public void save(long userId, String name, String query) {
        jdbc.sql("""
                        insert into saved_filter (user_id, name, query, created_at) values (:user, :name, :query, :at)
                        on conflict (user_id, name) do update set query = excluded.query, created_at = excluded.created_at""")
                .param("user", userId)
                .param("name", name)
                .param("query", query)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    /** Deletes one of the person's own filters; whether there was one. */
    @Transactional
    public boolean delete(long userId, long id) {
        return jdbc.sql("delete from saved_filter where id = ? and user_id = ?")
                        .params(id, userId)
                        .update()
                > 0;
    }
}
