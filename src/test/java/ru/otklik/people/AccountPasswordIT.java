package ru.otklik.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.people.internal.Users;
import ru.otklik.support.HttpBrowser;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;

/**
 * Passwords (issue 14, finding 5): the admin's form applies the policy; a person changes their own password with the
 * current one, which ends their other sessions; a password set by the admin must be replaced at the first login.
 */
@IntegrationTest
class AccountPasswordIT {

    private static final String FIRST = "Первый-пароль-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    PeopleManagement people;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void theAdminFormRefusesShortCommonAndOverlongPasswordsWithRussianMessages() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        long person = people.createAccount(
                        "policy-" + suffix(), "Проверка Пароля", null, FIRST, EnumSet.of(Role.EXECUTOR))
                .id();
        expectRefused(admin, person, "12345678", "не короче 12 символов");
        expectRefused(admin, person, "qwerty123456", "слишком распространён");
        expectRefused(admin, person, "я".repeat(37), "не больше 72 байт");
        expectRefused(admin, person, "Пароль".repeat(13), "не больше 72 байт");

        mvc.perform(post("/admin/users")
                        .cookie(admin)
                        .with(csrf())
                        .param("login", "short-" + suffix())
                        .param("fullName", "Короткий Пароль")
                        .param("roles", "EXECUTOR")
                        .param("password", "password1234")
                        .param("enabled", "true")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("слишком распространён")));
        assertThat(jdbc.sql("select count(*) from app_user where login like 'short-%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aPersonChangesTheirOwnPasswordWithTheCurrentOneAndTheirOtherSessionsEnd() throws Exception {
        String login = "self-" + suffix();
        people.createAccount(login, "Сам Себе Пароль", null, FIRST, EnumSet.of(Role.EXECUTOR));
        HttpBrowser here = new HttpBrowser(port);
        HttpBrowser elsewhere = new HttpBrowser(port);
        here.login(login, FIRST);
        elsewhere.login(login, FIRST);
        assertThat(here.get("/account/password").body()).contains("Смена пароля");

        HttpResponse<String> wrongCurrent = here.post(
                "/account/password",
                "/account/password",
                Map.of(
                        "currentPassword",
                        "не тот пароль",
                        "newPassword",
                        "Второй-пароль-2026",
                        "repeatPassword",
                        "Второй-пароль-2026"));
        assertThat(wrongCurrent.statusCode()).isEqualTo(200);
        assertThat(wrongCurrent.body()).contains("Текущий пароль указан неверно");

        HttpResponse<String> tooShort = here.post(
                "/account/password",
                "/account/password",
                Map.of("currentPassword", FIRST, "newPassword", "коротко", "repeatPassword", "коротко"));
        assertThat(tooShort.body()).contains("не короче 12 символов");

        HttpResponse<String> changed = here.post(
                "/account/password",
                "/account/password",
                Map.of(
                        "currentPassword",
                        FIRST,
                        "newPassword",
                        "Второй-пароль-2026",
                        "repeatPassword",
                        "Второй-пароль-2026"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(here.get("/assignments").statusCode()).isEqualTo(200);
        assertThat(elsewhere.get("/assignments").statusCode()).isEqualTo(302);

        assertThat(new HttpBrowser(port).login(login, FIRST)).contains("/login?error");
        assertThat(new HttpBrowser(port).login(login, "Второй-пароль-2026")).endsWith("/");
    }

    @Test
    void aPasswordSetByTheAdminMustBeReplacedAtTheFirstLogin() throws Exception {
        String login = "fresh-" + suffix();
        Cookie admin = Sessions.login(mvc, "admin");
        mvc.perform(post("/admin/users")
                        .cookie(admin)
                        .with(csrf())
                        .param("login", login)
                        .param("fullName", "Новый Сотрудник")
                        .param("roles", "EXECUTOR")
                        .param("password", FIRST)
                        .param("enabled", "true")
                        .param("version", "0"))
                .andExpect(redirectedUrl("/admin/users"));

        HttpBrowser browser = new HttpBrowser(port);
        assertThat(browser.login(login, FIRST)).endsWith("/account/password");
        HttpResponse<String> elsewhere = browser.get("/assignments");
        assertThat(elsewhere.statusCode()).isEqualTo(302);
        assertThat(elsewhere.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
        assertThat(browser.get("/account/password").body()).contains("Ваш пароль задал администратор");

        browser.post(
                "/account/password",
                "/account/password",
                Map.of(
                        "currentPassword",
                        FIRST,
                        "newPassword",
                        "Мой-собственный-пароль",
                        "repeatPassword",
                        "Мой-собственный-пароль"));
        assertThat(browser.get("/assignments").statusCode()).isEqualTo(200);
        assertThat(users.findByLogin(login).orElseThrow().mustChangePassword()).isFalse();
        assertThat(new HttpBrowser(port).login(login, "Мой-собственный-пароль")).endsWith("/");
    }

    @Test
    void theDemoPasswordsSetBeforeThePolicyStillLogIn() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("username", "executor2").param("password", "demo"))
                .andExpect(redirectedUrl("/"));
    }

    private void expectRefused(Cookie admin, long person, String password, String message) throws Exception {
        String before = jdbc.sql("select password_hash from app_user where id = ?")
                .param(person)
                .query(String.class)
                .single();
        mvc.perform(post("/admin/users/" + person + "/password")
                        .cookie(admin)
                        .with(csrf())
                        .param("password", password))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(message)));
        assertThat(jdbc.sql("select password_hash from app_user where id = ?")
                        .param(person)
                        .query(String.class)
                        .single())
                .isEqualTo(before);
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }
}
