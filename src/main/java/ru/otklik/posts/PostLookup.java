package ru.otklik.posts;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    private final Posts posts;
    private final ChangeFeed feed;

    PostLookup(Posts posts, ChangeFeed feed) {
        this.posts = posts;
        this.feed = feed;
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
