package ru.otklik.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.servlet.http.Cookie;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.people.DepartmentSummary;
import ru.otklik.people.PeopleCache;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.Role;
import ru.otklik.people.internal.Users;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;
import ru.otklik.support.StatementCount;

/**
 * The people and departments a page needs are read once and kept until they change (issue 20): a warm page sends no
 * statement for them but the check of their revision, and a change — made on this instance's admin pages, or in the database by another instance or by
 * hand — shows on the next page.
 */
@IntegrationTest
class PeopleCacheIT {

    /**
     * A statement that reads the people module's tables for itself, or resolves a substitution; not the one-row
     * revision each transaction checks.
     */
    private static final Pattern PEOPLE_SQL = Pattern.compile(
            "\\bfrom (app_user|user_role|department|department_executor|department_subject"
                    + "|department_subject_executor|absence)\\b|acting_person\\(",
            Pattern.CASE_INSENSITIVE);

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PeopleCache cache;

    @Autowired
    PeopleManagement people;

    @Autowired
    Users users;

    @Test
    void aWarmInboxOrPostPageSendsNoStatementForThePeopleOrTheDepartments() {
        UserDetails specialist = accounts.loadUserByUsername("specialist");
        long post = jdbc.sql("select min(id) from post").query(Long.class).single();
        for (String path : List.of("/inbox", "/posts/" + post)) {
            cache.forget();
            List<String> cold = statements(specialist, path);
            List<String> warm = statements(specialist, path);
            System.out.printf("PEOPLE CACHE | %s | %d SQL statements cold, %d warm%n", path, cold.size(), warm.size());

            assertThat(cold)
                    .as("a cold page reads the people")
                    .anyMatch(s -> PEOPLE_SQL.matcher(s).find());
            assertThat(warm)
                    .as("the statements of a warm page " + path)
                    .noneMatch(s -> PEOPLE_SQL.matcher(s).find());
            assertThat(warm.size()).as(path).isLessThan(cold.size());
        }
    }

    @Test
    void aChangeMadeInTheDatabaseByAnotherInstanceShowsOnTheNextPage() throws Exception {
        DepartmentSummary department = department("Отдел кэша (тест) " + System.nanoTime());
        UserDetails specialist = accounts.loadUserByUsername("specialist");
        assertThat(page(specialist, "/inbox")).contains(department.name());

        // another instance (or someone with psql) renames it: this instance hears V74's notification
        String renamed = "Переименованный отдел (тест) " + System.nanoTime();
        jdbc.sql("update department set name = ? where id = ?")
                .params(renamed, department.id())
                .update();

        long deadline = System.currentTimeMillis() + 5_000;
        String shown = page(specialist, "/inbox");
        while (!shown.contains(renamed) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            shown = page(specialist, "/inbox");
        }
        assertThat(shown).as("the inbox's department filter").contains(renamed).doesNotContain(department.name());
    }

    @Test
    void aChangeOnTheAdminPagesShowsOnTheVeryNextPage() throws Exception {
        DepartmentSummary department = department("Отдел админки (тест) " + System.nanoTime());
        UserDetails specialist = accounts.loadUserByUsername("specialist");
        assertThat(page(specialist, "/inbox")).contains(department.name());

        Cookie admin = Sessions.login(mvc, "admin");
        String renamed = "Отдел после правки (тест) " + System.nanoTime();
        mvc.perform(post("/admin/departments/" + department.id())
                        .cookie(admin)
                        .with(csrf())
                        .param("name", renamed)
                        .param("headId", String.valueOf(department.head().id()))
                        .param("curatorId", String.valueOf(department.curator().id()))
                        .param("version", String.valueOf(people.departmentVersion(department.id()))))
                .andExpect(redirectedUrl("/admin/departments"));

        assertThat(page(specialist, "/inbox"))
                .as("the next page, without waiting for the notification")
                .contains(renamed)
                .doesNotContain(department.name());
    }

    private DepartmentSummary department(String name) {
        long n = System.nanoTime();
        long head = people.createAccount(
                        "cache-head-" + n, "Кэшев Глава " + n, null, "demo", EnumSet.of(Role.DEPT_HEAD))
                .id();
        long curator = users.findByLogin("deputy").orElseThrow().getId();
        return people.createDepartment(name, head, curator, Set.of());
    }

    private List<String> statements(UserDetails principal, String path) {
        StatementCount.Recorded<Integer> recorded = StatementCount.of(() -> {
            try {
                return mvc.perform(get(path).with(user(principal)))
                        .andReturn()
                        .getResponse()
                        .getStatus();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(recorded.result()).as(path).isEqualTo(200);
        return recorded.statements();
    }

    private String page(UserDetails principal, String path) throws Exception {
        return mvc.perform(get(path).with(user(principal)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
