package ru.otklik.posts;

/**
 * What happened to a post, as its timeline records it (п.19).
 */
public enum TimelineAction {
    REGISTERED, ROUTED, IMPORTANCE_CHANGED, ACCEPTED, RETURNED_BY_EXECUTOR, RETURNED_TO_CUR, REFUSED, REASSIGNED
}
