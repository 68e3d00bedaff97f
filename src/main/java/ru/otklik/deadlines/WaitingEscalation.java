package ru.otklik.deadlines;

import java.time.Instant;

/**
 * An open escalation as «Сегодня» lists it: the post it is about, its department and when it opened.
 *
 * @param postLabel the post's registration number (СОЦ-2026/0123), by which the Ministry names it
 * @param department the department's name, or {@code null}
 */
public record WaitingEscalation(long id, long postId, String postLabel, String department, Instant openedAt) {}
