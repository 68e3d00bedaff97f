package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.Role;
import ru.otklik.support.TestConfig;
import ru.otklik.support.TestDatabaseInitializer;

/**
 * The posts module on its own and the modules it needs (people, calendar), without deadlines, intake, reports or the
 * web shell: what it announces to the rest of the system when a post arrives and when it is routed.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@Import(TestConfig.class)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@TestPropertySource(
        properties = {
            "otklik.sweep.enabled=false",
            // the mail health check belongs to the deadlines module, which this test leaves out
            "management.endpoint.health.validate-group-membership=false",
            // a fresh database without the demo people needs its first administrator
            "otklik.admin-password=Первый-администратор-2026"
        })
class PostsModuleIT {

    @Autowired
    PostManagement posts;

    @Autowired
    PostLookup lookup;

    @Autowired
    PeopleManagement people;

    @Test
    void aPostFromCurIsRegisteredAsNewAndAnnouncedWithItsTimes(Scenario scenario) {
        Instant detected = TestConfig.START.minusSeconds(600);
        scenario.stimulate(() -> posts.receive(post(detected, "Когда придёт единое пособие на ребёнка?"), Set.of()))
                .andWaitForEventOfType(PostRegistered.class)
                .toArriveAndVerify((event, summary) -> {
                    assertThat(event.postId()).isEqualTo(summary.id());
                    assertThat(event.detectedAt()).isEqualTo(detected);
                    assertThat(lookup.find(summary.id()))
                            .get()
                            .extracting(PostSummary::state)
                            .isEqualTo(PostState.NEW);
                });
    }

    @Test
    void routingAPostAnnouncesTheExecutorWhoseClockStarts(Scenario scenario) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var specialist = people.createAccount(
                "pm-spec-" + suffix, "Специалист Модуля", null, "Модуль-пароль-2026", EnumSet.of(Role.ORG_SPECIALIST));
        var executor = people.createAccount(
                "pm-exec-" + suffix, "Исполнитель Модуля", null, "Модуль-пароль-2026", EnumSet.of(Role.EXECUTOR));
        var head = people.createAccount(
                "pm-head-" + suffix, "Начальник Модуля", null, "Модуль-пароль-2026", EnumSet.of(Role.DEPT_HEAD));
        var deputy = people.createAccount(
                "pm-dep-" + suffix, "Заместитель Модуля", null, "Модуль-пароль-2026", EnumSet.of(Role.DEPUTY_MINISTER));
        var department = people.createDepartment(
                "Отдел модульного теста " + suffix, head.id(), deputy.id(), Set.of(executor.id()));
        PostSummary received = posts.receive(post(TestConfig.START, "Куда обращаться за выплатой?"), Set.of());

        scenario.stimulate(() -> posts.route(
                        received.id(),
                        received.version(),
                        List.of(new Routing(department.id(), executor.id())),
                        Importance.HIGH,
                        posts.actor(specialist.id(), specialist.roles())))
                .andWaitForEventOfType(PostRouted.class)
                .matching(event -> event.postId() == received.id())
                .toArriveAndVerify(event -> {
                    assertThat(event.executorId()).isEqualTo(executor.id());
                    assertThat(event.importance()).isEqualTo(Importance.HIGH);
                    assertThat(lookup.find(received.id()))
                            .get()
                            .extracting(PostSummary::state)
                            .isEqualTo(PostState.ASSIGNED);
                });
    }

    private static NewPost post(Instant detected, String text) {
        return new NewPost(
                "PM-" + UUID.randomUUID(),
                Source.VK,
                "https://vk.com/wall-1_1",
                "Автор",
                null,
                text,
                detected,
                TestConfig.START,
                Importance.NORMAL,
                null);
    }
}
