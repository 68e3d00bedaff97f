package ru.otklik.posts;

/**
 * The person the draft waits for (or their substitute) wrote it: nobody approves their own draft (SPEC §1).
 */
public class OwnDraftApproval extends ForbiddenTransition {

    public OwnDraftApproval() {
        super("posts.draft.ownDraft");
    }
}
