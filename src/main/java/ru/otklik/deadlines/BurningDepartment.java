package ru.otklik.deadlines;

import java.util.List;

/**
 * A department's clocks on «Сегодня»: how many are breached and how many are past their rule's warning point, and the
 * most urgent of them by name.
 *
 * @param departmentId the department, or {@code null} for the org department's own clocks (routing, posting …)
 * @param department   its name, or {@code null} for the org department
 * @param mostUrgent   at most {@link Clocks#SHOWN_PER_DEPARTMENT}: breached first, then soonest due
 */
public record BurningDepartment(
        Long departmentId, String department, long breached, long atRisk, List<BurningClock> mostUrgent) {

    /** All the department's burning clocks, listed or not. */
    public long total() {
        return breached + atRisk;
    }

    /** How many burning clocks the list leaves out. */
    public long notListed() {
        return total() - mostUrgent.size();
    }
}
