package ru.otklik.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.Role;
import ru.otklik.posts.Importance;
import ru.otklik.posts.Routing;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.Sessions;
import ru.otklik.support.TestConfig;

/**
 * «Эскалации» you can act on (issue 17 point 6): the reassign list offers the department's executors at work today,
 * names those away and until when, says why nobody can be offered, and shows the way out right there — the hand-back
 * to the org specialist, or the head adding an executor at «Мой отдел».
 */
class EscalationCandidatesIT extends DeadlineIT {

    private static final String DEPARTMENT = "Отдел социального обслуживания (тест эскалаций)";
    private static final String LONE_DEPARTMENT = "Отдел опеки (один исполнитель, тест эскалаций)";

    @Autowired
    MockMvc mvc;

    @Autowired
    PeopleManagement people;

    @AfterEach
    void reset() {
        clock.set(TestConfig.START);
        jdbc.sql("delete from absence where created_by = ?")
                .param(fx.user("admin").getId())
                .update();
    }

    @Test
    void aDepartmentWithoutAnotherExecutorSaysSoAndOffersTheHandBackAndTheHead() throws Exception {
        // a department of its own with one executor: other tests may add executors to the demo departments
        long executor = account("esc-only", "Белова Мария Андреевна", Role.EXECUTOR);
        long head = account("esc-only-head", "Орлов Пётр Николаевич", Role.DEPT_HEAD);
        long id = departments.findAllByName().stream()
                .filter(d -> d.getName().equals(LONE_DEPARTMENT))
                .findFirst()
                .map(d -> d.getId())
                .orElseGet(() -> people.createDepartment(
                                LONE_DEPARTMENT, head, fx.user("deputy2").getId(), Set.of(executor))
                        .id());
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        posts.route(
                post.getId(),
                fx.version(post.getId()),
                List.of(new Routing(id, executor)),
                Importance.NORMAL,
                fx.actor("specialist"));
        clock.advance(Duration.ofMinutes(16));
        sweep.sweep();

        String card = card(post, "deputy2");
        assertThat(card)
                .contains("Переназначить некому: в подразделении «" + LONE_DEPARTMENT + "» нет другого исполнителя.")
                .contains("попросите руководителя подразделения (Орлов Пётр Николаевич) добавить исполнителя"
                        + " на странице «Мой отдел»")
                .contains("hand-back-form")
                .contains("Передать в другое подразделение")
                .as("no reassign form with an empty list")
                .doesNotContain("name=\"executorId\"");
    }

    @Test
    void colleaguesAwayAreNamedWithTheirLastDayAndTheOnesAtWorkAreOffered() throws Exception {
        long[] ids = department();
        long first = ids[0];
        long second = ids[1];
        long third = ids[2];
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        posts.route(
                post.getId(),
                fx.version(post.getId()),
                List.of(new Routing(ids[3], first)),
                Importance.NORMAL,
                fx.actor("specialist"));
        LocalDate today = LocalDate.of(2026, 12, 1);
        absent(second, today, today.plusDays(2), first); // back to back: away to 7 December
        absent(second, today.plusDays(3), today.plusDays(6), first);
        clock.advance(Duration.ofMinutes(16));
        sweep.sweep();

        String card = card(post, "deputy2");
        assertThat(card)
                .as("the one at work is offered, the absent one is named with the last day and substitute")
                .contains("name=\"executorId\"")
                .contains("value=\"" + third + "\"")
                .doesNotContain("value=\"" + second + "\"")
                .contains("Отсутствуют:")
                .contains("Яковлев Игорь Олегович — до 07.12.2026 включительно, замещает Жукова Ольга Петровна");

        absent(third, today, today, first);
        card = card(post, "deputy2");
        assertThat(card)
                .contains("Переназначить некому: все другие исполнители подразделения «" + DEPARTMENT
                        + "» сегодня отсутствуют.")
                .contains("Яковлев Игорь Олегович — до 07.12.2026 включительно")
                .contains("Титова Анна Игоревна — до 01.12.2026 включительно")
                .contains("Передать в другое подразделение")
                .doesNotContain("name=\"executorId\"");
    }

    /** The department's three executors and its id, made once per database. */
    private long[] department() {
        long first = account("esc-first", "Жукова Ольга Петровна", Role.EXECUTOR);
        long second = account("esc-second", "Яковлев Игорь Олегович", Role.EXECUTOR);
        long third = account("esc-third", "Титова Анна Игоревна", Role.EXECUTOR);
        long head = account("esc-head", "Зайцев Роман Ильич", Role.DEPT_HEAD);
        long id = departments.findAllByName().stream()
                .filter(d -> d.getName().equals(DEPARTMENT))
                .findFirst()
                .map(d -> d.getId())
                .orElseGet(() -> people.createDepartment(
                                DEPARTMENT, head, fx.user("deputy2").getId(), Set.of(first, second, third))
                        .id());
        return new long[] {first, second, third, id};
    }

    private long account(String login, String name, Role role) {
        return users.findByLogin(login)
                .map(u -> u.getId())
                .orElseGet(() -> people.createAccount(login, name, null, "demo", EnumSet.of(role))
                        .id());
    }

    private void absent(long userId, LocalDate from, LocalDate to, long substituteId) throws Exception {
        mvc.perform(post("/absences")
                        .cookie(Sessions.login(mvc, "admin"))
                        .with(csrf())
                        .param("userId", String.valueOf(userId))
                        .param("startsOn", from.toString())
                        .param("endsOn", to.toString())
                        .param("kind", "VACATION")
                        .param("substituteId", String.valueOf(substituteId)))
                .andExpect(status().is3xxRedirection());
    }

    /** The escalation's card of the post on «Эскалации». */
    private String card(Post post, String login) throws Exception {
        String page = mvc.perform(get("/escalations").cookie(Sessions.login(mvc, login)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int from = page.indexOf("data-post=\"" + post.getId() + "\"");
        assertThat(from).as("the escalation of " + post.getExternalId()).isPositive();
        int to = page.indexOf("class=\"card mb-3 escalation\"", from);
        return to < 0 ? page.substring(from) : page.substring(from, to);
    }
}
