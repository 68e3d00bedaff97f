package ru.otklik.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.Role;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;

/**
 * The audit log (issue 14): every kind of administrative action writes a line with who, when, what and from which
 * address; the admin reads them at /admin/audit; nobody can change or delete a line, not even in SQL.
 */
@IntegrationTest
class AuditLogIT {

    private static final String ADDRESS = "192.0.2.14";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    @Autowired
    PeopleManagement people;

    @Test
    void everyKindOfAdministrativeActionIsRecordedWithWhoWhatAndFromWhere() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        String login = "audited-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        long start = lastId();

        send(
                admin,
                post("/admin/users")
                        .param("login", login)
                        .param("fullName", "Проверяемый Журналом")
                        .param("roles", "EXECUTOR")
                        .param("password", "Журнал-пароль-2026")
                        .param("enabled", "true")
                        .param("version", "0"));
        User person = users.findByLogin(login).orElseThrow();
        send(
                admin,
                post("/admin/users/" + person.getId())
                        .param("login", login)
                        .param("fullName", "Проверяемый Журналом")
                        .param("email", "audited@example.ru")
                        .param("roles", "EXECUTOR")
                        .param("enabled", "true")
                        .param("version", String.valueOf(person.getVersion())));
        send(admin, post("/admin/users/" + person.getId() + "/password").param("password", "Другой-пароль-2026"));
        String department = "Отдел журнала " + login;
        // its own head and curator: other tests find the demo departments by their head
        long head = people.createAccount(
                        login + "-head", "Руководитель Журнала", null, "Журнал-пароль-2026", EnumSet.of(Role.DEPT_HEAD))
                .id();
        long curator = people.createAccount(
                        login + "-deputy",
                        "Куратор Журнала",
                        null,
                        "Журнал-пароль-2026",
                        EnumSet.of(Role.DEPUTY_MINISTER))
                .id();
        send(
                admin,
                post("/admin/departments")
                        .param("name", department)
                        .param("version", "0")
                        .param("headId", String.valueOf(head))
                        .param("curatorId", String.valueOf(curator)));
        LocalDate day = LocalDate.of(2099, 6, 1);
        send(
                admin,
                post("/absences")
                        .param("userId", String.valueOf(person.getId()))
                        .param("startsOn", day.toString())
                        .param("endsOn", day.toString())
                        .param("kind", "VACATION")
                        .param(
                                "substituteId",
                                String.valueOf(users.findByLogin("executor")
                                        .orElseThrow()
                                        .getId())));
        long absence = jdbc.sql("select id from absence where user_id = ?")
                .param(person.getId())
                .query(Long.class)
                .single();
        send(admin, post("/absences/" + absence + "/delete"));
        send(admin, post("/admin/tokens").param("name", "Ключ журнала " + login));
        long token = jdbc.sql("select id from api_token where name = ?")
                .param("Ключ журнала " + login)
                .query(Long.class)
                .single();
        send(admin, post("/admin/tokens/" + token + "/revoke"));
        send(admin, post("/admin/calendar/day/2099-06-02").param("kind", "DAY_OFF"));
        send(admin, post("/admin/calendar/year/2099/loaded").param("decree", "Постановление № 1 для журнала"));
        var rule = jdbc.sql("select code, version from deadline_rule order by code limit 1")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        var current = jdbc.sql("select limit_value, clock_kind, breach_action from deadline_rule where code = ?")
                .param(rule[0])
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        send(
                admin,
                post("/admin/deadline-rules/" + rule[0])
                        .param("limit", current[0])
                        .param("kind", current[1])
                        .param("action", current[2])
                        .param("version", rule[1]));

        List<String[]> lines = jdbc.sql(
                        "select action, actor_login, address, subject from audit_event where id > ? order by id")
                .param(start)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
        assertThat(lines)
                .extracting(l -> l[0])
                .contains(
                        "USER_CREATED",
                        "USER_CHANGED",
                        "PASSWORD_RESET",
                        "DEPARTMENT_CREATED",
                        "ABSENCE_CREATED",
                        "ABSENCE_DELETED",
                        "API_TOKEN_CREATED",
                        "API_TOKEN_REVOKED",
                        "CALENDAR_DAY_CHANGED",
                        "CALENDAR_YEAR_LOADED",
                        "DEADLINE_RULE_CHANGED");
        assertThat(lines).allSatisfy(l -> {
            assertThat(l[1]).isEqualTo("admin");
            assertThat(l[2]).isEqualTo(ADDRESS);
        });
        assertThat(lines)
                .filteredOn(l -> l[0].equals("PASSWORD_RESET"))
                .extracting(l -> l[3])
                .containsExactly(login);

        mvc.perform(get("/admin/audit").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Журнал действий")))
                .andExpect(content().string(containsString("Задан новый пароль")))
                .andExpect(content().string(containsString(department)))
                .andExpect(content().string(containsString(ADDRESS)));
        mvc.perform(get("/admin/audit").param("page", "99999999").cookie(admin)).andExpect(status().isOk());
        mvc.perform(get("/admin/audit").param("page", "abc").cookie(admin)).andExpect(status().isOk());
    }

    @Test
    void theLogCannotBeChangedOrDeletedEvenInSql() {
        people.createAccount(
                "audit-sql-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36),
                "Журнал SQL",
                null,
                "Журнал-пароль-2026",
                EnumSet.of(Role.EXECUTOR));
        jdbc.sql(
                        "insert into audit_event (at, actor_login, action, subject) values (now(), 'test', 'USER_CHANGED', 'x')")
                .update();

        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor_login = 'someone else'")
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
    }

    @Test
    void onlyTheAdminReadsTheLog() throws Exception {
        mvc.perform(get("/admin/audit").cookie(Sessions.login(mvc, "head"))).andExpect(status().isForbidden());
    }

    private void send(Cookie admin, MockHttpServletRequestBuilder request) throws Exception {
        int status = mvc.perform(request.cookie(admin).with(csrf()).with(r -> {
                    r.setRemoteAddr(ADDRESS);
                    return r;
                }))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).as(request.toString()).isEqualTo(302);
    }

    private long lastId() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event")
                .query(Long.class)
                .single();
    }
}
