package ru.otklik.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Work goes only to a department's executors who may take it: enabled and holding the executor's role. The route
 * form, the escalation page and the routing command all ask the department summary.
 */
class DepartmentSummaryTest {

    private static PersonSummary person(long id, String name, boolean enabled, Role... roles) {
        return new PersonSummary(
                id,
                "p" + id,
                name,
                null,
                roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles),
                enabled,
                false);
    }

    private final PersonSummary active = person(1, "Андреев", true, Role.EXECUTOR);
    private final PersonSummary disabled = person(2, "Борисов", false, Role.EXECUTOR);
    private final PersonSummary noLongerExecutor = person(3, "Васильев", true, Role.DEPT_HEAD);
    private final PersonSummary alsoHead = person(4, "Григорьев", true, Role.EXECUTOR, Role.DEPT_HEAD);

    private final DepartmentSummary department =
            new DepartmentSummary(10, "Отдел", null, null, List.of(active, disabled, noLongerExecutor, alsoHead));

    @Test
    void onlyEnabledExecutorsMayBeGivenWorkInNameOrder() {
        assertThat(department.activeExecutors()).containsExactly(active, alsoHead);
    }

    @Test
    void aDisabledOrFormerExecutorIsNoActiveExecutor() {
        assertThat(department.hasActiveExecutor(1)).isTrue();
        assertThat(department.hasActiveExecutor(2)).isFalse();
        assertThat(department.hasActiveExecutor(3)).isFalse();
        assertThat(department.hasActiveExecutor(99)).isFalse();
    }
}
