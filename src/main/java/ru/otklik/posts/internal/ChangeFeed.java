package ru.otklik.posts.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.otklik.posts.ChangeCursor;
import ru.otklik.posts.PostState;

/**
 * Which posts changed after a place in the feed ({@code post.changed_at}, stamped by the database, V54).
 *
 * <p>{@code changed_at} is the start of the transaction that changed the post, and a transaction may commit long after
 * it started, after others that started later. Read naively, a page could end past such a change before it commits,
 * and the next page would never see it. So a page holds only changes stamped before the horizon: the start of the
 * oldest transaction still open on this database (this one's own included). Every change still to commit is stamped
 * at or after the horizon; every change before it is committed and visible. A long transaction only delays the feed.
 */
@Component
public class ChangeFeed {

    private final JdbcClient jdbc;

    ChangeFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of at most {@code limit} posts changed after {@code after} (all when {@code null}), in feed order. */
    public List<Long> changedAfter(PostState state, ChangeCursor after, int limit) {
        OffsetDateTime horizon = jdbc.sql("""
                        select least(now(), coalesce(min(xact_start), now())) from pg_stat_activity
                        where datname = current_database() and backend_type = 'client backend'
                            and xact_start is not null""").query(OffsetDateTime.class).single();
        StringBuilder sql = new StringBuilder("select id from post where changed_at < :horizon");
        if (state != null) {
            sql.append(" and state = :state");
        }
        if (after != null) {
            sql.append(" and (changed_at, id) > (:afterAt, :afterId)");
        }
        sql.append(" order by changed_at, id limit :limit");
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql.toString()).param("horizon", horizon).param("limit", limit);
        if (state != null) {
            statement = statement.param("state", state.name());
        }
        if (after != null) {
            statement = statement
                    .param("afterAt", OffsetDateTime.ofInstant(after.changedAt(), ZoneOffset.UTC))
                    .param("afterId", after.id());
        }
        return statement.query(Long.class).list();
    }
}
