package ru.otklik.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.BeanPropertyBindingResult;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.people.internal.Absence;
import ru.otklik.people.internal.Absences;
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.Users;
import ru.otklik.people.web.DepartmentForm;
import ru.otklik.posts.Actor;
import ru.otklik.posts.PostManagement;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.MutableClock;
import ru.otklik.support.TestConfig;

/**
 * What {@link PeopleCache} keeps is never older than the change (issue 20): a withdrawn authority, a new head, a
 * disabled executor and an absence that begins at midnight take effect on the next read; a missed notification is
 * made up for by the revision; a rolled-back change leaves nothing behind.
 */
@IntegrationTest
class PeopleCacheCorrectnessIT {

    @Autowired
    PeopleCache cache;

    @Autowired
    PeopleLookup lookup;

    @Autowired
    PeopleManagement people;

    @Autowired
    PostManagement posts;

    @Autowired
    Users users;

    @Autowired
    Departments departments;

    @Autowired
    Absences absences;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anAbsenceThatBeginsTomorrowPutsTheSubstituteInChargeAtMidnightWithoutAnyChange() {
        long absent = account("cache-absent", Role.DEPT_HEAD);
        long substitute = account("cache-substitute", Role.DEPT_HEAD);
        long department = department("Отдел отпуска (тест) ", absent).id();
        LocalDate today = MinistryTime.date(clock.instant());
        absences.saveAndFlush(
                new Absence(absent, today.plusDays(1), today.plusDays(3), AbsenceKind.VACATION, substitute, null));
        try {
            Actor todays = actor(substitute);
            assertThat(actor(substitute)).as("kept").isEqualTo(todays);
            assertThat(todays.substitutedIds()).isEmpty();
            assertThat(todays.heads(department)).isFalse();
            assertThat(lookupEffective(absent)).isEqualTo(absent);

            // midnight in Novokuznetsk: nothing in the tables changes
            clock.set(today.plusDays(1).atTime(0, 1).atZone(MinistryTime.ZONE).toInstant());

            Actor tomorrows = actor(substitute);
            assertThat(tomorrows.substitutedIds()).containsExactly(absent);
            assertThat(tomorrows.heads(department))
                    .as("leads the absent head's department")
                    .isTrue();
            assertThat(lookupEffective(absent)).isEqualTo(substitute);

            clock.advance(Duration.ofDays(3));
            assertThat(actor(substitute).substitutedIds())
                    .as("the absence is over")
                    .isEmpty();
        } finally {
            clock.set(TestConfig.START);
        }
    }

    @Test
    void aWithdrawnAuthorityTakesEffectOnTheNextRequest() {
        long specialist = account("cache-specialist", Role.ORG_SPECIALIST);
        assertThat(actor(specialist).routesAndPosts()).isTrue();
        assertThat(actor(specialist).routesAndPosts()).isTrue();

        people.authoriseOrgWork(
                specialist, users.findById(specialist).orElseThrow().getVersion(), false);

        assertThat(actor(specialist).routesAndPosts())
                .as("the authority is withdrawn")
                .isFalse();
    }

    @Test
    void aNewHeadLeadsTheDepartmentAndTheOldOneNoLongerDoes() {
        long before = account("cache-head-before", Role.DEPT_HEAD);
        long after = account("cache-head-after", Role.DEPT_HEAD);
        DepartmentSummary department = department("Отдел смены главы (тест) ", before);
        assertThat(actor(before).heads(department.id())).isTrue();
        assertThat(actor(after).heads(department.id())).isFalse();

        var form = new DepartmentForm(
                department.name(),
                after,
                department.curator().id(),
                List.of(),
                people.departmentVersion(department.id()));
        assertThat(people.saveDepartment(department.id(), form, new BeanPropertyBindingResult(form, "form")))
                .isPresent();

        assertThat(actor(before).heads(department.id())).as("the old head").isFalse();
        assertThat(actor(after).heads(department.id())).as("the new head").isTrue();
        assertThat(lookup.department(department.id()).orElseThrow().head().id()).isEqualTo(after);
    }

    @Test
    void anExecutorDisabledInTheDatabaseLeavesTheListsOnceTheNotificationIsHeard() throws Exception {
        long executor = account("cache-executor", Role.EXECUTOR);
        assertThat(ids(lookup.enabledWithRole(Role.EXECUTOR))).contains(executor);
        assertThat(ids(lookup.enabledWithRole(Role.EXECUTOR))).contains(executor);

        jdbc.sql("update app_user set enabled = false where id = ?")
                .param(executor)
                .update();

        assertThat(eventually(() -> !ids(lookup.enabledWithRole(Role.EXECUTOR)).contains(executor)))
                .as("disabled executor left the list")
                .isTrue();
    }

    @Test
    void aChangeWhoseNotificationWasMissedIsSeenByTheNextReadsRevisionCheck() {
        DepartmentSummary department =
                department("Отдел без уведомления (тест) ", account("cache-quiet", Role.DEPT_HEAD));
        assertThat(name(department.id())).isEqualTo(department.name());
        String renamed = "Тихо переименованный отдел (тест) " + System.nanoTime();

        // as if the notification were lost: the triggers are off, the revision is counted up by hand
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("update department set name = ? where id = ?")
                    .params(renamed, department.id())
                    .update();
            jdbc.sql("update people_revision set revision = revision + 1 where id = 1")
                    .update();
        });
        assertThat(name(department.id()))
                .as("seen at once: the next read checks the revision, whether or not anybody said it changed")
                .isEqualTo(renamed);
    }

    @Test
    void theChangingTransactionSeesItsChangeAndARolledBackOneLeavesNothingBehind() {
        DepartmentSummary department = department("Отдел отката (тест) ", account("cache-rollback", Role.DEPT_HEAD));
        assertThat(name(department.id())).isEqualTo(department.name());
        String renamed = "Отдел, который не сохранится (тест) " + System.nanoTime();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            var entity = departments.findById(department.id()).orElseThrow();
            entity.update(renamed, entity.getHead(), entity.getCurator(), entity.getExecutors());
            departments.saveAndFlush(entity);
            assertThat(name(department.id())).as("inside the change").isEqualTo(renamed);
            status.setRollbackOnly();
        });

        assertThat(name(department.id())).as("after the rollback").isEqualTo(department.name());
    }

    private Actor actor(long userId) {
        return posts.actor(userId, users.findById(userId).orElseThrow().getRoles());
    }

    private long lookupEffective(long userId) {
        return substitutes.effective(userId, clock.instant());
    }

    @Autowired
    Substitutes substitutes;

    private String name(long departmentId) {
        return lookup.department(departmentId).orElseThrow().name();
    }

    private static List<Long> ids(List<PersonSummary> people) {
        return people.stream().map(PersonSummary::id).toList();
    }

    private static boolean eventually(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (!condition.get()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private long account(String prefix, Role role) {
        long n = System.nanoTime();
        return people.createAccount(prefix + "-" + n, "Тестов " + prefix + " " + n, null, "demo", EnumSet.of(role))
                .id();
    }

    private DepartmentSummary department(String name, long headId) {
        long curator = users.findByLogin("deputy").orElseThrow().getId();
        return people.createDepartment(name + System.nanoTime(), headId, curator, Set.of());
    }
}
