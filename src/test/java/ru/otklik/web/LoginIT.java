package ru.otklik.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.support.HttpBrowser;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.MutableClock;
import ru.otklik.support.Sessions;
import ru.otklik.support.TestConfig;

@IntegrationTest
class LoginIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    @ParameterizedTest
    @CsvSource({
        "specialist, /inbox", "orghead, /inbox", "executor, /assignments", "executor2, /assignments",
        "head, /approvals", "head2, /approvals", "deputy, /today", "deputy2, /today",
        "minister, /today", "admin, /admin/users"
    })
    void everyDemoLoginLandsOnTheStartPageOfItsRole(String login, String startPage) throws Exception {
        Cookie session = Sessions.login(mvc, login);

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl(startPage));
        mvc.perform(get(startPage).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Выйти")));
    }

    @Test
    void everyPageNamesItsIconSoTheBrowserDoesNotAskForAMissingOne() throws Exception {
        String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher icon = java.util.regex.Pattern.compile(
                        "<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"(/assets/favicon(?:-[0-9a-f]{32})?\\.svg)\">")
                .matcher(page);
        org.assertj.core.api.Assertions.assertThat(icon.find())
                .as("the icon link")
                .isTrue();
        mvc.perform(get(icon.group(1)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml"));
    }

    @Test
    void aWrongPasswordIsRefusedWithARussianMessage() throws Exception {
        mvc.perform(formLogin("/login").user("head2").password("wrong")).andExpect(redirectedUrl("/login?error"));

        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString("Неверный логин или пароль")));
    }

    @Test
    void afterTenFailuresTheLoginIsBlockedEvenWithTheRightPasswordWhileOthersStillLogIn() throws Exception {
        jdbc.sql("delete from login_throttle").update();
        for (int i = 0; i < 10; i++) {
            mvc.perform(formLogin("/login").user("deputy2").password("wrong-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }

        mvc.perform(formLogin("/login").user("deputy2").password("demo"))
                .andExpect(redirectedUrl("/login?error=throttled"));
        mvc.perform(get("/login").param("error", "throttled"))
                .andExpect(content().string(containsString("заблокирован на 15 минут")));

        mvc.perform(formLogin("/login").user("head").password("demo")).andExpect(redirectedUrl("/"));
        jdbc.sql("delete from login_throttle").update();
    }

    @Test
    void theBlockEndsFifteenMinutesLater() throws Exception {
        jdbc.sql("delete from login_throttle").update();
        for (int i = 0; i < 10; i++) {
            mvc.perform(formLogin("/login").user("orghead").password("wrong")).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user("orghead").password("demo"))
                .andExpect(redirectedUrl("/login?error=throttled"));
        try {
            clock.advance(Duration.ofMinutes(15).plusSeconds(1));
            mvc.perform(formLogin("/login").user("orghead").password("demo")).andExpect(redirectedUrl("/"));
        } finally {
            clock.set(TestConfig.START);
        }
    }

    @Test
    void nineFailuresDoNotBlockTheLogin() throws Exception {
        jdbc.sql("delete from login_throttle").update();
        for (int i = 0; i < 9; i++) {
            mvc.perform(formLogin("/login").user("minister").password("wrong"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user("minister").password("demo")).andExpect(redirectedUrl("/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/inbox", "/admin/users", "/help", "/assignments"})
    void anonymousVisitorsAreSentToTheLoginPage(String path) throws Exception {
        mvc.perform(get(path))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ORG_SPECIALIST",
                "ORG_HEAD",
                "EXECUTOR",
                "DEPT_HEAD",
                "DEPUTY_MINISTER",
                "FIRST_DEPUTY_MINISTER",
                "MINISTER"
            })
    void adminPagesAreRefusedToEveryOtherRole(String role) throws Exception {
        mvc.perform(get("/admin/users").with(user("someone").roles(role))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/departments").with(user("someone").roles(role))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users")
                        .with(csrf())
                        .with(user("someone").roles(role))
                        .param("login", "intruder"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/admin/users")
                        .with(user("admin").roles("ADMIN"))
                        .param("login", "nocsrf")
                        .param("fullName", "Без токена")
                        .param("roles", "EXECUTOR")
                        .param("password", "long-enough-1"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from app_user where login = 'nocsrf'")
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(post("/login").param("username", "admin").param("password", "demo"))
                .andExpect(status().isForbidden());
    }

    @Test
    void healthIsPublicAndNoOtherActuatorEndpointIsExposed() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
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
    void errorPagesAreRussianAndShowNoStackTrace() throws Exception {
        HttpBrowser browser = new HttpBrowser(port);
        assertThat(browser.login("executor", "demo")).endsWith("/");

        HttpResponse<String> forbidden = browser.get("/admin/users");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Доступ запрещён").doesNotContain("Exception");

        HttpBrowser admin = new HttpBrowser(port);
        admin.login("admin", "demo");
        HttpResponse<String> notFound = admin.get("/admin/users/999999");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body())
                .contains("Страница не найдена")
                .doesNotContain("Exception")
                .doesNotContain("at ru.otklik");
    }

    @Test
    void theMenuMarksTheCurrentPageAndNoOther() throws Exception {
        String inbox = mvc.perform(get("/inbox").cookie(Sessions.login(mvc, "specialist")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(inbox)
                .containsPattern(
                        "<a class=\"nav-link active\" href=\"/inbox\"\\s+aria-current=\"page\"><span>Входящие</span>");
        assertThat(inbox.split("aria-current=\"page\"", -1))
                .as("one current page")
                .hasSize(2);
        assertThat(inbox).doesNotContain("bg-primary mb-3").contains("otklik-navbar");
    }

    @Test
    void anAddressThatDoesNotExistSaysPageNotFoundNotAccessDenied() throws Exception {
        HttpBrowser browser = new HttpBrowser(port);
        browser.login("specialist", "demo");
        HttpResponse<String> missing = browser.get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Страница не найдена").doesNotContain("Доступ запрещён");
        HttpResponse<String> typo = browser.get("/inbx/3");
        assertThat(typo.statusCode()).isEqualTo(404);
        // an address that exists stays refused to a role its rule does not name
        assertThat(browser.get("/admin/users").statusCode()).isEqualTo(403);
        // and a visitor who has not logged in is still sent to the login page, not told what exists
        HttpResponse<String> anonymous = new HttpBrowser(port).get("/no-such-page");
        assertThat(anonymous.statusCode()).isIn(302, 200);
        assertThat(anonymous.body()).doesNotContain("Страница не найдена");
    }

    @Test
    void theSessionIdIsRenewedAtLogin() throws Exception {
        HttpBrowser browser = new HttpBrowser(port);
        browser.get("/login");
        String before = browser.cookie(Sessions.COOKIE);
        assertThat(before).isNotNull();

        assertThat(browser.login("head", "demo")).endsWith("/");

        assertThat(browser.cookie(Sessions.COOKIE)).isNotNull().isNotEqualTo(before);
    }
}
