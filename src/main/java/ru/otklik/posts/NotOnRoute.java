package ru.otklik.posts;

/**
 * The draft waits for another approver: this person is not on its route and stands in for nobody who is.
 */
public class NotOnRoute extends ForbiddenTransition {

    public NotOnRoute() {
        super("posts.draft.notOnRoute");
    }
}
