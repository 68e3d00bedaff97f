package ru.otklik.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.servlet.http.Cookie;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.Role;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;
import ru.otklik.support.HttpBrowser;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.MutableClock;
import ru.otklik.support.Sessions;
import ru.otklik.support.TestConfig;

/**
 * Sessions follow rights (issue 14, findings 1 and 11): sessions live in PostgreSQL (Spring Session JDBC), and a
 * change of a person's rights or password ends all of theirs at once; a session also ends a fixed time after its
 * login; an anonymous visitor stores no session at all. Run against the real server on its port, cookies and all.
 */
@IntegrationTest
class SessionSecurityIT {

    private static final String PASSWORD = "Долгий-пароль-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    PeopleManagement people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    FilterChainProxy filters;

    @LocalServerPort
    int port;

    @Test
    void aDemotedAdminLosesAdminInTheOpenSessionAtOnce() throws Exception {
        User second = account("admin-" + suffix(), EnumSet.of(Role.ADMIN, Role.EXECUTOR));
        HttpBrowser browser = new HttpBrowser(port);
        browser.login(second.getLogin(), PASSWORD);
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(200);
        assertThat(sessionsOf(second.getLogin())).isEqualTo(1);

        Cookie admin = Sessions.login(mvc, "admin");
        mvc.perform(post("/admin/users/" + second.getId())
                        .cookie(admin)
                        .with(csrf())
                        .param("login", second.getLogin())
                        .param("fullName", second.getFullName())
                        .param("roles", "EXECUTOR")
                        .param("enabled", "true")
                        .param("version", String.valueOf(second.getVersion())))
                .andExpect(redirectedUrl("/admin/users"));

        assertThat(sessionsOf(second.getLogin())).isZero();
        HttpResponse<String> after = browser.get("/admin/users");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
        browser.login(second.getLogin(), PASSWORD);
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(browser.get("/assignments").statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordResetEndsEveryOpenSessionOfThePerson() throws Exception {
        User person = account("reset-" + suffix(), EnumSet.of(Role.EXECUTOR));
        HttpBrowser office = new HttpBrowser(port);
        HttpBrowser home = new HttpBrowser(port);
        office.login(person.getLogin(), PASSWORD);
        home.login(person.getLogin(), PASSWORD);
        assertThat(sessionsOf(person.getLogin())).isEqualTo(2);

        Cookie admin = Sessions.login(mvc, "admin");
        mvc.perform(post("/admin/users/" + person.getId() + "/password")
                        .cookie(admin)
                        .with(csrf())
                        .param("password", "Новый-временный-пароль"))
                .andExpect(redirectedUrl("/admin/users/" + person.getId()));

        assertThat(sessionsOf(person.getLogin())).isZero();
        assertThat(office.get("/assignments").statusCode()).isEqualTo(302);
        assertThat(home.get("/assignments").statusCode()).isEqualTo(302);
    }

    @Test
    void aSessionEndsTwelveHoursAfterItsLoginHoweverActive() throws Exception {
        User person = account("long-" + suffix(), EnumSet.of(Role.EXECUTOR));
        HttpBrowser browser = new HttpBrowser(port);
        browser.login(person.getLogin(), PASSWORD);
        try {
            clock.advance(Duration.ofHours(11).plusMinutes(59));
            assertThat(browser.get("/assignments").statusCode()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(2));
            HttpResponse<String> expired = browser.get("/assignments");
            assertThat(expired.statusCode()).isEqualTo(302);
            assertThat(expired.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
            assertThat(sessionsOf(person.getLogin())).isZero();
            assertThat(browser.get("/login?expired").body()).contains("Сеанс завершён");
        } finally {
            clock.set(TestConfig.START);
        }
    }

    @Test
    void anAnonymousVisitToTheLoginPageStoresNoSession() throws Exception {
        applicationCsrfTokens();
        long before = allSessions();
        HttpBrowser browser = new HttpBrowser(port);
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        HttpResponse<String> page = browser.get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"_csrf\"");
        assertThat(browser.cookie(Sessions.COOKIE)).isNull();
        assertThat(browser.login("nobody-" + suffix(), "wrong")).endsWith("/login?error");
        assertThat(browser.cookie(Sessions.COOKIE)).isNull();
        assertThat(allSessions()).isLessThanOrEqualTo(before);

        assertThat(browser.login("executor", "demo")).endsWith("/");
        assertThat(browser.cookie(Sessions.COOKIE)).isNotNull();
        assertThat(browser.get("/assignments").statusCode()).isEqualTo(200);
    }

    /**
     * MockMvc's {@code csrf()} swaps the CSRF repository of the shared security filter for one kept in the session
     * (Spring Security Test's TestCsrfTokenRepository over HttpSessionCsrfTokenRepository), also for the real server's
     * requests: a test artefact. Put the application's own repository (SecurityConfiguration) back.
     */
    private void applicationCsrfTokens() {
        for (SecurityFilterChain chain : filters.getFilterChains()) {
            chain.getFilters().stream()
                    .filter(CsrfFilter.class::isInstance)
                    .forEach(filter ->
                            ReflectionTestUtils.setField(filter, "tokenRepository", new CookieCsrfTokenRepository()));
        }
    }

    private User account(String login, EnumSet<Role> roles) {
        return users.findById(people.createAccount(login, "Проверка Сеансов " + login, null, PASSWORD, roles)
                        .id())
                .orElseThrow();
    }

    private long sessionsOf(String login) {
        return jdbc.sql("select count(*) from spring_session where principal_name = ?")
                .param(login)
                .query(Long.class)
                .single();
    }

    private long allSessions() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }
}
