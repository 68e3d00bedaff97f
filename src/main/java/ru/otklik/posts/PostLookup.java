package ru.otklik.posts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.posts.internal.ChangeFeed;
import ru.otklik.posts.internal.Draft;
import ru.otklik.posts.internal.DraftVersion;
import ru.otklik.posts.internal.Post;
import ru.otklik.posts.internal.Posts;

/**
 * The small read API of the posts module for other modules: a post's summary and who may see which posts. Other
 * modules never touch the post aggregate or its repository.
 */
@Service
@Transactional(readOnly = true)
public class PostLookup {

    private static final String BRIEF = """
            select p.id, p.registration_number, p.external_id, p.state, p.importance, p.received_at, left(p.text, 160) as excerpt,
                   (select string_agg(distinct d.name, ', ') from assignment a join department d on d.id = a.department_id
                    where a.post_id = p.id and a.state <> 'RETURNED') as departments
            from post p
            """;

    private final Posts posts;
    private final ChangeFeed feed;
    private final JdbcClient jdbc;

    PostLookup(Posts posts, ChangeFeed feed, JdbcClient jdbc) {
        this.posts = posts;
        this.feed = feed;
        this.jdbc = jdbc;
    }

    /**
     * The open posts of high importance, oldest first: all of them, or those a department of the given ones works
     * on.
     *
     * @param departmentIds the departments, or {@code null} for all
     */
    public List<PostBrief> openHighImportance(Set<Long> departmentIds) {
        boolean all = departmentIds == null;
        return jdbc.sql(BRIEF + """
                        where p.importance = 'HIGH' and p.state not in ('ANSWERED', 'RETURNED_TO_CUR', 'NOT_PROCESSED')
                          and (:all or exists (select 1 from assignment a where a.post_id = p.id
                                               and a.state <> 'RETURNED' and a.department_id in (:scope)))
                        order by p.received_at, p.id limit 500""")
                .param("all", all)
                .param("scope", all || departmentIds.isEmpty() ? Set.of(-1L) : departmentIds)
                .query(PostLookup::brief)
                .list();
    }

    /**
     * The posts whose draft waits for the approval of one of these people (a person and those they stand in for),
     * oldest submission first: the same drafts as «На согласовании» shows.
     */
    public List<PostBrief> awaitingApprovalOf(Set<Long> approverIds) {
        if (approverIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(BRIEF + """
                        join draft dr on dr.post_id = p.id and (dr.current_approver_id in (:approvers)
                            or exists (select 1 from draft_part_approval pa where pa.draft_id = dr.id
                                       and pa.approved_at is null and pa.head_id in (:approvers)))
                        where p.state = 'IN_APPROVAL' and dr.posted_at is null
                        order by dr.submitted_at, dr.id limit 200""")
                .param("approvers", approverIds)
                .query(PostLookup::brief)
                .list();
    }

    private static PostBrief brief(ResultSet rs, int n) throws SQLException {
        Timestamp received = rs.getTimestamp("received_at");
        return new PostBrief(
                rs.getLong("id"),
                rs.getString("registration_number"),
                rs.getString("external_id"),
                PostState.valueOf(rs.getString("state")),
                Importance.valueOf(rs.getString("importance")),
                received == null ? null : received.toInstant(),
                rs.getString("excerpt"),
                rs.getString("departments"));
    }

    public Optional<PostSummary> find(long postId) {
        return posts.findById(postId).map(PostLookup::summary);
    }

    /** Those of the given posts that the actor may see: the same rule as the post's page. */
    public Set<Long> visibleTo(Collection<Long> postIds, Actor actor) {
        if (postIds.isEmpty()) {
            return Set.of();
        }
        return posts.findAllById(postIds).stream()
                .filter(p -> p.maySee(actor))
                .map(Post::getId)
                .collect(Collectors.toSet());
    }

    /**
     * One page of ЦУР's feed: the posts (in the given state, or any) that changed after {@code after}, in the order of
     * their change, then of their id.
     *
     * <p>Only changes made before the oldest transaction still running began are read ({@link ChangeFeed}): a change
     * is stamped with its transaction's start, so one that commits later than others never appears behind a cursor
     * that has already passed it. Such a change is read on the next page instead, once its transaction has ended.
     *
     * @param after where the previous page ended, or the instant ЦУР asks from; {@code null} from the first post
     * @param limit the most posts on the page
     */
    public List<PostSummary> changedAfter(PostState state, ChangeCursor after, int limit) {
        List<Long> ids = feed.changedAfter(state, after, limit);
        Map<Long, Post> loaded =
                posts.findAllById(ids).stream().collect(Collectors.toMap(Post::getId, Function.identity()));
        return ids.stream()
                .map(loaded::get)
                .filter(Objects::nonNull)
                .map(PostLookup::summary)
                .toList();
    }

    static PostSummary summary(Post post) {
        Draft posted = post.lastPostedAnswer();
        Draft open = post.openDraft();
        DraftVersion latest = open == null ? null : open.latest();
        boolean closedWithReason =
                post.getState() == PostState.RETURNED_TO_CUR || post.getState() == PostState.NOT_PROCESSED;
        return new PostSummary(
                post.getId(),
                post.getVersion(),
                post.getExternalId(),
                post.getRegistrationNumber(),
                post.getState(),
                post.getReceivedAt(),
                post.getAssignments().stream().map(a -> a.getId()).toList(),
                posted == null ? null : answer(posted),
                post.getChangedAt(),
                closedWithReason ? post.getClosingReason() : null,
                post.getClosedAt(),
                post.getState() == PostState.AT_CUR && latest != null
                        ? new PostSummary.DraftAtCur(
                                open.getId(),
                                open.isIntermediate(),
                                latest.getNumber(),
                                latest.getText(),
                                open.getSentToCurAt())
                        : null,
                post.getDrafts().stream()
                        .filter(Draft::isPosted)
                        .map(PostLookup::answer)
                        .toList());
    }

    private static PostSummary.PostedAnswer answer(Draft posted) {
        return new PostSummary.PostedAnswer(
                posted.getPostedUrl(), posted.getPostedText(), posted.isIntermediate(), posted.getPostedAt());
    }
}
