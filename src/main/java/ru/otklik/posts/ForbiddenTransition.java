package ru.otklik.posts;

/**
 * A transition the post's state or the actor's role does not allow; the post is left unchanged.
 */
public class ForbiddenTransition extends RuntimeException {

    public ForbiddenTransition(String message) {
        super(message);
    }
}
