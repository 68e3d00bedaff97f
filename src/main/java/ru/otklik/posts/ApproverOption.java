package ru.otklik.posts;

/**
 * A second-level approver the executor may choose (п.10): the curating deputy minister (the default), a first
 * deputy minister or the minister.
 */
public record ApproverOption(long id, String name, boolean curator) {}
