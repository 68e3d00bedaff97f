package ru.otklik.deadlines;

import java.time.Instant;

/**
 * A clock as a page shows it now: its rule, due instant, state and the remaining (or overdue) time as text.
 *
 * @param tone   {@code ok} (green), {@code warn} (amber, from the rule's warning percentage), {@code breached}
 *               (red), {@code met} (stopped in time) or {@code cancelled} (grey: the post left the clock's path)
 * @param text   «осталось 7 раб. мин», «просрочено на 12 мин», «выполнено в срок», «отменён: сообщение возвращено
 *               в ЦУР» …
 * @param label  the full sentence for screen readers: rule, text and due instant
 */
public record LiveClock(
        long id,
        String rule,
        String ruleName,
        Long postId,
        Long assignmentId,
        String department,
        Instant startedAt,
        Instant dueAt,
        Instant stoppedAt,
        ClockState state,
        ClockKind kind,
        String tone,
        String text,
        String label) {

    public boolean open() {
        return stoppedAt == null;
    }
}
