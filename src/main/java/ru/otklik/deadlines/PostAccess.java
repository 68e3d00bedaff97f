package ru.otklik.deadlines;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import ru.otklik.people.CurrentUser;
import ru.otklik.posts.Actor;
import ru.otklik.posts.Post;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.Posts;

/**
 * The same per-post visibility as the post's page ({@link Post#maySee}): an executor sees the clocks of their own
 * posts only.
 */
@Component
class PostAccess {

    private final Posts posts;
    private final PostManagement management;

    PostAccess(Posts posts, PostManagement management) {
        this.posts = posts;
        this.management = management;
    }

    Actor actor(CurrentUser user) {
        return management.actor(user.id(), user.roles());
    }

    @Transactional(readOnly = true)
    Set<Long> visible(Collection<Long> postIds, CurrentUser user) {
        if (postIds.isEmpty()) {
            return Set.of();
        }
        Actor actor = actor(user);
        return posts.findAllById(postIds).stream().filter(p -> p.maySee(actor)).map(Post::getId)
                .collect(Collectors.toSet());
    }

    @Transactional(readOnly = true)
    boolean maySee(long postId, CurrentUser user) {
        return visible(Set.of(postId), user).contains(postId);
    }
}
