package ru.otklik.deadlines.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.otklik.deadlines.NotificationKind;
import ru.otklik.posts.AssignmentReturned;
import ru.otklik.posts.ContributionSubmitted;
import ru.otklik.posts.CurApproved;
import ru.otklik.posts.DraftApproved;
import ru.otklik.posts.DraftPassedOn;
import ru.otklik.posts.DraftReturned;
import ru.otklik.posts.DraftSubmitted;
import ru.otklik.posts.PartRerouted;
import ru.otklik.posts.PostReassigned;
import ru.otklik.posts.PostRouted;
import ru.otklik.posts.PostState;

/**
 * Tells the person who must act now that work has landed on them (issue 17): the executor of a new assignment, the
 * approver whose turn it is, the executor of a returned draft (with the reason), the org specialists once a post is
 * returned by its executor, the draft is approved, ЦУР has approved it or a contribution came in. Each notification goes to the person's substitute while
 * they are absent ({@link Notifications#notify}). A comment on an escalation reaches the deputy and the executor
 * ({@link Escalations#comment}); an escalation reaches the executor from the {@link Sweep} that opens it.
 *
 * <p>Plain {@code @EventListener}s, like {@link ClockKeeper}: written in the transaction of the change, so a hand-off
 * that rolls back leaves no notification (nor e-mail) behind, and one that commits always has its notification.
 *
 * <p>The org specialists' hand-offs go to every authorised org specialist: they work as one pool on shifts (Приказ
 * п.2.2), and the one who routed the post may be off by the time the draft is approved, hours later.
 */
@Component
class HandOffs {

    private final Notifications notifications;
    private final JdbcClient jdbc;

    HandOffs(Notifications notifications, JdbcClient jdbc) {
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(PostRouted e) {
        notifications.notify(e.executorId(), NotificationKind.ASSIGNMENT, null, e.postId(), null);
    }

    @EventListener
    void on(PartRerouted e) {
        notifications.notify(e.executorId(), NotificationKind.ASSIGNMENT, null, e.postId(), null);
    }

    @EventListener
    void on(PostReassigned e) {
        notifications.notify(e.executorId(), NotificationKind.ASSIGNMENT, null, e.postId(), null, e.comment());
    }

    /**
     * A post or a joint post's part returned as outside the department's competence (or handed back by the deputy
     * minister): the org specialists route it again (п.14), the reason on top.
     */
    @EventListener
    void on(AssignmentReturned e) {
        if (e.postState() == PostState.RETURNED_BY_EXECUTOR || e.partAwaitsReroute()) {
            notifications.notifyEach(notifications.orgSpecialists(), NotificationKind.RETURNED, e.postId(), e.reason());
        }
    }

    /**
     * The draft goes to the department head first (п.10), after a return too (п.12); a joint answer to the head of
     * every contributing department at once (п.15).
     */
    @EventListener
    void on(DraftSubmitted e) {
        approversOf(e.draftId())
                .forEach(approver -> notifications.notify(approver, NotificationKind.APPROVAL, null, e.postId(), null));
    }

    @EventListener
    void on(DraftPassedOn e) {
        notifications.notify(e.approverId(), NotificationKind.APPROVAL, null, e.postId(), null);
    }

    /** Back to the draft's executor, with the approver's or ЦУР's reason on top. */
    @EventListener
    void on(DraftReturned e) {
        authorOf(e.draftId())
                .ifPresent(author -> notifications.notify(
                        author,
                        e.byCur() ? NotificationKind.CUR_RETURNED : NotificationKind.REWORK,
                        null,
                        e.postId(),
                        null,
                        e.comment()));
    }

    @EventListener
    void on(DraftApproved e) {
        notifications.notifyEach(notifications.orgSpecialists(), NotificationKind.APPROVED, e.postId(), null);
    }

    @EventListener
    void on(CurApproved e) {
        notifications.notifyEach(notifications.orgSpecialists(), NotificationKind.CUR_APPROVED, e.postId(), null);
    }

    @EventListener
    void on(ContributionSubmitted e) {
        notifications.notifyEach(notifications.orgSpecialists(), NotificationKind.CONTRIBUTION, e.postId(), null);
    }

    /** A comment on an escalation: to the deputy and the executor, save its author. */
    void commented(long escalationId, long postId, long authorId, String text) {
        List<Long> recipients = new ArrayList<>();
        jdbc.sql("""
                        select e.deputy_id as person from escalation e where e.id = :id and e.deputy_id is not null
                        union
                        select a.executor_id from escalation e join assignment a on a.id = e.assignment_id
                        where e.id = :id""").param("id", escalationId).query(Long.class).list().forEach(p -> {
            if (p != authorId) {
                recipients.add(p);
            }
        });
        notifications.notifyEach(recipients, NotificationKind.COMMENT, postId, text);
    }

    /** Whom the draft waits for: its current approver, or the heads whose parts of a joint answer wait. */
    private List<Long> approversOf(long draftId) {
        return jdbc.sql("""
                        select current_approver_id from draft where id = :draft and current_approver_id is not null
                        union
                        select head_id from draft_part_approval where draft_id = :draft and approved_at is null""").param("draft", draftId).query(Long.class).list();
    }

    /**
     * The executor of the draft's department on the post (an approver's correction may be the latest version, so not
     * its author), else whoever wrote its first version.
     */
    private Optional<Long> authorOf(long draftId) {
        return jdbc.sql("""
                        select coalesce(
                            (select a.executor_id from draft d join assignment a
                               on a.post_id = d.post_id and a.department_id = d.department_id and a.state <> 'RETURNED'
                             where d.id = :draft order by a.id desc limit 1),
                            (select v.author_id from draft_version v where v.draft_id = :draft
                             order by v.number limit 1))""")
                .param("draft", draftId)
                .query(Long.class)
                .optional()
                .filter(java.util.Objects::nonNull);
    }
}
