package ru.otklik.deadlines.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.deadlines.SweepSettings;
import ru.otklik.posts.PostTimeline;

/**
 * The escalation sweep (SPEC §3, §6): every 30 seconds, on every instance, it claims due clocks with
 * {@code FOR UPDATE SKIP LOCKED}, marks them breached and performs each breach action exactly once, then sends the
 * 80 % warnings once. The unique key of {@code clock_action (clock_id, action)} makes "once" hold even if two claims
 * ever overlapped: escalations, notifications and e-mails are written only for the action rows actually inserted.
 *
 * <p>Each batch is one set-based SQL statement in its own short transaction, so the number of statements depends on
 * the number of batches (due clocks / batch size), never on the number of open posts. After a downtime the first
 * sweep catches up on everything that became due meanwhile, batch after batch.
 *
 * <p>It runs on a scheduler thread of its own ({@link DeadlineSchedulers}) and does no network I/O but the database,
 * so nothing outside Otklik (a hung mail server) can stop or delay it.
 */
@Component
public class Sweep {

    /** What one sweep did. */
    public record Result(
            int breached, int actions, int escalations, int notifications, int emails, int warned, int batches) {}

    private record Batch(
            int breached,
            int actions,
            int escalations,
            int notifications,
            int emails,
            List<PostTimeline.Line> opened) {}

    private static final Logger log = LoggerFactory.getLogger(Sweep.class);

    private static final String BREACH = """
            with claimed_due as (
                select id from deadline_clock
                where state = 'RUNNING' and due_at <= :now
                order by due_at limit :limit
                for update skip locked
            ), claimed_pending as (
                -- stopped after the due instant before a sweep came by: breached, with the action still owed
                select id from deadline_clock
                where action_pending
                limit :limit
                for update skip locked
            ), claimed as (
                select id from claimed_due union all select id from claimed_pending
            ), breached as (
                update deadline_clock c set state = 'BREACHED', breached_at = coalesce(c.breached_at, c.due_at),
                    action_pending = false
                from claimed where c.id = claimed.id
                returning c.id, c.rule_code, c.post_id, c.assignment_id, c.notice_id, c.department_id, c.stopped_at
            ), acted as (
                insert into clock_action (clock_id, action, acted_at)
                select b.id, r.breach_action, :now from breached b join deadline_rule r on r.code = b.rule_code
                on conflict do nothing
                returning clock_id, action
            ), targets as (
                select a.clock_id, a.action, d.curator_id as user_id
                  from acted a join breached b on b.id = a.clock_id join department d on d.id = b.department_id
                 where a.action in ('ESCALATE_TO_CURATOR', 'INFORM_CURATOR')
                union
                select a.clock_id, a.action, d.curator_id
                  from acted a join breached b on b.id = a.clock_id
                  join assignment s on s.post_id = b.post_id and s.state <> 'RETURNED'
                  join department d on d.id = s.department_id
                 where a.action = 'INFORM_CURATOR' and b.department_id is null
                union
                select a.clock_id, a.action, u.id from acted a join app_user u on u.coordinator and u.enabled
                 where a.action = 'INFORM_COORDINATOR'
                union
                select a.clock_id, a.action, u.id from acted a
                  join user_role ur on ur.role = 'ORG_HEAD' join app_user u on u.id = ur.user_id and u.enabled
                 where a.action = 'NOTIFY_ORG_HEAD'
            ), resolved as (
                -- the same chain of substitutes as the pages follow (people.Substitutes, V58 acting_person)
                select t.clock_id, t.action, acting_person(t.user_id, cast(:today as date)) as recipient_id
                from targets t
                where t.user_id is not null
            ), escalated as (
                insert into escalation (clock_id, post_id, assignment_id, department_id, deputy_id, opened_at)
                select distinct on (b.id) b.id, b.post_id, b.assignment_id, b.department_id, r.recipient_id, :now
                from breached b join acted a on a.clock_id = b.id and a.action = 'ESCALATE_TO_CURATOR'
                left join resolved r on r.clock_id = b.id
                where b.post_id is not null and b.stopped_at is null
                order by b.id
                on conflict do nothing
                returning id, clock_id, post_id, assignment_id, deputy_id
            ), executor_told as (
                -- the executor of the escalated part is told too: the deputy minister watches the post now
                insert into notification (recipient_id, created_at, kind, rule_code, post_id, post_label, clock_id)
                select distinct acting_person(s.executor_id, cast(:today as date)), cast(:now as timestamptz),
                       'ESCALATION', b.rule_code, e.post_id, p.registration_number, e.clock_id
                from escalated e join breached b on b.id = e.clock_id join assignment s on s.id = e.assignment_id
                join post p on p.id = e.post_id
                returning id, recipient_id, kind
            ), notified as (
                insert into notification (recipient_id, created_at, kind, rule_code, post_id, post_label, clock_id)
                select distinct r.recipient_id, cast(:now as timestamptz),
                       case when r.action = 'ESCALATE_TO_CURATOR' and b.stopped_at is null then 'ESCALATION'
                            else 'BREACH' end,
                       b.rule_code, b.post_id, coalesce(p.registration_number, n.title), b.id
                from resolved r join breached b on b.id = r.clock_id
                left join post p on p.id = b.post_id left join legislation_notice n on n.id = b.notice_id
                returning id, recipient_id, kind
            ), mailed as (
                insert into email_outbox (notification_id, recipient, created_at, next_attempt_at)
                select nt.id, u.email, :now, :now
                from (select id, recipient_id, kind from notified union all select id, recipient_id, kind
                      from executor_told) nt
                join app_user u on u.id = nt.recipient_id
                where u.enabled and u.email is not null and u.email <> '' and wants_email(u.id, nt.kind)
                returning id
            )
            select (select count(*) from breached) as breached, (select count(*) from acted) as acted,
                   (select count(*) from escalated) as escalated,
                   (select count(*) from notified) + (select count(*) from executor_told) as notified,
                   (select count(*) from mailed) as mailed,
                   array(select post_id from escalated order by id) as escalated_posts,
                   array(select assignment_id from escalated order by id) as escalated_assignments,
                   array(select deputy_id from escalated order by id) as escalated_deputies""";

    /**
     * The 80 % warning to whoever must act (the executor, or the org specialists): in the application, and by e-mail to
     * those who chose so; folded into the person's unread line of the same rule (V62 notification_group).
     */
    private static final String WARN = """
            with claimed as (
                select id from deadline_clock
                where state = 'RUNNING' and warned_at is null and warn_at <= :now and due_at > :now
                order by warn_at limit :limit
                for update skip locked
            ), warned as (
                update deadline_clock c set warned_at = :now from claimed where c.id = claimed.id
                returning c.id, c.rule_code, c.post_id, c.notice_id, c.responsible_id
            ), acted as (
                insert into clock_action (clock_id, action, acted_at)
                select id, 'WARNING', :now from warned
                on conflict do nothing
                returning clock_id
            ), targets as (
                select w.id as clock_id, w.responsible_id as user_id
                  from warned w join acted a on a.clock_id = w.id where w.responsible_id is not null
                union
                select w.id, u.id from warned w join acted a on a.clock_id = w.id
                  join user_role ur on ur.role = 'ORG_SPECIALIST' join app_user u on u.id = ur.user_id and u.enabled
                 where w.responsible_id is null
            ), resolved as (
                select t.clock_id, acting_person(t.user_id, cast(:today as date)) as recipient_id
                from targets t
            ), notified as (
                insert into notification (recipient_id, created_at, kind, rule_code, post_id, post_label, clock_id)
                select distinct r.recipient_id, cast(:now as timestamptz), 'WARNING', w.rule_code, w.post_id,
                       coalesce(p.registration_number, n.title), w.id
                from resolved r join warned w on w.id = r.clock_id
                left join post p on p.id = w.post_id left join legislation_notice n on n.id = w.notice_id
                returning id, recipient_id
            ), mailed as (
                -- only to whoever asked for warnings by e-mail (notification settings)
                insert into email_outbox (notification_id, recipient, created_at, next_attempt_at)
                select nt.id, u.email, :now, :now from notified nt join app_user u on u.id = nt.recipient_id
                where u.enabled and u.email is not null and u.email <> '' and wants_email(u.id, 'WARNING')
                returning id
            )
            select (select count(*) from warned) as warned, (select count(*) from mailed) as mailed""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;
    private final boolean scheduled;
    private SweepMetrics metrics;
    private PostTimeline timeline;

    public Sweep(DataSource dataSource, Clock clock, SweepSettings settings) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
        this.batchSize = settings.batchSize();
        this.scheduled = settings.enabled();
    }

    /**
     * Optional, so that tests and benchmarks can build a sweep by hand: puts each escalation on its post's timeline
     * (п.19), one more statement in a batch that opened any.
     */
    @Autowired(required = false)
    void recordsOn(PostTimeline timeline) {
        this.timeline = timeline;
    }

    /** Optional, so that tests and benchmarks can build a sweep by hand. */
    @Autowired(required = false)
    void measuredBy(SweepMetrics metrics) {
        this.metrics = metrics;
    }

    @Scheduled(
            fixedDelayString = "#{" + SweepSettings.BEAN + ".delayMs()}",
            initialDelayString = "#{" + SweepSettings.BEAN + ".initialDelayMs()}",
            scheduler = DeadlineSchedulers.SWEEP)
    void scheduledSweep() {
        if (!scheduled) {
            return;
        }
        try {
            Result result = sweep();
            if (result.breached() > 0 || result.warned() > 0) {
                log.info("Deadline sweep: {}", result);
            }
        } catch (RuntimeException ex) {
            // the database may be down: the next run catches up, nothing is lost
            log.warn("Deadline sweep failed, will retry: {}", ex.toString());
        }
    }

    private static List<PostTimeline.Line> opened(java.sql.ResultSet rs) throws java.sql.SQLException {
        Long[] posts = longs(rs, "escalated_posts");
        Long[] assignments = longs(rs, "escalated_assignments");
        Long[] deputies = longs(rs, "escalated_deputies");
        List<PostTimeline.Line> lines = new ArrayList<>(posts.length);
        for (int i = 0; i < posts.length; i++) {
            lines.add(new PostTimeline.Line(posts[i], assignments[i], null, deputies[i], null));
        }
        return lines;
    }

    private static Long[] longs(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? new Long[0] : (Long[]) array.getArray();
    }

    /** Acts on every clock due now, then warns on every clock 80 % used; callable directly (tests, benchmarks). */
    public Result sweep() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        LocalDate today = MinistryTime.date(now);
        int breached = 0;
        int actions = 0;
        int escalations = 0;
        int notifications = 0;
        int emails = 0;
        int batches = 0;
        Batch batch;
        do {
            batch = transactions.execute(status -> {
                Batch done = jdbc.sql(BREACH)
                        .param("now", Sql.ts(now))
                        .param("today", today)
                        .param("limit", batchSize)
                        .query((rs, n) -> new Batch(
                                rs.getInt("breached"),
                                rs.getInt("acted"),
                                rs.getInt("escalated"),
                                rs.getInt("notified"),
                                rs.getInt("mailed"),
                                opened(rs)))
                        .single();
                if (timeline != null) {
                    // in the batch's transaction: the escalation and its line on the timeline, or neither
                    timeline.record(PostTimeline.Note.ESCALATED, done.opened(), now);
                }
                return done;
            });
            batches++;
            breached += batch.breached();
            actions += batch.actions();
            escalations += batch.escalations();
            notifications += batch.notifications();
            emails += batch.emails();
            // a batch claims up to batchSize due clocks and as many owed their action: a full one may hold more
        } while (batch.breached() >= batchSize);
        int warned = 0;
        int count;
        do {
            count = transactions.execute(status -> jdbc.sql(WARN)
                    .param("now", Sql.ts(now))
                    .param("today", today)
                    .param("limit", batchSize)
                    .query((rs, n) -> rs.getInt("warned"))
                    .single());
            batches++;
            warned += count;
        } while (count == batchSize);
        Result result = new Result(breached, actions, escalations, notifications, emails, warned, batches);
        if (metrics != null) {
            metrics.swept(now, started, result);
        }
        return result;
    }
}
