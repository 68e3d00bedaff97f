package ru.otklik.posts;

/**
 * What became of a department's part of a joint post (п.15) that the department returned (п.14): it waits for the
 * org specialist, who sends it to another department or leaves it out of the joint answer.
 */
public enum PartState {
    AWAITING_REROUTE,
    REROUTED,
    EXCLUDED
}
