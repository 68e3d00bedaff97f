package ru.otklik.posts;

/**
 * One line of a routing decision: the department and the executor in it.
 */
public record Routing(long departmentId, long executorId) {}
