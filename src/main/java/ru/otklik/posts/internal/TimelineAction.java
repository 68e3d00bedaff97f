package ru.otklik.posts.internal;

/**
 * What happened to a post, as its timeline records it (п.19).
 */
public enum TimelineAction {
    REGISTERED,
    ROUTED,
    IMPORTANCE_CHANGED,
    ACCEPTED,
    RETURNED_BY_EXECUTOR,
    RETURNED_TO_CUR,
    REFUSED,
    REASSIGNED,
    /** A version of the draft was saved. */
    DRAFT_SAVED,
    /** The draft was sent to the approvers (п.10), also after rework (п.12). */
    DRAFT_SUBMITTED,
    /** The department head approved; the draft goes to the second-level approver. */
    DRAFT_APPROVED_BY_HEAD,
    /** The last approver approved: ready to be sent to ЦУР. */
    DRAFT_APPROVED,
    /** An approver returned the draft for rework with a comment (п.12). */
    DRAFT_RETURNED,
    SENT_TO_CUR,
    CUR_APPROVED,
    /** ЦУР returned the draft for rework with its comment (п.11, п.12). */
    CUR_RETURNED,
    ANSWER_POSTED,
    /** An executor of a joint post sent their department's contribution (п.15). */
    CONTRIBUTION_SUBMITTED,
    /** An executor flagged the post as not to be processed under п.18; an org specialist confirms or dismisses it. */
    P18_FLAGGED,
    /** An org specialist dismissed an executor's п.18 flag (a confirmed flag is {@link #REFUSED}). */
    P18_FLAG_DISMISSED,
    /** The curating deputy minister handed a not accepted assignment back to the org specialist (п.9, п.14). */
    HANDED_BACK,
    /** The org specialist sent a returned part of a joint post to another department (п.14, п.15). */
    PART_REROUTED,
    /** The org specialist left a returned part out of the joint answer, with the reason. */
    PART_EXCLUDED,
    /** An ACCEPT breach handed the post to the curating deputy minister (п.9). */
    ESCALATED,
    /** The deputy minister commented on the escalation. */
    ESCALATION_COMMENTED,
    /** The escalation was closed: by the deputy, or by itself once the post moved on. */
    ESCALATION_CLOSED,
    /** Linked to earlier posts on the same question (п.16): at arrival (same author or link) or by the specialist. */
    REPEAT_LINKED,
    /** The org specialist removed a link to another post (п.16). */
    REPEAT_UNLINKED,
    /** The org specialist said a similar post is not a repeat of this one (п.16). */
    REPEAT_DISMISSED,
    /** A file was attached to the post, its draft or its posted answer; the comment names the file. */
    ATTACHMENT_ADDED,
    /** Its uploader removed an attachment while the post was open; the comment names the file. */
    ATTACHMENT_REMOVED
}
