package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.MutableClock;
import ru.otklik.support.Sessions;

/**
 * While an executor is absent, the route form says so and names the substitute, who receives the new assignment.
 */
@IntegrationTest
class AbsentExecutorRoutingIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    PostManagement posts;

    @Autowired
    Users users;

    @Autowired
    Departments departments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    User executor;
    User substitute;
    long absence;

    @BeforeEach
    void theExecutorIsOnLeaveToday() {
        executor = users.findByLogin("executor").orElseThrow();
        substitute = users.findByLogin("executor2").orElseThrow();
        LocalDate today = LocalDate.ofInstant(clock.instant(), MinistryTime.ZONE);
        absence = jdbc.sql(
                        "insert into absence (user_id, starts_on, ends_on, kind, substitute_id) values (?, ?, ?, 'VACATION', ?) returning id")
                .params(executor.getId(), today, today.plusDays(2), substitute.getId())
                .query(Long.class)
                .single();
    }

    @AfterEach
    void backFromLeave() {
        jdbc.sql("delete from absence where id = ?").param(absence).update();
    }

    @Test
    void theRouteFormShowsTheAbsenceAndTheAssignmentGoesToTheSubstitute() throws Exception {
        User specialist = users.findByLogin("specialist").orElseThrow();
        Post post = posts.register(
                new NewPost(
                        "ABSENT-" + System.nanoTime(),
                        Source.VK,
                        "https://vk.com/wall-5_5",
                        null,
                        null,
                        "Когда придёт компенсация за детский сад?",
                        clock.instant(),
                        clock.instant(),
                        Importance.NORMAL,
                        null),
                Set.of(),
                specialist.getId());

        Cookie session = Sessions.login(mvc, "specialist");
        mvc.perform(get("/posts/" + post.getId()).cookie(session))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "Кузнецов Андрей Павлович — отсутствует, поручение получит замещающий: Васильева Елена Сергеевна")));

        long families = departments.findAllByName().stream()
                .filter(d -> d.hasExecutor(executor.getId()))
                .findFirst()
                .orElseThrow()
                .getId();
        Post routed = posts.route(
                post.getId(),
                post.getVersion(),
                List.of(new Routing(families, executor.getId())),
                Importance.NORMAL,
                posts.actor(specialist.getId(), specialist.getRoles()));

        assertThat(jdbc.sql("select executor_id from assignment where post_id = ?")
                        .param(routed.getId())
                        .query(Long.class)
                        .single())
                .isEqualTo(substitute.getId());
    }
}
