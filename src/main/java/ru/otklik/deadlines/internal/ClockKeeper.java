package ru.otklik.deadlines.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.otklik.calendar.CalendarChanged;
import ru.otklik.deadlines.CancelReason;
import ru.otklik.deadlines.NotificationKind;
import ru.otklik.posts.AnswerPosted;
import ru.otklik.posts.AssignmentAccepted;
import ru.otklik.posts.AssignmentReturned;
import ru.otklik.posts.ContributionSubmitted;
import ru.otklik.posts.CurApproved;
import ru.otklik.posts.DraftApproved;
import ru.otklik.posts.DraftReturned;
import ru.otklik.posts.DraftSubmitted;
import ru.otklik.posts.Importance;
import ru.otklik.posts.ImportanceChanged;
import ru.otklik.posts.PartExcluded;
import ru.otklik.posts.PartRerouted;
import ru.otklik.posts.PostReassigned;
import ru.otklik.posts.PostRefused;
import ru.otklik.posts.PostRegistered;
import ru.otklik.posts.PostReturnedToCur;
import ru.otklik.posts.PostRouted;
import ru.otklik.posts.PostState;
import ru.otklik.posts.SentToCur;

/**
 * Starts and stops clocks on the posts' events (the mapping of SPEC §3).
 *
 * <p>Plain {@code @EventListener}s: they run synchronously inside the publisher's transaction, right at the
 * transition, so a clock is written atomically with it: if the transition rolls back, so does the clock, and if a
 * clock cannot be written, the transition fails rather than leave a post without its deadline. (A
 * {@code BEFORE_COMMIT} listener would be just as atomic, but silently skips events published outside a transaction
 * and runs later than the flush the posts module does before publishing, which we rely on for the assignment rows.)
 */
@Component
class ClockKeeper {

    static final String ROUTE = "ROUTE";
    static final String ACCEPT = "ACCEPT";
    static final String EXECUTOR_ANSWER = "EXECUTOR_ANSWER";
    static final String CUR_SUBMIT = "CUR_SUBMIT";
    static final String ANSWER = "ANSWER";
    static final String ANSWER_HIGH = "ANSWER_HIGH";
    static final String POST = "POST";
    static final String RETURN_TO_CUR = "RETURN_TO_CUR";
    static final String EXECUTOR_RETURN = "EXECUTOR_RETURN";
    static final String REROUTE = "REROUTE";
    static final String CUR_REWORK = "CUR_REWORK";
    static final String CUR_REAPPROVE = "CUR_REAPPROVE";
    static final String FINAL_ANSWER = "FINAL_ANSWER";
    static final String CONTRIBUTION = "CONTRIBUTION";
    static final String LEGISLATION_NOTICE = "LEGISLATION_NOTICE";

    private final ClockBook book;
    private final Notifications notifications;
    private final JdbcClient jdbc;

    ClockKeeper(ClockBook book, Notifications notifications, JdbcClient jdbc) {
        this.book = book;
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(PostRegistered e) {
        boolean high = e.importance() == Importance.HIGH;
        book.start(List.of(
                ClockBook.Start.ofPost(ROUTE, e.postId(), e.receivedAt(), e.receivedAt()),
                ClockBook.Start.ofPost(CUR_SUBMIT, e.postId(), e.receivedAt(), e.receivedAt()),
                ClockBook.Start.ofPost(high ? ANSWER_HIGH : ANSWER, e.postId(), e.detectedAt(), e.detectedAt())));
        if (high) {
            notifications.notifyCoordinator(NotificationKind.HIGH_POST, null, e.postId(), null, e.at());
        }
    }

    /**
     * HIGH set or cleared after the post was received: the answer's clock switches between ANSWER and ANSWER_HIGH,
     * and the coordinating deputy minister is told of a post that became HIGH (SPEC §3, п.9 ¶3–4): once per change.
     */
    @EventListener
    void on(ImportanceChanged e) {
        boolean high = e.importance() == Importance.HIGH;
        String answerRule = high ? ANSWER_HIGH : ANSWER;
        String wasRule = book.answerRuleOf(e.postId());
        if (wasRule != null && !wasRule.equals(answerRule)) {
            book.switchRule(e.postId(), wasRule, answerRule);
        }
        if (high) {
            notifications.notifyCoordinator(NotificationKind.HIGH_POST, null, e.postId(), null, e.at());
        }
    }

    @EventListener
    void on(PostRouted e) {
        book.stop(e.postId(), null, List.of(ROUTE, REROUTE), e.at());
        boolean high = e.importance() == Importance.HIGH;
        String answerRule = high ? ANSWER_HIGH : ANSWER;
        String wasRule = book.answerRuleOf(e.postId());
        if (wasRule != null && !wasRule.equals(answerRule)) {
            book.switchRule(e.postId(), wasRule, answerRule);
        }
        book.start(new ClockBook.Start(
                ACCEPT, e.postId(), e.assignmentId(), null, e.departmentId(), e.executorId(), e.at(), e.at(), null));
        book.start(new ClockBook.Start(
                EXECUTOR_ANSWER,
                e.postId(),
                e.assignmentId(),
                null,
                e.departmentId(),
                e.executorId(),
                e.at(),
                e.at(),
                null));
        // a joint post (п.15): every active assignment owes its contribution 15 working minutes before the answer
        record Active(long id, long departmentId, long executorId) {}
        List<Active> active = jdbc.sql("select id, department_id, executor_id from assignment where post_id = ?"
                        + " and state <> 'RETURNED' order by id")
                .param(e.postId())
                .query((rs, n) -> new Active(rs.getLong("id"), rs.getLong("department_id"), rs.getLong("executor_id")))
                .list();
        Instant detectedAt = book.baseOf(e.postId(), List.of(ANSWER, ANSWER_HIGH));
        if (active.size() > 1 && detectedAt != null) {
            for (Active a : active) {
                book.start(new ClockBook.Start(
                        CONTRIBUTION,
                        e.postId(),
                        a.id(),
                        null,
                        a.departmentId(),
                        a.executorId(),
                        detectedAt,
                        e.at(),
                        answerRule));
            }
        }
    }

    @EventListener
    void on(AssignmentAccepted e) {
        book.stop(e.postId(), e.assignmentId(), List.of(ACCEPT), e.at());
    }

    @EventListener
    void on(AssignmentReturned e) {
        Instant assignedAt = jdbc.sql("select assigned_at from assignment where id = ?")
                .param(e.assignmentId())
                .query((rs, n) -> Sql.instant(rs, "assigned_at"))
                .optional()
                .orElse(e.at());
        // returning is how the executor meets ACCEPT; the department's answer and contribution are no longer owed
        book.stop(e.postId(), e.assignmentId(), List.of(ACCEPT), e.at());
        book.cancel(
                e.postId(),
                e.assignmentId(),
                List.of(EXECUTOR_ANSWER, CONTRIBUTION),
                CancelReason.PART_RETURNED,
                e.at());
        book.judge(EXECUTOR_RETURN, e.postId(), e.assignmentId(), e.departmentId(), assignedAt, e.at());
        if (e.postState() == PostState.RETURNED_BY_EXECUTOR) {
            book.start(ClockBook.Start.ofPost(REROUTE, e.postId(), e.at(), e.at()));
        } else if (e.partAwaitsReroute()) {
            // a joint post's part returned while the others go on: it waits for the org specialist on its own (п.14)
            book.start(new ClockBook.Start(
                    REROUTE, e.postId(), e.assignmentId(), null, e.departmentId(), null, e.at(), e.at(), null));
        }
    }

    /**
     * A returned part sent to another department: its REROUTE is met (or breached), and the new department owes
     * acceptance, its answer and its contribution to the joint answer (п.9, п.10, п.15).
     */
    @EventListener
    void on(PartRerouted e) {
        book.stop(e.postId(), e.returnedAssignmentId(), List.of(REROUTE), e.at());
        book.start(new ClockBook.Start(
                ACCEPT, e.postId(), e.assignmentId(), null, e.departmentId(), e.executorId(), e.at(), e.at(), null));
        book.start(new ClockBook.Start(
                EXECUTOR_ANSWER,
                e.postId(),
                e.assignmentId(),
                null,
                e.departmentId(),
                e.executorId(),
                e.at(),
                e.at(),
                null));
        Instant detectedAt = book.baseOf(e.postId(), List.of(ANSWER, ANSWER_HIGH));
        String answerRule = book.answerRuleOf(e.postId());
        if (detectedAt != null && answerRule != null) {
            book.start(new ClockBook.Start(
                    CONTRIBUTION,
                    e.postId(),
                    e.assignmentId(),
                    null,
                    e.departmentId(),
                    e.executorId(),
                    detectedAt,
                    e.at(),
                    answerRule));
        }
    }

    /**
     * A returned part left out of the joint answer: the specialist's decision on it is the stop event of its REROUTE.
     * With no part left, the whole post waits for the specialist, as a returned post does.
     */
    @EventListener
    void on(PartExcluded e) {
        book.stop(e.postId(), e.assignmentId(), List.of(REROUTE), e.at());
        if (e.postState() == PostState.RETURNED_BY_EXECUTOR) {
            book.start(ClockBook.Start.ofPost(REROUTE, e.postId(), e.at(), e.at()));
        }
    }

    /**
     * A post returned to ЦУР: the return is the stop event of ROUTE and REROUTE; every other clock is cancelled (the
     * post will not be answered). Only a post never routed is judged on RETURN_TO_CUR's 30 minutes (п.9); after
     * routing, п.14's EXECUTOR_RETURN and REROUTE have judged the return already.
     */
    @EventListener
    void on(PostReturnedToCur e) {
        if (!wasRouted(e.postId())) {
            Instant receivedAt = book.baseOf(e.postId(), List.of(ROUTE, CUR_SUBMIT));
            book.judge(RETURN_TO_CUR, e.postId(), null, null, receivedAt == null ? e.at() : receivedAt, e.at());
        }
        book.stop(e.postId(), null, List.of(ROUTE, REROUTE), e.at());
        book.cancel(e.postId(), null, null, CancelReason.RETURNED_TO_CUR, e.at());
    }

    /** A post refused under п.18 is not processed: none of its clocks is owed any more. */
    @EventListener
    void on(PostRefused e) {
        book.cancel(e.postId(), null, null, CancelReason.REFUSED, e.at());
    }

    /** Whether the post was ever sent to an executor: every routing starts an ACCEPT clock. */
    private boolean wasRouted(long postId) {
        return jdbc.sql("select exists (select 1 from deadline_clock where post_id = ? and rule_code = 'ACCEPT')")
                .param(postId)
                .query(Boolean.class)
                .single();
    }

    @EventListener
    void on(PostReassigned e) {
        book.stop(e.postId(), e.assignmentId(), List.of(ACCEPT), e.at());
        book.start(new ClockBook.Start(
                ACCEPT, e.postId(), e.assignmentId(), null, e.departmentId(), e.executorId(), e.at(), e.at(), null));
        jdbc.sql("update deadline_clock set responsible_id = ? where assignment_id = ? and stopped_at is null")
                .params(e.executorId(), e.assignmentId())
                .update();
    }

    @EventListener
    void on(DraftApproved e) {
        // the approved draft reaches the org specialist: every executor's answer is in (п.10)
        book.stop(e.postId(), null, List.of(EXECUTOR_ANSWER, CUR_REAPPROVE), e.at());
    }

    @EventListener
    void on(ContributionSubmitted e) {
        book.stop(e.postId(), e.assignmentId(), List.of(CONTRIBUTION, EXECUTOR_ANSWER), e.at());
    }

    /**
     * A draft sent to ЦУР meets CUR_SUBMIT. A final one meets FINAL_ANSWER; an intermediate one starts it: seven
     * working days «со дня направления промежуточного ответа» (п.13), the day it was sent, not the day it was posted.
     */
    @EventListener
    void on(SentToCur e) {
        if (e.intermediate()) {
            book.stop(e.postId(), null, List.of(CUR_SUBMIT), e.at());
            book.start(ClockBook.Start.ofPost(FINAL_ANSWER, e.postId(), e.at(), e.at()));
        } else {
            book.stop(e.postId(), null, List.of(CUR_SUBMIT, FINAL_ANSWER), e.at());
        }
    }

    @EventListener
    void on(DraftReturned e) {
        if (e.byCur() && !e.intermediate()) {
            book.start(ClockBook.Start.ofPost(CUR_REWORK, e.postId(), e.at(), e.at()));
        }
    }

    /** п.11 ¶2 and п.12 ¶2 speak of the final draft only: an intermediate one is approved within ANSWER. */
    @EventListener
    void on(DraftSubmitted e) {
        if (e.afterCurReturn()) {
            book.stop(e.postId(), null, List.of(CUR_REWORK), e.at());
            if (!e.intermediate()) {
                book.start(ClockBook.Start.ofPost(CUR_REAPPROVE, e.postId(), e.at(), e.at()));
            }
        }
    }

    @EventListener
    void on(CurApproved e) {
        book.start(ClockBook.Start.ofPost(POST, e.postId(), e.at(), e.at()));
    }

    @EventListener
    void on(AnswerPosted e) {
        book.stop(e.postId(), null, List.of(ANSWER, ANSWER_HIGH, POST), e.at());
        if (!e.intermediate()) {
            // the post is closed (ANSWERED): what still runs (a contribution never sent, say) was not needed any
            // more, so it is cancelled, not met; one already past its due instant stays breached (SPEC §3)
            book.cancel(e.postId(), null, null, CancelReason.ANSWER_POSTED, e.at());
        }
    }

    @EventListener
    void on(CalendarChanged e) {
        book.recomputeRules(null);
    }

    static final Set<String> ALL = Set.of(
            ROUTE,
            ACCEPT,
            EXECUTOR_ANSWER,
            CUR_SUBMIT,
            ANSWER,
            ANSWER_HIGH,
            POST,
            RETURN_TO_CUR,
            EXECUTOR_RETURN,
            REROUTE,
            CUR_REWORK,
            CUR_REAPPROVE,
            FINAL_ANSWER,
            CONTRIBUTION,
            LEGISLATION_NOTICE);
}
