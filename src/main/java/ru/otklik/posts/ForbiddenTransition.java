package ru.otklik.posts;

import java.util.Arrays;

/**
 * A transition the post's state or the actor's role does not allow; the post is left unchanged. Carries the key of
 * the text a page shows ({@code posts.refusal.*}).
 */
public class ForbiddenTransition extends RuntimeException implements Refusal {

    /** Not in this state, or not for this person: the page says the post changed or the action is not theirs. */
    public static final String NOT_NOW = "posts.refusal.notNow";

    private final String messageKey;
    private final Object[] args;

    /**
     * @param messageKey the key of the refusal's text in the messages bundle
     * @param args the text's arguments
     */
    public ForbiddenTransition(String messageKey, Object... args) {
        super(args.length == 0 ? messageKey : messageKey + " " + Arrays.toString(args));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    @Override
    public String messageKey() {
        return messageKey;
    }

    @Override
    public Object[] args() {
        return args.clone();
    }
}
