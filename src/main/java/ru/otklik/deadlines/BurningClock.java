package ru.otklik.deadlines;

import java.time.Instant;

/**
 * A post's clock that has not stopped and is breached or past its rule's warning point, as «Сегодня» lists them by
 * department.
 *
 * @param postLabel    the post's registration number (СОЦ-2026/0123), by which the Ministry names it
 * @param departmentId the department the clock measures, or {@code null} for the org department's own clocks
 * @param text         «осталось 3 мин», «просрочено на 12 мин» …
 */
public record BurningClock(
        long clockId,
        long postId,
        String postLabel,
        Long departmentId,
        String department,
        String ruleName,
        Instant dueAt,
        boolean breached,
        String text) {}
