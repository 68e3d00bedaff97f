package ru.otklik.posts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.posts.AssignmentState;
import ru.otklik.posts.Importance;
import ru.otklik.posts.PostState;
import ru.otklik.posts.Source;
import ru.otklik.posts.screening.ScreeningResult;

/**
 * The org specialist's inbox: open posts, those waiting for the specialist first, filtered, searched in Russian
 * full text or by the registration number, sorted and paged. The same list, kept to some departments' posts and
 * without the specialist's queue first, is the read-only «Сообщения подразделения» of heads and deputies
 * ({@link Scope}). Two statements per page (plus the count), whatever the page shows: the posts, then
 * the assignments of exactly those posts.
 *
 * <p>By default («Сначала срочные») the posts waiting for the specialist come first, then within each group the
 * breached ones, then the nearest due: the order reads the open clocks of the deadlines module's
 * {@code deadline_clock} table ({@code stopped_at is null}, index {@code deadline_clock_post_open_ix}) in the same
 * statement, since the page is cut after ordering; the posts module never writes that table.
 */
@Component
public class InboxQuery {

    static final int PAGE_SIZE = 25;

    /** The default order: what burns first. */
    public static final String URGENT = "urgent";

    /** The inbox filters; every one is optional. */
    public record Filter(
            PostState state,
            Long departmentId,
            Long executorId,
            Importance importance,
            Source source,
            Boolean flagged,
            String q,
            String sort,
            int page) {

        public Filter {
            sort = sort != null && SORTS.containsKey(sort) ? sort : URGENT;
            page = Math.max(page, 0);
            q = q == null || q.isBlank() ? null : q.strip();
        }
    }

    /**
     * Whose posts the list holds: every post, the org specialist's queue first (the inbox), or the posts some
     * departments work on — an assignment of theirs not returned — in the order of what burns first alone.
     *
     * @param departmentIds the departments, or {@code null} for the whole Ministry
     * @param orgQueueFirst whether the posts waiting for the org specialist come first
     */
    public record Scope(Set<Long> departmentIds, boolean orgQueueFirst) {

        /** The org specialist's inbox. */
        public static final Scope INBOX = new Scope(null, true);

        public Scope {
            departmentIds = departmentIds == null ? null : Set.copyOf(departmentIds);
        }

        /** The posts of these departments (of every department for {@code null}), read-only. */
        public static Scope departments(Set<Long> departmentIds) {
            return new Scope(departmentIds, false);
        }
    }

    record Line(String department, String executor, AssignmentState state) {}

    public record Row(
            long id,
            String registrationNumber,
            String externalId,
            Source source,
            Importance importance,
            PostState state,
            Instant receivedAt,
            Instant detectedAt,
            String authorName,
            String excerpt,
            ScreeningResult screening,
            List<Line> assignments,
            boolean partWaiting,
            long version,
            boolean orgAction,
            boolean breached,
            Instant dueAt) {

        /**
         * Whether the post waits for the org specialist («ждёт ваших действий»): new or returned (route), ready for
         * ЦУР (send), approved by ЦУР (post, 30-minute clock), an executor's п.18 flag to decide, or a joint post
         * whose returned part waits to be sent to another department or left out (п.9, п.14, п.15, п.18).
         */
        public boolean needsOrgAction() {
            return orgAction || partWaiting;
        }

        /** New: may be routed from the list with others at once. */
        public boolean routable() {
            return state == PostState.NEW;
        }
    }

    public record Page(List<Row> rows, int page, int pages, long total) {}

    static final Map<String, String> SORTS = Map.of(
            URGENT,
            "breached desc, due_at asc nulls last, p.received_at asc",
            "received",
            "p.received_at asc",
            "-received",
            "p.received_at desc",
            "detected",
            "p.detected_at asc",
            "-detected",
            "p.detected_at desc",
            "importance",
            "case when p.importance = 'HIGH' then 0 else 1 end, p.received_at asc");

    /** A returned part of the joint post waits for the specialist (a partial index keeps it cheap). */
    private static final String PART_WAITING = ru.otklik.posts.WorkQueues.PART_WAITING;

    private static final String ORG_ACTION = ru.otklik.posts.WorkQueues.ORG_ACTION;

    /** The post's open clocks: whether one is breached, and the nearest due (read from deadlines, see above). */
    private static final String CLOCKS = " left join (select c.post_id, bool_or(c.state = 'BREACHED') as breached,"
            + " min(c.due_at) as due_at from deadline_clock c where c.stopped_at is null group by c.post_id) k"
            + " on k.post_id = p.id";

    private static final String CLOSED = "('ANSWERED', 'RETURNED_TO_CUR', 'NOT_PROCESSED')";

    private final JdbcClient jdbc;

    InboxQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The org specialist's inbox. */
    @Transactional(readOnly = true)
    public Page find(Filter filter) {
        return find(filter, Scope.INBOX);
    }

    @Transactional(readOnly = true)
    public Page find(Filter filter, Scope scope) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where ");
        if (filter.state() == null) {
            where.append("p.state not in ").append(CLOSED);
        } else {
            where.append("p.state = :state");
            params.put("state", filter.state().name());
        }
        if (scope.departmentIds() != null) {
            where.append(" and exists (select 1 from assignment a where a.post_id = p.id"
                    + " and a.department_id in (:scope) and a.state <> 'RETURNED')");
            params.put("scope", scope.departmentIds().isEmpty() ? Set.of(-1L) : scope.departmentIds());
        }
        if (filter.departmentId() != null) {
            where.append(" and exists (select 1 from assignment a where a.post_id = p.id and a.department_id = :dept"
                    + " and a.state <> 'RETURNED')");
            params.put("dept", filter.departmentId());
        }
        if (filter.executorId() != null) {
            where.append(" and exists (select 1 from assignment a where a.post_id = p.id and a.executor_id = :executor"
                    + " and a.state <> 'RETURNED')");
            params.put("executor", filter.executorId());
        }
        if (filter.importance() != null) {
            where.append(" and p.importance = :importance");
            params.put("importance", filter.importance().name());
        }
        if (filter.source() != null) {
            where.append(" and p.source = :source");
            params.put("source", filter.source().name());
        }
        if (filter.flagged() != null) {
            where.append(" and p.screening_flagged = :flagged");
            params.put("flagged", filter.flagged());
        }
        if (filter.q() != null) {
            // the words of the text, ЦУР's id, or the registration number however typed (СОЦ-2026/0123, 2026/123)
            RegistrationNumbers.Wanted number = RegistrationNumbers.parse(filter.q());
            where.append(" and (p.text_tsv @@ websearch_to_tsquery('russian', :q) or p.external_id = :q"
                    + " or (p.registration_year = :regYear and p.registration_seq = :regSeq))");
            params.put("q", filter.q());
            params.put("regYear", number.year());
            params.put("regSeq", number.seq());
        }
        long total = jdbc.sql("select count(*) from post p" + where)
                .params(params)
                .query(Long.class)
                .single();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(filter.page(), pages - 1);
        params.put("limit", PAGE_SIZE);
        params.put("offset", page * PAGE_SIZE);
        String queueFirst =
                scope.orgQueueFirst() ? "case when " + ORG_ACTION + " or " + PART_WAITING + " then 0 else 1 end, " : "";
        // the page's order and cut first, over narrow rows (the open posts' covering index, V75), then the 25 rows'
        // details: sorting every open post with its text made the default order cost tens of milliseconds
        record Place(boolean breached, Instant dueAt) {}
        Map<Long, Place> order = new LinkedHashMap<>();
        jdbc.sql("select p.id, coalesce(k.breached, false) as breached, k.due_at from post p" + CLOCKS + where
                        + " order by " + queueFirst + SORTS.get(filter.sort()) + ", p.id limit :limit offset :offset")
                .params(params)
                .query((rs, n) ->
                        order.put(rs.getLong("id"), new Place(rs.getBoolean("breached"), instant(rs, "due_at"))))
                .list();
        Map<Long, Row> found = new HashMap<>();
        Map<Long, List<Line>> lines = new HashMap<>();
        if (!order.isEmpty()) {
            jdbc.sql(
                            "select p.id, p.registration_number, p.external_id, p.source, p.importance, p.state, p.received_at,"
                                    + " p.detected_at, p.author_name, left(p.text, 200) as excerpt, p.screening_matches,"
                                    + " p.version, " + PART_WAITING + " as part_waiting, " + ORG_ACTION
                                    + " as org_action"
                                    + " from post p where p.id in (:ids)")
                    .param("ids", order.keySet())
                    .query((rs, n) -> {
                        long id = rs.getLong("id");
                        List<Line> own = new ArrayList<>();
                        lines.put(id, own);
                        Place place = order.get(id);
                        return new Row(
                                id,
                                rs.getString("registration_number"),
                                rs.getString("external_id"),
                                Source.valueOf(rs.getString("source")),
                                Importance.valueOf(rs.getString("importance")),
                                PostState.valueOf(rs.getString("state")),
                                instant(rs, "received_at"),
                                instant(rs, "detected_at"),
                                rs.getString("author_name"),
                                rs.getString("excerpt"),
                                ScreeningResult.decode(rs.getString("screening_matches")),
                                own,
                                rs.getBoolean("part_waiting"),
                                rs.getLong("version"),
                                rs.getBoolean("org_action"),
                                place.breached(),
                                place.dueAt());
                    })
                    .list()
                    .forEach(row -> found.put(row.id(), row));
        }
        Map<Long, Row> rows = new LinkedHashMap<>();
        order.keySet().stream().filter(found::containsKey).forEach(id -> rows.put(id, found.get(id)));
        if (!rows.isEmpty()) {
            jdbc.sql("select a.post_id, d.name, u.full_name, a.state from assignment a"
                            + " join department d on d.id = a.department_id join app_user u on u.id = a.executor_id"
                            + " where a.post_id in (:ids) order by a.id")
                    .param("ids", rows.keySet())
                    .query((rs, n) -> lines.get(rs.getLong("post_id"))
                            .add(new Line(
                                    rs.getString("name"),
                                    rs.getString("full_name"),
                                    AssignmentState.valueOf(rs.getString("state")))))
                    .list();
        }
        return new Page(List.copyOf(rows.values()), page, pages, total);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
