package ru.otklik.posts;

import java.util.EnumSet;
import java.util.Set;

/**
 * The state of a post (SPEC §2). A post is in exactly one; the last three close it.
 */
public enum PostState {

    /** Received from ЦУР, waiting to be routed by an org specialist. */
    NEW,
    /** Sent to one or more executors, none of whom has accepted it yet (п.9). */
    ASSIGNED,
    /** Accepted («принято в работу») by at least one executor (п.10). */
    IN_WORK,
    /** Every executor returned it as outside their department's competence (п.14). */
    RETURNED_BY_EXECUTOR,
    /** The draft is with the approvers (п.10). */
    IN_APPROVAL,
    /** An approver or ЦУР returned the draft for rework (п.12). */
    REWORK,
    /** Approved inside the Ministry, to be sent to ЦУР (п.9). */
    READY_FOR_CUR,
    /** The draft is with ЦУР for approval. */
    AT_CUR,
    /** ЦУР approved the draft; to be posted (п.9). */
    CUR_APPROVED,
    /** An intermediate answer was posted; the final one is due (п.13). */
    AWAITING_FINAL,
    /** Closed: the final answer is posted. */
    ANSWERED,
    /** Closed: outside the Ministry's competence, returned to ЦУР (п.9, п.14). */
    RETURNED_TO_CUR,
    /** Closed: threats, obscenity or insults, not processed (п.18). */
    NOT_PROCESSED;

    private static final Set<PostState> CLOSED = EnumSet.of(ANSWERED, RETURNED_TO_CUR, NOT_PROCESSED);

    public boolean isClosed() {
        return CLOSED.contains(this);
    }

    /** Whether the org specialist has to act: route, return to ЦУР or refuse. */
    public boolean needsOrgAction() {
        return this == NEW || this == RETURNED_BY_EXECUTOR;
    }

    /** The states of closed posts, for queries. */
    public static Set<PostState> closed() {
        return EnumSet.copyOf(CLOSED);
    }
}
