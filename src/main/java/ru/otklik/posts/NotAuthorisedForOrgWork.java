package ru.otklik.posts;

/**
 * An org specialist whom the org head has not authorised tried to route a post, return it to ЦУР, refuse it or post
 * an answer (Приказ п.2.2).
 */
public class NotAuthorisedForOrgWork extends ForbiddenTransition {

    public NotAuthorisedForOrgWork() {
        super("posts.refusal.notAuthorised");
    }
}
