package ru.otklik;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import ru.otklik.database.FirstStart;
import ru.otklik.support.FreshDatabase;
import ru.otklik.support.TestDatabase;

/**
 * Two instances started together on an empty database: both come up, and exactly one of them seeds the first admin
 * (from OTKLIK_ADMIN_PASSWORD) or the demo people; neither web server takes requests before the seeding is there.
 */
@Tag("fault")
class FirstStartIT {

    @ParameterizedTest(name = "demo={0}")
    @ValueSource(booleans = {true, false})
    void twoInstancesStartedTogetherOnAnEmptyDatabaseBothComeUpAndSeedOnce(boolean demo) throws Exception {
        String url = FreshDatabase.create("otklik_first_start");
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService starters = Executors.newFixedThreadPool(2);
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        List<Long> seededWhenServing = new CopyOnWriteArrayList<>();
        try {
            List<Future<ConfigurableApplicationContext>> instances = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                instances.add(starters.submit(() -> start(url, demo, together, seededWhenServing)));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<ConfigurableApplicationContext> instance : instances) {
                try {
                    started.add(instance.get(5, TimeUnit.MINUTES));
                } catch (java.util.concurrent.ExecutionException ex) {
                    failures.add(ex.getCause());
                }
            }
            assertThat(failures).as("instances that failed to start").isEmpty();
            // when each web server began to take requests, the seeding was already there (the demo token for ЦУР)
            assertThat(seededWhenServing)
                    .as("tokens and admins when the web server started")
                    .hasSize(2)
                    .allSatisfy(n -> assertThat(n).isPositive());

            JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(
                    url, TestDatabase.get().username(), TestDatabase.get().password()));
            assertThat(jdbc.sql("select count(*) from app_user u join user_role r on r.user_id = u.id"
                                    + " where r.role = 'ADMIN'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            if (demo) {
                assertThat(jdbc.sql("select count(*) from app_user")
                                .query(Long.class)
                                .single())
                        .isEqualTo(10);
                assertThat(jdbc.sql("select count(*) from department")
                                .query(Long.class)
                                .single())
                        .isEqualTo(2);
                assertThat(jdbc.sql("select count(*) from post")
                                .query(Long.class)
                                .single())
                        .isEqualTo(8);
                assertThat(jdbc.sql("select count(*) from api_token")
                                .query(Long.class)
                                .single())
                        .isEqualTo(1);
            } else {
                assertThat(jdbc.sql("select login from app_user")
                                .query(String.class)
                                .list())
                        .containsExactly("admin");
            }
        } finally {
            started.forEach(ConfigurableApplicationContext::close);
            starters.shutdownNow();
        }
    }

    private static ConfigurableApplicationContext start(
            String url, boolean demo, CyclicBarrier together, List<Long> seededWhenServing) {
        return new SpringApplicationBuilder(OtklikApplication.class)
                .properties(
                        "spring.datasource.url=" + url,
                        "spring.datasource.username=" + TestDatabase.get().username(),
                        "spring.datasource.password=" + TestDatabase.get().password(),
                        "server.port=0",
                        "otklik.demo=" + demo,
                        "otklik.admin-password=First-Kuzbass-Secret-2026",
                        "otklik.sweep.enabled=false",
                        "spring.main.banner-mode=off")
                // both instances arrive together where seeding may happen: right before the seeding phase of the
                // start, and right before the application runners
                // Logback cannot be configured by two threads at once (a ConcurrentModificationException in
                // LoggingApplicationListener): the two starts take turns for that step only, then run together
                .listeners(new LoggingTurns(true), new LoggingTurns(false))
                .initializers(context ->
                        context.getBeanFactory().registerSingleton("startingLine", new StartingLine(together)))
                .listeners((ApplicationListener<ApplicationStartedEvent>) event -> await(together))
                .listeners((ApplicationListener<WebServerInitializedEvent>)
                        event -> seededWhenServing.add(event.getApplicationContext()
                                .getBean(JdbcClient.class)
                                .sql(
                                        demo
                                                ? "select count(*) from api_token"
                                                : "select count(*) from user_role where role = 'ADMIN'")
                                .query(Long.class)
                                .single()))
                .run();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(2, TimeUnit.MINUTES);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static final Semaphore LOGGING_SETUP = new Semaphore(1);

    /**
     * Takes the turn before Spring Boot's logging listener prepares the logging system (the starting event) and gives
     * it back after it has configured it (the environment-prepared event).
     */
    record LoggingTurns(boolean take) implements GenericApplicationListener {

        @Override
        public boolean supportsEventType(ResolvableType eventType) {
            Class<?> type = eventType.getRawClass();
            return type != null
                    && (take
                            ? ApplicationStartingEvent.class.isAssignableFrom(type)
                            : ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type));
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (!take) {
                LOGGING_SETUP.release();
                return;
            }
            try {
                if (!LOGGING_SETUP.tryAcquire(2, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the other instance kept the logging set-up turn");
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }

        @Override
        public int getOrder() {
            // just before and just after LoggingApplicationListener (HIGHEST_PRECEDENCE + 20)
            return take ? Ordered.HIGHEST_PRECEDENCE + 19 : Ordered.HIGHEST_PRECEDENCE + 21;
        }
    }

    /** Waits for the other instance just before the first-start seeding phase. */
    record StartingLine(CyclicBarrier together) implements SmartLifecycle {

        @Override
        public void start() {
            await(together);
        }

        @Override
        public void stop() {}

        @Override
        public boolean isRunning() {
            return false;
        }

        @Override
        public int getPhase() {
            return FirstStart.PHASE - 1;
        }
    }
}
