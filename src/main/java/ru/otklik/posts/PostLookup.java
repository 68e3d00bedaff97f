package ru.otklik.posts;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.posts.internal.Draft;
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

    PostLookup(Posts posts) {
        this.posts = posts;
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

    static PostSummary summary(Post post) {
        Draft posted = post.lastPostedAnswer();
        return new PostSummary(
                post.getId(),
                post.getVersion(),
                post.getExternalId(),
                post.getState(),
                post.getReceivedAt(),
                post.getAssignments().stream().map(a -> a.getId()).toList(),
                posted == null ? null : new PostSummary.PostedAnswer(posted.getPostedUrl(), posted.getPostedText()));
    }
}
