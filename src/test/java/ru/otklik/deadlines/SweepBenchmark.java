package ru.otklik.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.otklik.deadlines.internal.Sql;
import ru.otklik.deadlines.internal.Sweep;
import ru.otklik.support.IntegrationTest;

/**
 * One escalation sweep over 20,000 open posts (SPEC §7: under 1 s, statements not growing with the posts). Not part
 * of the normal test run (the name does not end in Test); run it alone, in its own JVM and fresh database:
 * {@code ./mvnw -q test -Dtest=SweepBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. The figures are printed and
 * belong in docs/PERFORMANCE.md.
 */
@IntegrationTest
class SweepBenchmark {

    private static final int OPEN_POSTS = 20_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    @Autowired
    Sweep sweep;

    @Test
    void oneSweepOverTwentyThousandOpenPosts() {
        sweep.sweep(); // the demo's own clocks
        Instant now = clock.instant();
        long department =
                jdbc.sql("select min(id) from department").query(Long.class).single();
        seed(now, department);

        report("20,000 open posts, 1,000 of them overdue (escalations)", now, 1_000);
        report("20,000 open posts, 19,000 more overdue (catch-up after downtime)", now, 19_000);
    }

    private void report(String scenario, Instant now, int expected) {
        AtomicInteger statements = new AtomicInteger();
        Sweep counted =
                new Sweep(SweepIT.counting(dataSource, statements), clock, new SweepSettings(false, 30000, 5000, 500));
        // make the chosen number of clocks due
        jdbc.sql("""
                        update deadline_clock set due_at = :due, warn_at = :due where id in (
                            select id from deadline_clock where rule_code = 'ACCEPT' and state = 'RUNNING'
                              and due_at > :now order by id limit :n)""")
                .param("due", Sql.ts(now.minus(Duration.ofMinutes(1))))
                .param("now", Sql.ts(now))
                .param("n", expected)
                .update();
        jdbc.sql("analyze deadline_clock").update();
        long start = System.nanoTime();
        Sweep.Result result = counted.sweep();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "%nSWEEP BENCHMARK | %s | %d ms | %d SQL statements | %s%n%n",
                scenario, millis, statements.get(), result);
        assertThat(result.breached()).isEqualTo(expected);
    }

    /** 20,000 open posts in work, each with an assignment's ACCEPT clock not yet due: set-based inserts. */
    private void seed(Instant now, long department) {
        long executor = jdbc.sql("select user_id from department_executor where department_id = ? limit 1")
                .param(department)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into post (external_id, source, url, text, detected_at, received_at, importance, state,
                                          last_action_at)
                        select 'BENCH-' || g, 'VK', 'https://vk.com/wall-1_' || g, 'Вопрос о пособии ' || g, :t, :t,
                               'NORMAL', 'ASSIGNED', :t
                        from generate_series(1, :n) g""").param("t", Sql.ts(now)).param("n", OPEN_POSTS).update();
        jdbc.sql("""
                        insert into assignment (post_id, department_id, executor_id, state, assigned_at)
                        select id, :d, :e, 'ASSIGNED', :t from post where external_id like 'BENCH-%'""")
                .param("d", department)
                .param("e", executor)
                .param("t", Sql.ts(now))
                .update();
        jdbc.sql("""
                        insert into deadline_clock (rule_code, post_id, assignment_id, department_id, responsible_id,
                                                    base_at, started_at, due_at, warn_at, state)
                        select 'ACCEPT', a.post_id, a.id, a.department_id, a.executor_id, :t, :t, :due, :due, 'RUNNING'
                        from assignment a join post p on p.id = a.post_id where p.external_id like 'BENCH-%'""")
                .param("t", Sql.ts(now))
                .param("due", Sql.ts(now.plus(Duration.ofHours(1))))
                .update();
    }
}
