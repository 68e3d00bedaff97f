package ru.otklik.people;

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
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.people.internal.Department;
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;
import ru.otklik.posts.Importance;
import ru.otklik.posts.NewPost;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.Source;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;

/**
 * The department head keeps the department's responsible executors by subject himself, without the admin, and
 * only for the departments he heads (Приказ п.2.3, п.5); the route form offers the executors by subject.
 */
@IntegrationTest
class DepartmentStaffIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    @Autowired
    Departments departments;

    @Autowired
    PeopleManagement people;

    @Autowired
    PostManagement posts;

    @Autowired
    Clock clock;

    long families;
    Set<Long> executorsBefore;

    @BeforeEach
    void remember() {
        Department department = families();
        families = department.getId();
        executorsBefore = new HashSet<>();
        department.getExecutors().forEach(u -> executorsBefore.add(u.getId()));
    }

    @AfterEach
    void restore() {
        jdbc.sql("delete from department_subject where department_id = ?")
                .param(families)
                .update();
        Department department = families();
        department.update(
                department.getName(),
                department.getHead(),
                department.getCurator(),
                new HashSet<>(users.findAllById(executorsBefore)));
        departments.saveAndFlush(department);
    }

    @Test
    void theHeadAddsAnExecutorToHisDepartmentWithoutTheAdminAndTheChangeIsAudited() throws Exception {
        String login = "newcomer-" + UUID.randomUUID().toString().substring(0, 8);
        long newcomer = people.createAccount(login, "Зайцева Ольга Петровна", null, "demo", EnumSet.of(Role.EXECUTOR))
                .id();
        long auditBefore = lastAudit();
        Cookie head = Sessions.login(mvc, "head");

        mvc.perform(get("/staff").cookie(head)).andExpect(redirectedUrl("/staff/" + families));
        mvc.perform(get("/staff/" + families).cookie(head))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ответственные исполнители подразделения")))
                .andExpect(content().string(containsString("Зайцева Ольга Петровна")));
        mvc.perform(post("/staff/" + families + "/executors")
                        .cookie(head)
                        .with(csrf())
                        .param("version", String.valueOf(families().getVersion()))
                        .param("executorIds", String.valueOf(id("executor")), String.valueOf(newcomer)))
                .andExpect(redirectedUrl("/staff/" + families));

        assertThat(families().hasExecutor(newcomer)).isTrue();
        assertThat(families().hasExecutor(id("executor"))).isTrue();
        assertThat(jdbc.sql("select actor_login || ' ' || action from audit_event where id > ? order by id")
                        .param(auditBefore)
                        .query(String.class)
                        .list())
                .contains("head DEPARTMENT_STAFF_CHANGED");
    }

    @Test
    void aHeadEditsOnlyHisOwnDepartment() throws Exception {
        long version = families().getVersion();
        // head2 heads the employment department, not the families one
        Cookie head2 = Sessions.login(mvc, "head2");
        mvc.perform(get("/staff/" + families).cookie(head2)).andExpect(status().isForbidden());
        mvc.perform(post("/staff/" + families + "/executors")
                        .cookie(head2)
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("executorIds", String.valueOf(id("executor2"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/" + families + "/subjects")
                        .cookie(head2)
                        .with(csrf())
                        .param("name", "пособия"))
                .andExpect(status().isForbidden());
        assertThat(families().getVersion()).isEqualTo(version);
        assertThat(subjectCount()).isZero();

        for (String login : List.of("executor", "specialist", "orghead", "deputy", "admin")) {
            mvc.perform(get("/staff/" + families).cookie(Sessions.login(mvc, login)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void theHeadKeepsSubjectsAndTheRouteFormGroupsExecutorsByThemWithTheTopicsSubjectChosen() throws Exception {
        Cookie head = Sessions.login(mvc, "head");
        mvc.perform(post("/staff/" + families + "/subjects")
                        .cookie(head)
                        .with(csrf())
                        .param("name", "Пособия"))
                .andExpect(redirectedUrl("/staff/" + families));
        mvc.perform(post("/staff/" + families + "/subjects")
                        .cookie(head)
                        .with(csrf())
                        .param("name", "пособия "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Такое направление в подразделении уже есть.")));
        long subject = jdbc.sql("select id from department_subject where department_id = ?")
                .param(families)
                .query(Long.class)
                .single();
        // executor2 works in the employment department: not responsible for a families subject
        mvc.perform(post("/staff/" + families + "/subjects/" + subject)
                        .cookie(head)
                        .with(csrf())
                        .param("version", "0")
                        .param("name", "Пособия")
                        .param("executorIds", String.valueOf(id("executor2"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("только исполнитель этого подразделения")));
        mvc.perform(post("/staff/" + families + "/subjects/" + subject)
                        .cookie(head)
                        .with(csrf())
                        .param("version", "0")
                        .param("name", "Пособия")
                        .param("executorIds", String.valueOf(id("executor"))))
                .andExpect(redirectedUrl("/staff/" + families));
        // a second save from the same page is stale
        mvc.perform(post("/staff/" + families + "/subjects/" + subject)
                        .cookie(head)
                        .with(csrf())
                        .param("version", "0")
                        .param("name", "Выплаты"))
                .andExpect(status().isConflict());

        Post post = posts.register(
                new NewPost(
                        "SUBJ-" + UUID.randomUUID(),
                        Source.VK,
                        "https://vk.com/wall-9_9",
                        null,
                        null,
                        "Когда придут детские?",
                        clock.instant(),
                        clock.instant(),
                        Importance.NORMAL,
                        "пособия на детей"),
                Set.of(),
                null);
        String option = "value=\"" + families + ":" + id("executor") + "\"";
        mvc.perform(get("/posts/" + post.getId()).cookie(Sessions.login(mvc, "specialist")))
                .andExpect(content()
                        .string(containsString("label=\"Направление: Пособия (совпадает с темой сообщения)\"")))
                .andExpect(content().string(containsString(option + " selected=\"selected\"")));
    }

    private long subjectCount() {
        return jdbc.sql("select count(*) from department_subject where department_id = ?")
                .param(families)
                .query(Long.class)
                .single();
    }

    private long lastAudit() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event")
                .query(Long.class)
                .single();
    }

    private Department families() {
        return departments.findAllByName().stream()
                .filter(d -> d.getName().contains("семей с детьми"))
                .findFirst()
                .orElseThrow();
    }

    private long id(String login) {
        return users.findByLogin(login).map(User::getId).orElseThrow();
    }
}
