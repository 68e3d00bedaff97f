package ru.otklik.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.deadlines.internal.Notifications;
import ru.otklik.deadlines.internal.Sql;
import ru.otklik.deadlines.internal.Sweep;
import ru.otklik.posts.Importance;
import ru.otklik.posts.SentToCur;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.TestConfig;

/**
 * The sweep acts on each breach exactly once: run twice, run concurrently, run after a downtime.
 */
class SweepIT extends DeadlineIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    Notifications notifications;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void sweepWhatOtherTestsLeftDue() {
        sweep.sweep();
    }

    @AfterEach
    void resetClock() {
        clock.set(TestConfig.START);
    }

    @Test
    void anUnacceptedPostIsEscalatedToTheCuratingDeputyOnceEvenIfTheSweepRunsTwice() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        fx.route(post.getId(), Importance.NORMAL, "executor");
        long deputy = fx.user("deputy").getId();
        long unreadBefore = notifications.unreadCount(deputy);

        clock.advance(Duration.ofMinutes(16));
        sweep.sweep();
        sweep.sweep();

        assertThat(fx.clock(post.getId(), "ACCEPT").state()).isEqualTo("BREACHED");
        assertThat(jdbc.sql("select deputy_id from escalation where post_id = ?")
                        .param(post.getId())
                        .query(Long.class)
                        .list())
                .containsExactly(deputy);
        // the deputy, and the executor whose post the deputy watches now (issue 17), each told once
        assertThat(jdbc.sql("select recipient_id from notification where post_id = ? and kind = 'ESCALATION'")
                        .param(post.getId())
                        .query(Long.class)
                        .list())
                .containsExactlyInAnyOrder(deputy, fx.user("executor").getId());
        assertThat(notifications.unreadCount(deputy)).isGreaterThan(unreadBefore);
        // the e-mail copies wait in the outbox, written with the notifications
        assertThat(jdbc.sql("select count(*) from email_outbox o join notification n on n.id = o.notification_id"
                                + " where n.post_id = ? and n.kind = 'ESCALATION'")
                        .param(post.getId())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void theEightyPercentWarningGoesOnceToTheExecutor() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        fx.route(post.getId(), Importance.NORMAL, "executor");
        clock.advance(Duration.ofMinutes(12)); // 12 of 15 working minutes: 80 %

        sweep.sweep();
        sweep.sweep();

        assertThat(jdbc.sql("select count(*) from notification where ? = any(group_post_ids) and kind = 'WARNING'"
                                + " and rule_code = 'ACCEPT' and recipient_id = ?")
                        .params(post.getId(), fx.user("executor").getId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(fx.clock(post.getId(), "ACCEPT").state()).isEqualTo("RUNNING");
    }

    @Test
    void afterADowntimeTheFirstSweepActsOnEverythingThatBecameDue() {
        Post first = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        Post second = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);

        clock.advance(Duration.ofHours(30)); // the application was down overnight

        Sweep.Result result = sweep.sweep();
        assertThat(result.breached()).isGreaterThanOrEqualTo(6);
        for (Post post : List.of(first, second)) {
            assertThat(fx.clocks(post.getId()))
                    .extracting(DeadlineFixtures.Row::state)
                    .containsOnly("BREACHED");
            assertThat(jdbc.sql("select count(*) from clock_action a join deadline_clock c on c.id = a.clock_id"
                                    + " where c.post_id = ? and a.action <> 'WARNING'")
                            .param(post.getId())
                            .query(Long.class)
                            .single())
                    .isEqualTo(3);
        }
    }

    @Test
    void twoSweepsAtOnceOverTwoThousandOverdueClocksActOnEachExactlyOnce() throws Exception {
        String run = "SWEEP-" + System.nanoTime();
        List<Long> clockIds = seedOverdue(run, 2000);
        try {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Callable<Sweep.Result> task = () -> sweep.sweep();
            List<Future<Sweep.Result>> results = pool.invokeAll(List.of(task, task));
            pool.shutdown();
            int breached = 0;
            for (Future<Sweep.Result> f : results) {
                breached += f.get().breached();
            }
            assertThat(breached).isEqualTo(2000);
            assertThat(jdbc.sql("select count(*) from clock_action where clock_id in (:ids)")
                            .param("ids", clockIds)
                            .query(Long.class)
                            .single())
                    .isEqualTo(2000);
            // every clock notified each org head exactly once
            long orgHeads = jdbc.sql("select count(*) from user_role r join app_user u on u.id = r.user_id"
                            + " where r.role = 'ORG_HEAD' and u.enabled")
                    .query(Long.class)
                    .single();
            // (folded into one line per org head: V62 notification_group; each post once in it)
            String told = """
                    select n.recipient_id, g.post_id from notification n cross join unnest(n.group_post_ids) g(post_id)
                    where n.kind = 'BREACH' and g.post_id in (select post_id from deadline_clock where id in (:ids))""";
            assertThat(jdbc.sql("select count(*) from (" + told + ") t")
                            .param("ids", clockIds)
                            .query(Long.class)
                            .single())
                    .isEqualTo(2000 * orgHeads);
            assertThat(jdbc.sql("select count(*) from (select recipient_id, post_id from (" + told
                                    + ") t group by 1, 2 having count(*) > 1) d")
                            .param("ids", clockIds)
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("select count(distinct n.id) from (" + told.replace("n.recipient_id, g.post_id", "n.id")
                                    + ") n")
                            .param("ids", clockIds)
                            .query(Long.class)
                            .single())
                    .as("one line per org head, not 2000")
                    .isEqualTo(orgHeads);
        } finally {
            cleanUp(clockIds);
        }
    }

    @Test
    void aSweepRunsTheSameNumberOfStatementsForTenOrFourHundredDueClocks() {
        AtomicInteger statements = new AtomicInteger();
        Sweep counted = new Sweep(counting(dataSource, statements), clock, new SweepSettings(false, 30000, 5000, 500));

        List<Long> few = seedOverdue("COUNT-A-" + System.nanoTime(), 10);
        counted.sweep();
        int forFew = statements.getAndSet(0);

        List<Long> many = seedOverdue("COUNT-B-" + System.nanoTime(), 400);
        counted.sweep();
        int forMany = statements.get();

        cleanUp(few);
        cleanUp(many);
        assertThat(forFew).isEqualTo(2); // one breach batch, one warning batch
        assertThat(forMany).isEqualTo(forFew);
    }

    @Test
    void clocksStillOwedTheirActionDoNotCutTheCatchUpShort() {
        // a batch claims due clocks and clocks owed their action together: more than the batch size in all
        Sweep smallBatches = new Sweep(dataSource, clock, new SweepSettings(false, 30000, 5000, 2));
        List<Long> due = seedOverdue("BATCH-DUE-" + System.nanoTime(), 3);
        List<Long> owed = seedOverdue("BATCH-OWED-" + System.nanoTime(), 2);
        jdbc.sql("update deadline_clock set state = 'BREACHED', stopped_at = due_at, breached_at = due_at,"
                        + " action_pending = true where id in (:ids)")
                .param("ids", owed)
                .update();
        try {
            smallBatches.sweep();
            assertThat(jdbc.sql("select count(*) from deadline_clock where state = 'RUNNING' and id in (:ids)")
                            .param("ids", due)
                            .query(Long.class)
                            .single())
                    .as("due clocks left running")
                    .isZero();
            assertThat(jdbc.sql("select count(*) from deadline_clock where action_pending and id in (:ids)")
                            .param("ids", owed)
                            .query(Long.class)
                            .single())
                    .as("actions still owed")
                    .isZero();
        } finally {
            cleanUp(due);
            cleanUp(owed);
        }
    }

    @Test
    void anIntermediateAnswerSentToCurOwesTheFinalOneBySevenWorkingDaysEvenBeforeItIsPosted() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        // sent to ЦУР on Monday 2026-12-07 and never posted: п.13 counts «со дня направления»
        transactions.executeWithoutResult(status ->
                events.publishEvent(new SentToCur(post.getId(), 1, true, Instant.parse("2026-12-07T04:00:00Z"))));

        clock.set(Instant.parse("2026-12-16T10:29:00Z")); // Wednesday 2026-12-16 17:29, a minute before the end
        sweep.sweep();
        assertThat(fx.clock(post.getId(), "FINAL_ANSWER").state()).isEqualTo("RUNNING");

        clock.set(Instant.parse("2026-12-16T10:31:00Z"));
        sweep.sweep();
        assertThat(fx.clock(post.getId(), "FINAL_ANSWER").state()).isEqualTo("BREACHED");
        assertThat(jdbc.sql(
                                "select count(*) from clock_action a join deadline_clock c on c.id = a.clock_id"
                                        + " where c.post_id = ? and c.rule_code = 'FINAL_ANSWER' and a.action = 'INFORM_COORDINATOR'")
                        .param(post.getId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aCancelledClockIsNeverActedOn() {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        clock.advance(Duration.ofMinutes(5));
        posts.returnToCur(
                post.getId(), fx.version(post.getId()), "Вне компетенции Министерства", fx.actor("specialist"));

        clock.advance(Duration.ofHours(30));
        sweep.sweep();

        assertThat(fx.clock(post.getId(), "ANSWER").state()).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select count(*) from clock_action a join deadline_clock c on c.id = a.clock_id"
                                + " where c.post_id = ?")
                        .param(post.getId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** Closed posts with one ROUTE clock each, overdue by an hour, inserted set-based. */
    private List<Long> seedOverdue(String prefix, int count) {
        Instant base = clock.instant().minus(Duration.ofHours(2));
        jdbc.sql("""
                        insert into post (external_id, source, url, text, detected_at, received_at, importance, state,
                                          last_action_at, closed_at)
                        select :prefix || '-' || g, 'VK', 'https://vk.com/wall-1_1', 'Тест', :base, :base, 'NORMAL',
                               'ANSWERED', :base, :base
                        from generate_series(1, :count) g""")
                .param("prefix", prefix)
                .param("base", Sql.ts(base))
                .param("count", count)
                .update();
        return jdbc.sql("""
                        insert into deadline_clock (rule_code, post_id, base_at, started_at, due_at, warn_at, state)
                        select 'ROUTE', p.id, :base, :base, :due, :due, 'RUNNING' from post p
                        where p.external_id like :prefix || '-%'
                        returning id""")
                .param("base", Sql.ts(base))
                .param("due", Sql.ts(base.plus(Duration.ofHours(1))))
                .param("prefix", prefix)
                .query(Long.class)
                .list();
    }

    private void cleanUp(List<Long> clockIds) {
        jdbc.sql(
                        "delete from email_outbox where notification_id in (select id from notification where clock_id in (:ids))")
                .param("ids", clockIds)
                .update();
        jdbc.sql("""
                        delete from email_outbox where notification_id in (select id from notification
                        where group_post_ids && array(select post_id from deadline_clock where id in (:ids)))""").param("ids", clockIds).update();
        jdbc.sql("""
                        delete from notification where clock_id in (:ids)
                           or group_post_ids && array(select post_id from deadline_clock where id in (:ids))""").param("ids", clockIds).update();
    }

    /** A data source that counts the SQL statements prepared on its connections. */
    static DataSource counting(DataSource target, AtomicInteger statements) {
        InvocationHandler dataSourceHandler = (proxy, method, args) -> {
            Object result = method.invoke(target, args);
            if (result instanceof Connection connection) {
                return Proxy.newProxyInstance(
                        SweepIT.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
                            if (m.getName().equals("prepareStatement")
                                    || m.getName().equals("createStatement")
                                    || m.getName().equals("prepareCall")) {
                                statements.incrementAndGet();
                            }
                            try {
                                return m.invoke(connection, a);
                            } catch (java.lang.reflect.InvocationTargetException ex) {
                                throw ex.getCause();
                            }
                        });
            }
            return result;
        };
        return (DataSource) Proxy.newProxyInstance(
                SweepIT.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    try {
                        return dataSourceHandler.invoke(proxy, method, args);
                    } catch (java.lang.reflect.InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                });
    }
}
