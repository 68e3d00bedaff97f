package ru.otklik.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.servlet.http.Cookie;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.Role;
import ru.otklik.support.IntegrationTest;

/**
 * One login, one counter (issue 14, findings 2 and 11): look-alike spellings of a login share its throttle, failures
 * are counted per login and per client address, and a wrong password, an unknown login and a disabled account read
 * alike.
 */
@IntegrationTest
class LoginSecurityIT {

    private static final Pattern ALERT = Pattern.compile("class=\"alert alert-danger\"[^>]*>([^<]*)<");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PeopleManagement people;

    @BeforeEach
    @AfterEach
    void noThrottle() {
        jdbc.sql("delete from login_throttle").update();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mİnister",
                "MINISTER",
                "Minister",
                "ｍｉｎｉｓｔｅｒ",
                "minıster",
                " minister ",
                "mi\u0307nister",
                "min\u200Bister"
            })
    void aLockedLoginStaysLockedUnderEverySpellingThatFoldsToIt(String spelling) throws Exception {
        for (int i = 0; i < 10; i++) {
            login("minister", "wrong-" + i, "10.0.0.1").andExpect(redirectedUrl("/login?error"));
        }

        login(spelling, "demo", "10.0.0.1").andExpect(redirectedUrl("/login?error=throttled"));
        login("minister", "demo", "10.0.0.1").andExpect(redirectedUrl("/login?error=throttled"));
    }

    @Test
    void failuresUnderLookAlikeSpellingsAddUpOnOneCounter() throws Exception {
        String[] spellings = {"mİnister", "MINISTER", "ｍｉｎｉｓｔｅｒ", "minıster", "Minister"};
        for (int i = 0; i < 10; i++) {
            login(spellings[i % spellings.length], "wrong-" + i, "10.0.0.2").andExpect(redirectedUrl("/login?error"));
        }
        login("minister", "demo", "10.0.0.2").andExpect(redirectedUrl("/login?error=throttled"));
    }

    @Test
    void aSpellingThatIsNoLoginAtAllFailsLikeAWrongPassword() throws Exception {
        // Cyrillic «і» and «е» look like Latin letters: they name nobody
        login("mіnistеr", "demo", "10.0.0.3").andExpect(redirectedUrl("/login?error"));
        login("minister", "demo", "10.0.0.3").andExpect(redirectedUrl("/"));
    }

    @Test
    void manyFailuresFromOneAddressRefuseThatAddressButNotOthers() throws Exception {
        for (int i = 0; i < 100; i++) {
            login("guess-" + (i % 20), "wrong-" + i, "10.0.0.4").andExpect(redirectedUrl("/login?error"));
        }

        login("head", "demo", "10.0.0.4").andExpect(redirectedUrl("/login?error=throttled"));
        login("head", "demo", "10.0.0.5").andExpect(redirectedUrl("/"));
    }

    @Test
    void tenFailuresFromOneAddressDoNotLockThePersonOutElsewhere() throws Exception {
        for (int i = 0; i < 10; i++) {
            login("head2", "wrong-" + i, "10.0.0.6").andExpect(redirectedUrl("/login?error"));
        }

        login("head2", "demo", "10.0.0.6").andExpect(redirectedUrl("/login?error=throttled"));
        login("head2", "demo", "10.0.0.7").andExpect(redirectedUrl("/"));
    }

    @Test
    void aWrongPasswordAnUnknownLoginAndADisabledAccountReadAlike() throws Exception {
        String login = "gone-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        people.createAccount(login, "Отключённый Сотрудник", null, "Верный-пароль-2026", EnumSet.of(Role.EXECUTOR));
        jdbc.sql("update app_user set enabled = false where login = ?")
                .param(login)
                .update();

        String wrongPassword = answerTo("executor", "wrong");
        assertThat(wrongPassword).isEqualTo("Неверный логин или пароль.");
        assertThat(answerTo("nobody-at-all", "wrong")).isEqualTo(wrongPassword);
        assertThat(answerTo(login, "wrong")).isEqualTo(wrongPassword);
        assertThat(answerTo(login, "Верный-пароль-2026")).isEqualTo(wrongPassword);
    }

    /** What the login page says after a failed attempt, as the browser that made it would see it. */
    private String answerTo(String login, String password) throws Exception {
        MockHttpServletResponse attempt =
                login(login, password, "10.0.0.8").andReturn().getResponse();
        String target = attempt.getRedirectedUrl();
        assertThat(target).startsWith("/login?error");
        MockHttpServletRequestBuilder page = get("/login")
                .param("error", target.substring("/login?error".length()).replaceFirst("^=", ""));
        Cookie session = attempt.getCookie("SESSION");
        if (session != null) {
            page.cookie(session);
        }
        Matcher alert =
                ALERT.matcher(mvc.perform(page).andReturn().getResponse().getContentAsString());
        assertThat(alert.find()).isTrue();
        return alert.group(1).strip();
    }

    private ResultActions login(String login, String password, String address) throws Exception {
        return mvc.perform(post("/login")
                .with(csrf())
                .param("username", login)
                .param("password", password)
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }
}
