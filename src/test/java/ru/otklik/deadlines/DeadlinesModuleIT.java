package ru.otklik.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import ru.otklik.deadlines.Clocks.OpenDeadline;
import ru.otklik.posts.Importance;
import ru.otklik.posts.NewPost;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.PostRegistered;
import ru.otklik.posts.Source;
import ru.otklik.support.TestConfig;
import ru.otklik.support.TestDatabaseInitializer;

/**
 * The deadlines module with the modules it listens to: a post's arrival, announced by the posts module, starts the
 * ten working minutes to route it (п.9), due in the Ministry's working time.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@Import(TestConfig.class)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@TestPropertySource(
        properties = {
            "otklik.sweep.enabled=false",
            "management.endpoint.health.validate-group-membership=false",
            // a fresh database without the demo people needs its first administrator
            "otklik.admin-password=Первый-администратор-2026"
        })
class DeadlinesModuleIT {

    @Autowired
    PostManagement posts;

    @Autowired
    Clocks clocks;

    @Test
    void aRegisteredPostStartsTheTenWorkingMinutesToRouteIt(Scenario scenario) {
        // a working Tuesday, 10:00 in Novokuznetsk: ten working minutes are ten minutes
        Instant received = TestConfig.START;
        scenario.stimulate(() -> posts.receive(
                        new NewPost(
                                "DM-" + UUID.randomUUID(),
                                Source.OK,
                                "https://ok.ru/group/1/topic/1",
                                "Автор",
                                null,
                                "Пособие по безработице не начислено.",
                                received.minusSeconds(120),
                                received,
                                Importance.NORMAL,
                                null),
                        Set.of()))
                .andWaitForEventOfType(PostRegistered.class)
                .toArriveAndVerify((event, summary) -> {
                    List<OpenDeadline> open = clocks.openDeadlines(summary.id());
                    assertThat(open).extracting(OpenDeadline::rule).contains("ROUTE");
                    assertThat(open)
                            .filteredOn(d -> d.rule().equals("ROUTE"))
                            .singleElement()
                            .extracting(OpenDeadline::dueAt)
                            .isEqualTo(received.plus(Duration.ofMinutes(10)));
                });
    }
}
