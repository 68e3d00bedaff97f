package ru.otklik.reports;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.otklik.OtklikApplication;
import ru.otklik.support.TestDatabase;

/**
 * Times the monthly report over 1,000,000 posts (20,000 of them open) on a real PostgreSQL 17.
 * Run: see docs/PERFORMANCE.md. Seeds with set-based SQL, then builds the report for one month repeatedly and
 * prints the median and the 95th percentile.
 */
public final class ReportBenchmark {

    public static void main(String[] args) {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        TestDatabase db = TestDatabase.get();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OtklikApplication.class)
                .properties(
                        "spring.datasource.url=" + db.url(),
                        "spring.datasource.username=" + db.username(),
                        "spring.datasource.password=" + db.password(),
                        "server.port=0",
                        "otklik.demo=true",
                        "spring.main.banner-mode=off",
                        "logging.level.root=WARN")
                .run()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long seedStart = System.nanoTime();
            seed(jdbc, posts);
            System.out.printf("seeded %,d posts in %.1f s%n", posts, (System.nanoTime() - seedStart) / 1e9);

            MonthlyReports reports = app.getBean(MonthlyReports.class);
            YearMonth month = YearMonth.of(2025, 6);
            for (int i = 0; i < 5; i++) {
                reports.build(month, List.of());
            }
            int runs = 20;
            long[] nanos = new long[runs];
            MonthlyReport last = null;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                last = reports.build(month, List.of());
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf(
                    "monthly report for %s over %,d posts: received %,d, open at end %,d%n",
                    month, posts, last.total(Measure.RECEIVED), last.total(Measure.OPEN_AT_END));
            MonthlyReports.Params params = new MonthlyReports.Params(
                    MonthlyReports.start(month), MonthlyReports.start(month.plusMonths(1)), List.of());
            System.out.printf(
                    "parts: rules %.0f ms, executors and departments %.0f ms%n",
                    time(() -> reports.rules(params)), time(() -> reports.performers(params)));
            System.out.printf(
                    "counts query %.0f ms%n",
                    time(() -> jdbc.sql(MonthlyReports.counts(false))
                            .paramSource(params.source())
                            .query()
                            .listOfRows()));
            if (Boolean.getBoolean("report.explain")) {
                jdbc.sql("explain (analyze, buffers) " + MonthlyReports.counts(false))
                        .paramSource(params.source())
                        .query(String.class)
                        .list()
                        .forEach(System.out::println);
            }
            long rulesStart = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                reports.build(month, List.of(1L));
            }
            System.out.printf(
                    "a department head's report: %.0f ms on average%n", (System.nanoTime() - rulesStart) / 5e6);
            System.out.printf(
                    "median %.0f ms, p95 %.0f ms, max %.0f ms over %d runs%n",
                    nanos[runs / 2] / 1e6, nanos[(int) Math.ceil(runs * 0.95) - 1] / 1e6, nanos[runs - 1] / 1e6, runs);
        }
        System.exit(0);
    }

    private static double time(Runnable part) {
        part.run();
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            part.run();
        }
        return (System.nanoTime() - start) / 5e6;
    }

    /** A year of posts (2025): 98 % answered and closed, 20,000 still open, each with an assignment and two clocks. */
    public static void seed(JdbcClient jdbc, int posts) {
        int open = Math.min(20_000, posts / 50);
        // numbered here, 2025's numbers after any already given: V68's trigger would raise the year's counter row once
        // per post, and a million updates of one row in one transaction take quadratic time (each walks the row's
        // versions the transaction made before)
        long numbered = jdbc.sql("select coalesce((select last from registration_counter where year = 2025), 0)")
                .query(Long.class)
                .single();
        jdbc.sql("""
                insert into post (external_id, source, url, text, detected_at, received_at, importance, state, closed_at,
                                  last_action_at, registration_year, registration_seq, registration_number)
                select 'BENCH-' || g,
                       (array['VK','OK','BLOG','OTHER'])[1 + g % 4],
                       'https://vk.com/wall-1_' || g,
                       'Обращение номер ' || g || ' о выплате пособия',
                       ts, ts,
                       case when g % 10 = 0 then 'HIGH' else 'NORMAL' end,
                       case when g <= :open then 'IN_WORK' else 'ANSWERED' end,
                       case when g <= :open then null else ts + interval '3 hours' end,
                       ts,
                       2025, :numbered + g, 'СОЦ-2025/' || lpad((:numbered + g)::text, greatest(4, length((:numbered + g)::text)), '0')
                  from (select g, timestamptz '2025-01-01 00:00+07' + (g * (365.0 * 86400 / :posts)) * interval '1 second' as ts
                          from generate_series(1, :posts) g) s
                """)
                .param("open", open)
                .param("posts", posts)
                .param("numbered", numbered)
                .update();
        jdbc.sql("""
                insert into registration_counter (year, last) values (2025, :last)
                on conflict (year) do update set last = excluded.last""").param("last", numbered + posts).update();
        jdbc.sql("""
                insert into assignment (post_id, department_id, executor_id, state, assigned_at, accepted_at)
                select p.id, d.id, d.executor_id, 'ACCEPTED', p.received_at + interval '5 minutes', p.received_at + interval '9 minutes'
                  from post p
                  join (select dd.id, min(de.user_id) as executor_id, row_number() over (order by dd.id) - 1 as n
                          from department dd join department_executor de on de.department_id = dd.id group by dd.id) d
                    on d.n = p.id % 2
                 where p.external_id like 'BENCH-%'
                """).update();
        jdbc.sql("""
                insert into post_event (post_id, at, action, from_state, to_state)
                select id, closed_at, 'ANSWER_POSTED', 'CUR_APPROVED', 'ANSWERED' from post
                 where external_id like 'BENCH-%' and closed_at is not null
                """).update();
        jdbc.sql("""
                insert into deadline_clock (rule_code, post_id, base_at, started_at, due_at, warn_at, stopped_at, state,
                                            used_minutes)
                select r.code, p.id, p.received_at, p.received_at, p.received_at + interval '10 minutes',
                       p.received_at + interval '8 minutes', p.received_at + (p.id % 13) * interval '1 minute',
                       case when p.id % 13 > 10 then 'BREACHED' else 'MET' end, p.id % 13
                  from post p cross join (values ('ROUTE'), ('ACCEPT')) r(code)
                 where p.external_id like 'BENCH-%'
                """).update();
        // the steady state autovacuum reaches: statistics and the visibility map (for index-only scans)
        jdbc.sql("vacuum analyze").update();
    }
}
