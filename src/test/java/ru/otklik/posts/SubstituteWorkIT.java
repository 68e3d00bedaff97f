package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.Role;
import ru.otklik.people.internal.Department;
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;

/**
 * Work that was already waiting for a person when their absence began goes to the substitute too (п.3, Приказ п.5):
 * the substitute sees and acts on it like their own, and the timeline says «за» whom.
 */
@IntegrationTest
class SubstituteWorkIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    AutowireCapableBeanFactory beans;

    @Autowired
    PeopleManagement people;

    @Autowired
    Users users;

    @Autowired
    Departments departments;

    AnswerFixtures fx;
    String colleague;
    final List<Long> absences = new ArrayList<>();

    /** A second executor of the families department, who can stand in for the first. */
    @BeforeEach
    void aColleagueInTheSameDepartment() {
        fx = beans.createBean(AnswerFixtures.class);
        colleague = "colleague-" + AnswerFixtures.unique();
        long id = people.createAccount(colleague, "Орлова Татьяна Игоревна", null, "demo", EnumSet.of(Role.EXECUTOR))
                .id();
        placeInFamilies(id, true);
    }

    @AfterEach
    void backFromLeave() {
        absences.forEach(
                a -> jdbc.sql("delete from absence where id = ?").param(a).update());
        placeInFamilies(fx.id(colleague), false);
    }

    @Test
    void anAssignmentWaitingBeforeTheAbsenceIsAcceptedAndAnsweredByTheSubstituteForTheAbsentExecutor()
            throws Exception {
        Post post = routedToExecutor();
        absent("executor", colleague);
        Cookie session = Sessions.login(mvc, colleague);

        mvc.perform(get("/assignments").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(post.getExternalId())))
                .andExpect(content().string(containsString("за Кузнецова А.П.")));
        mvc.perform(get("/posts/" + post.getId()).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/assignments/" + assignmentOf(post) + "/accept")));

        mvc.perform(post("/posts/" + post.getId() + "/assignments/" + assignmentOf(post) + "/accept")
                        .cookie(session)
                        .with(csrf())
                        .param("version", String.valueOf(fx.reload(post.getId()).getVersion())))
                .andExpect(redirectedUrl("/posts/" + post.getId()));
        mvc.perform(post("/posts/" + post.getId() + "/draft")
                        .cookie(session)
                        .with(csrf())
                        .param("version", String.valueOf(fx.reload(post.getId()).getVersion()))
                        .param("text", AnswerFixtures.DRAFT)
                        .param("secondApprover", String.valueOf(fx.id("deputy")))
                        .param("action", "submit"))
                .andExpect(redirectedUrl("/posts/" + post.getId()));

        assertThat(fx.reload(post.getId()).getState()).isEqualTo(PostState.IN_APPROVAL);
        assertThat(jdbc.sql("select action || ' ' || actor_id || ' ' || on_behalf_of from post_event"
                                + " where post_id = ? and on_behalf_of is not null order by id")
                        .param(post.getId())
                        .query(String.class)
                        .list())
                .containsExactly(
                        "ACCEPTED " + fx.id(colleague) + " " + fx.id("executor"),
                        "DRAFT_SAVED " + fx.id(colleague) + " " + fx.id("executor"),
                        "DRAFT_SUBMITTED " + fx.id(colleague) + " " + fx.id("executor"));
        mvc.perform(get("/posts/" + post.getId()).cookie(Sessions.login(mvc, "specialist")))
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "Орлова Татьяна Игоревна</strong><span class=\"timeline-behalf\"> (за Кузнецова А.П.)</span>")));
    }

    @Test
    void aDraftWaitingForTheHeadBeforeTheAbsenceIsApprovedByTheSubstituteForTheHead() throws Exception {
        long id = fx.inApproval().getId();
        absent("head", "head2");

        mvc.perform(post("/posts/" + id + "/draft/approve")
                        .cookie(Sessions.login(mvc, "head2"))
                        .with(csrf())
                        .param("version", String.valueOf(fx.reload(id).getVersion()))
                        .param("checklist", "true"))
                .andExpect(redirectedUrl("/posts/" + id));

        assertThat(jdbc.sql(
                                "select on_behalf_of from post_event where post_id = ? and action = 'DRAFT_APPROVED_BY_HEAD'")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(fx.id("head"));
        mvc.perform(get("/posts/" + id).cookie(Sessions.login(mvc, "head2")))
                .andExpect(content().string(containsString("(за Морозова С.И.)")));
    }

    @Test
    void whenTheExecutorIsBackTheWorkIsTheirsAgainAndNotTheFormerSubstitutes() throws Exception {
        Post post = routedToExecutor();
        long absence = absent("executor", colleague);
        mvc.perform(get("/posts/" + post.getId()).cookie(Sessions.login(mvc, colleague)))
                .andExpect(status().isOk());

        jdbc.sql("delete from absence where id = ?").param(absence).update();

        mvc.perform(get("/posts/" + post.getId()).cookie(Sessions.login(mvc, colleague)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/assignments").cookie(Sessions.login(mvc, "executor")))
                .andExpect(content().string(containsString(post.getExternalId())));
    }

    private Post routedToExecutor() {
        Post post = fx.registered("Когда придёт пособие? " + AnswerFixtures.unique(), Set.of());
        fx.management.route(
                post.getId(),
                post.getVersion(),
                List.of(new Routing(fx.families().getId(), fx.id("executor"))),
                Importance.NORMAL,
                fx.actor("specialist"));
        return fx.reload(post.getId());
    }

    private static long assignmentOf(Post post) {
        return post.getAssignments().get(0).getId();
    }

    private long absent(String login, String substitute) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), MinistryTime.ZONE);
        long id = jdbc.sql("insert into absence (user_id, starts_on, ends_on, kind, substitute_id)"
                        + " values (?, ?, ?, 'VACATION', ?) returning id")
                .params(fx.id(login), today, today.plusDays(1), fx.id(substitute))
                .query(Long.class)
                .single();
        absences.add(id);
        return id;
    }

    private void placeInFamilies(long userId, boolean member) {
        Department families = fx.families();
        Set<User> executors = new HashSet<>(families.getExecutors());
        if (member) {
            executors.add(users.findById(userId).orElseThrow());
        } else {
            executors.removeIf(u -> u.getId() == userId);
        }
        families.update(families.getName(), families.getHead(), families.getCurator(), executors);
        departments.saveAndFlush(families);
    }
}
