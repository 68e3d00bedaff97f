package ru.otklik.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import ru.otklik.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class LoginTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @CsvSource({
            "specialist, /inbox", "orghead, /inbox", "executor, /assignments", "executor2, /assignments",
            "head, /approvals", "head2, /approvals", "deputy, /escalations", "deputy2, /escalations",
            "minister, /approvals", "admin, /admin/users"})
    void everyDemoLoginLandsOnTheStartPageOfItsRole(String login, String startPage) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(login).password("demo"))
                .andExpect(authenticated().withUsername(login))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);

        mvc.perform(get("/").session(session)).andExpect(redirectedUrl(startPage));
        mvc.perform(get(startPage).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Выйти")));
    }

    @Test
    void aWrongPasswordIsRefusedWithARussianMessage() throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user("head2").password("wrong"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"))
                .andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);

        mvc.perform(get("/login").param("error", "").session(session))
                .andExpect(content().string(containsString("Неверный логин или пароль")));
    }

    @Test
    void afterTenFailuresTheLoginIsBlockedEvenWithTheRightPasswordWhileOthersStillLogIn() throws Exception {
        jdbc.sql("delete from login_throttle").update();
        for (int i = 0; i < 10; i++) {
            mvc.perform(formLogin("/login").user("deputy2").password("wrong-" + i)).andExpect(unauthenticated());
        }

        MvcResult refused = mvc.perform(formLogin("/login").user("deputy2").password("demo"))
                .andExpect(unauthenticated())
                .andReturn();
        MockHttpSession session = (MockHttpSession) refused.getRequest().getSession(false);
        mvc.perform(get("/login").param("error", "").session(session))
                .andExpect(content().string(containsString("заблокирован на 15 минут")));

        mvc.perform(formLogin("/login").user("head").password("demo")).andExpect(authenticated());
        jdbc.sql("delete from login_throttle").update();
    }

    @Test
    void nineFailuresDoNotBlockTheLogin() throws Exception {
        jdbc.sql("delete from login_throttle").update();
        for (int i = 0; i < 9; i++) {
            mvc.perform(formLogin("/login").user("minister").password("wrong")).andExpect(unauthenticated());
        }
        mvc.perform(formLogin("/login").user("minister").password("demo")).andExpect(authenticated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/inbox", "/admin/users", "/help", "/assignments"})
    void anonymousVisitorsAreSentToTheLoginPage(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ORG_SPECIALIST", "ORG_HEAD", "EXECUTOR", "DEPT_HEAD", "DEPUTY_MINISTER",
            "FIRST_DEPUTY_MINISTER", "MINISTER"})
    void adminPagesAreRefusedToEveryOtherRole(String role) throws Exception {
        mvc.perform(get("/admin/users").with(user("someone").roles(role)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Доступ запрещён")));
        mvc.perform(get("/admin/departments").with(user("someone").roles(role))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users").with(csrf()).with(user("someone").roles(role))
                .param("login", "intruder")).andExpect(status().isForbidden());
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/admin/users").with(user("admin").roles("ADMIN"))
                        .param("login", "nocsrf").param("fullName", "Без токена").param("roles", "EXECUTOR")
                        .param("password", "long-enough-1"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from app_user where login = 'nocsrf'").query(Long.class).single()).isZero();
        mvc.perform(post("/login").param("username", "admin").param("password", "demo"))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
    }

    @Test
    void healthIsPublicAndNoOtherActuatorEndpointIsExposed() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(content().string(containsString("UP")));
        mvc.perform(get("/actuator/env").with(user("admin").roles("ADMIN"))).andExpect(status().is4xxClientError());
        mvc.perform(get("/actuator/beans").with(user("admin").roles("ADMIN"))).andExpect(status().is4xxClientError());
    }

    @Test
    void pagesCarryAContentSecurityPolicyAndTheLoginPageListsDemoLogins() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(content().string(containsString("Демонстрационные входы")))
                .andExpect(content().string(containsString("executor2")));
    }

    @Test
    void anUnknownPageIsARussian404WithoutAStackTrace() throws Exception {
        mvc.perform(get("/admin/users/999999").with(user("admin").roles("ADMIN")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Страница не найдена")))
                .andExpect(content().string(not(containsString("Exception"))));
    }
}
