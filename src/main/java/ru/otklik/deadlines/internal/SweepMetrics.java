package ru.otklik.deadlines.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the people who run Otklik watch of the sweep: how long it takes, how late it acted on the breaches it found
 * (its lag: now − due instant, the largest of one sweep), when it last ran, and the breaches it acted on by rule.
 * Counts are this instance's: Prometheus sums them over the instances.
 */
@Component
class SweepMetrics {

    /** One statement per sweep that acted on something, by the index on clock_action.acted_at. */
    private static final String ACTED = """
            select c.rule_code, count(*) as n, extract(epoch from max(a.acted_at - c.due_at)) as lag
            from clock_action a join deadline_clock c on c.id = a.clock_id
            where a.acted_at = :now and a.action <> 'WARNING'
            group by c.rule_code""";

    private final MeterRegistry registry;
    private final JdbcClient jdbc;
    private final Timer duration;
    private final AtomicLong lagMillis = new AtomicLong();
    private final AtomicLong lastRunMillis = new AtomicLong();

    SweepMetrics(MeterRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.duration = Timer.builder("otklik.sweep.duration")
                .description("Время одного прохода проверки сроков")
                .register(registry);
        Gauge.builder("otklik.sweep.lag", lagMillis, millis -> millis.get() / 1000.0)
                .baseUnit("seconds")
                .description("Насколько поздно последний проход подействовал на нарушенные сроки: max(сейчас − срок)")
                .register(registry);
        Gauge.builder("otklik.sweep.last.run", lastRunMillis, millis -> millis.get() / 1000.0)
                .baseUnit("seconds")
                .description("Когда проверка сроков прошла последний раз (секунды от 1970-01-01)")
                .register(registry);
    }

    /** Records one finished sweep that started at {@code startedNanos} ({@link System#nanoTime()}) for instant now. */
    void swept(Instant now, long startedNanos, Sweep.Result result) {
        long lag = 0;
        if (result.actions() > 0) {
            for (var acted : jdbc.sql(ACTED)
                    .param("now", Sql.ts(now))
                    .query((rs, n) -> new Acted(rs.getString("rule_code"), rs.getLong("n"), rs.getDouble("lag")))
                    .list()) {
                Counter.builder("otklik.clocks.breached")
                        .description("Нарушенные сроки, на которые подействовала проверка")
                        .tag("rule", acted.rule())
                        .register(registry)
                        .increment(acted.count());
                lag = Math.max(lag, Math.round(acted.lagSeconds() * 1000));
            }
        }
        lagMillis.set(lag);
        lastRunMillis.set(now.toEpochMilli());
        duration.record(Duration.ofNanos(System.nanoTime() - startedNanos).toNanos(), TimeUnit.NANOSECONDS);
    }

    private record Acted(String rule, long count, double lagSeconds) {}
}
