package ru.otklik.intake;

/**
 * What became of a message handed to {@link Intake#receive}.
 *
 * @param postId the new post (CREATED), the post registered earlier (REPEATED) or the post that holds the external
 *               id with other content (CONFLICT)
 */
public record Receipt(Kind kind, long postId) {

    public enum Kind {
        /** A new post was registered. */
        CREATED,
        /** The same message was received before: nothing was changed. */
        REPEATED,
        /** The external id belongs to a post with other content: nothing was changed. */
        CONFLICT
    }
}
