package ru.otklik.deadlines.internal;

import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.people.CurrentUser;
import ru.otklik.posts.Actor;
import ru.otklik.posts.PostLookup;
import ru.otklik.posts.PostManagement;

/**
 * The same per-post visibility as the post's page ({@link PostLookup#visibleTo}): an executor sees the clocks of their own
 * posts only.
 */
@Component
public class PostAccess {

    private final PostLookup posts;
    private final PostManagement management;

    PostAccess(PostLookup posts, PostManagement management) {
        this.posts = posts;
        this.management = management;
    }

    Actor actor(CurrentUser user) {
        return management.actor(user.id(), user.roles());
    }

    @Transactional(readOnly = true)
    public Set<Long> visible(Collection<Long> postIds, CurrentUser user) {
        return posts.visibleTo(postIds, actor(user));
    }

    @Transactional(readOnly = true)
    public boolean maySee(long postId, CurrentUser user) {
        return visible(Set.of(postId), user).contains(postId);
    }
}
