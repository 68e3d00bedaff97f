package ru.otklik.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.otklik.posts.PostState;

/**
 * The series that are counted in PostgreSQL: open posts by state, running and overdue clocks by rule, the e-mail
 * outbox's backlog and failing messages, blocked logins. All of them come from one grouped statement, read at most
 * once per {@link MetricsSettings#cacheFor()}: a scrape never costs a query per series. While the database is down
 * they read NaN.
 */
@Component
class OperationsGauges {

    private static final Logger log = LoggerFactory.getLogger(OperationsGauges.class);

    /** Every part uses a partial index of open rows (post_open_received_ix, deadline_clock_due_ix, email_outbox_due_ix). */
    private static final String SNAPSHOT = """
            select 'post' as kind, state as key, count(*) as n, cast(0 as double precision) as age
              from post where state not in ('ANSWERED', 'RETURNED_TO_CUR', 'NOT_PROCESSED') group by state
            union all
            select 'running', rule_code, count(*), 0 from deadline_clock where state = 'RUNNING' group by rule_code
            union all
            select 'overdue', rule_code, count(*), extract(epoch from cast(:now as timestamptz) - min(due_at))
              from deadline_clock where state = 'RUNNING' and due_at <= :now group by rule_code
            union all
            select 'outbox', 'backlog', count(*), coalesce(extract(epoch from cast(:now as timestamptz) - min(created_at)), 0)
              from email_outbox where sent_at is null
            union all
            select 'outbox', 'failing', count(*), 0 from email_outbox where sent_at is null and attempts > 0
            union all
            select 'logins', 'blocked', count(*), 0 from login_throttle where blocked_until > :now""";

    private record Row(String kind, String key, long count, double age) {}

    private record Snapshot(Map<String, Row> rows, boolean failed) {

        double count(String kind, String key) {
            if (failed) {
                return Double.NaN;
            }
            Row row = rows.get(kind + "/" + key);
            return row == null ? 0 : row.count();
        }

        double oldest(String kind) {
            if (failed) {
                return Double.NaN;
            }
            return rows.values().stream()
                    .filter(r -> r.kind().equals(kind))
                    .mapToDouble(Row::age)
                    .max()
                    .orElse(0);
        }
    }

    private final MeterRegistry registry;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final long cacheNanos;
    private Snapshot snapshot;
    private long readAt;

    OperationsGauges(MeterRegistry registry, JdbcClient jdbc, Clock clock, MetricsSettings settings) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
        this.cacheNanos = settings.cacheFor().toNanos();
        for (PostState state : PostState.values()) {
            if (!state.isClosed()) {
                gauge(
                        "otklik.posts.open",
                        "Открытые сообщения по состояниям",
                        "state",
                        state.name(),
                        s -> s.count("post", state.name()));
            }
        }
        gauge("otklik.outbox.backlog", "Письма в очереди на отправку", null, null, s -> s.count("outbox", "backlog"));
        gauge(
                "otklik.outbox.failing",
                "Письма в очереди, последняя попытка отправки которых не удалась",
                null,
                null,
                s -> s.count("outbox", "failing"));
        Gauge.builder("otklik.outbox.oldest", this, g -> g.read().oldest("outbox"))
                .baseUnit("seconds")
                .description("Сколько ждёт самое старое неотправленное письмо")
                .register(registry);
        gauge(
                "otklik.logins.blocked",
                "Логины, вход под которыми сейчас заблокирован после неудачных попыток",
                null,
                null,
                s -> s.count("logins", "blocked"));
        Gauge.builder("otklik.clocks.overdue.oldest", this, g -> g.read().oldest("overdue"))
                .baseUnit("seconds")
                .description("Насколько просрочен самый старый идущий срок, на который проверка ещё не подействовала")
                .register(registry);
    }

    /** The rules are data: their series are registered once the database is there. */
    @EventListener(ApplicationReadyEvent.class)
    void registerRules() {
        List<String> rules = jdbc.sql("select code from deadline_rule order by code")
                .query(String.class)
                .list();
        for (String rule : rules) {
            gauge("otklik.clocks.running", "Идущие сроки по правилам", "rule", rule, s -> s.count("running", rule));
            gauge(
                    "otklik.clocks.overdue",
                    "Идущие сроки, уже просроченные, на которые проверка ещё не подействовала",
                    "rule",
                    rule,
                    s -> s.count("overdue", rule));
        }
    }

    /** Forgets the cached values: the next scrape reads the database (for tests). */
    synchronized void expire() {
        snapshot = null;
    }

    private void gauge(
            String name,
            String description,
            String tag,
            String value,
            java.util.function.ToDoubleFunction<Snapshot> reading) {
        Gauge.Builder<OperationsGauges> gauge =
                Gauge.builder(name, this, g -> reading.applyAsDouble(g.read())).description(description);
        if (tag != null) {
            gauge.tag(tag, value);
        }
        gauge.register(registry);
    }

    private synchronized Snapshot read() {
        long now = System.nanoTime();
        if (snapshot == null || now - readAt >= cacheNanos) {
            snapshot = query();
            readAt = now;
        }
        return snapshot;
    }

    private Snapshot query() {
        try {
            Map<String, Row> rows = new HashMap<>();
            jdbc.sql(SNAPSHOT)
                    .param("now", Timestamp.from(clock.instant()))
                    .query((rs, n) ->
                            new Row(rs.getString("kind"), rs.getString("key"), rs.getLong("n"), rs.getDouble("age")))
                    .list()
                    .forEach(row -> rows.put(row.kind() + "/" + row.key(), row));
            return new Snapshot(rows, false);
        } catch (RuntimeException ex) {
            log.warn("Метрики из базы данных не прочитаны: {}", ex.toString());
            return new Snapshot(Map.of(), true);
        }
    }
}
