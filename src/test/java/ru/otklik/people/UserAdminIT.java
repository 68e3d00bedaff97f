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
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.people.internal.Department;
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;
import ru.otklik.support.HttpBrowser;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;

@IntegrationTest
class UserAdminIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    Departments departments;

    @LocalServerPort
    int port;

    @Test
    void theAdminCreatesAPersonWhoCanThenLogIn() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        mvc.perform(post("/admin/users")
                        .cookie(admin)
                        .with(csrf())
                        .param("login", "ivanova")
                        .param("fullName", "Иванова Мария Петровна")
                        .param("email", "ivanova@example.ru")
                        .param("roles", "EXECUTOR")
                        .param("password", "Secret-spring-2026")
                        .param("enabled", "true")
                        .param("version", "0"))
                .andExpect(redirectedUrl("/admin/users"));

        User created = users.findByLogin("ivanova").orElseThrow();
        assertThat(created.getRoles()).containsExactly(Role.EXECUTOR);
        mvc.perform(get("/admin/users").cookie(admin))
                .andExpect(content().string(containsString("Иванова Мария Петровна")));
        // the admin's password is temporary: the first login leads to choosing one's own
        assertThat(new HttpBrowser(port).login("ivanova", "Secret-spring-2026")).endsWith("/account/password");
    }

    @Test
    void theAdminPutsANewExecutorIntoTheirDepartmentOnTheUserForm() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        Department department = departments.findAllByName().get(0);
        mvc.perform(get("/admin/users/new").cookie(admin))
                .andExpect(content().string(containsString("Подразделение (для исполнителя)")));
        mvc.perform(post("/admin/users")
                        .cookie(admin)
                        .with(csrf())
                        .param("login", "zaitseva")
                        .param("fullName", "Зайцева Ольга")
                        .param("roles", "EXECUTOR")
                        .param("departmentId", String.valueOf(department.getId()))
                        .param("password", "Kuzbass-Secret-2026")
                        .param("enabled", "true")
                        .param("version", "0"))
                .andExpect(redirectedUrl("/admin/users"));
        User created = users.findByLogin("zaitseva").orElseThrow();
        assertThat(departments.findById(department.getId()).orElseThrow().hasExecutor(created.getId()))
                .isTrue();
        mvc.perform(get("/admin/users/" + created.getId()).cookie(admin))
                .andExpect(
                        content().string(containsString("value=\"" + department.getId() + "\" selected=\"selected\"")));
        // a refused form keeps what was typed, never the password, and says to type it again
        mvc.perform(post("/admin/users")
                        .cookie(admin)
                        .with(csrf())
                        .param("login", "zaitseva")
                        .param("fullName", "Зайцева Ольга")
                        .param("roles", "DEPT_HEAD")
                        .param("departmentId", String.valueOf(department.getId()))
                        .param("password", "Kuzbass-Secret-2026")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Зайцева Ольга\"")))
                .andExpect(content().string(containsString("только для роли «Исполнитель»")))
                .andExpect(content().string(containsString("введите его ещё раз")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Secret-2026"))));
    }

    @Test
    void aBadFormIsShownAgainWithRussianMessagesAndNothingSaved() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        mvc.perform(post("/admin/users")
                        .cookie(admin)
                        .with(csrf())
                        .param("login", "Плохой логин")
                        .param("fullName", "")
                        .param("email", "not-an-email")
                        .param("password", "short")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Логин: латинские строчные буквы")))
                .andExpect(content().string(containsString("Укажите ФИО")))
                .andExpect(content().string(containsString("Отметьте хотя бы одну роль")))
                .andExpect(content().string(containsString("name@example.ru")));

        mvc.perform(post("/admin/users")
                        .cookie(admin)
                        .with(csrf())
                        .param("login", "executor")
                        .param("fullName", "Двойник")
                        .param("roles", "EXECUTOR")
                        .param("password", "short")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Такой логин уже есть")))
                .andExpect(content().string(containsString("не короче 12 символов")));
        assertThat(users.findByLogin("executor").orElseThrow().getFullName()).isNotEqualTo("Двойник");
    }

    @Test
    void disablingAPersonEndsTheirOpenSessionAndRefusesTheirNextLogin() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        mvc.perform(post("/admin/users")
                .cookie(admin)
                .with(csrf())
                .param("login", "leaving")
                .param("fullName", "Уходящий Сотрудник")
                .param("roles", "EXECUTOR")
                .param("password", "Secret-spring-2026")
                .param("enabled", "true")
                .param("version", "0"));
        User leaving = users.findByLogin("leaving").orElseThrow();

        HttpBrowser browser = new HttpBrowser(port);
        browser.login("leaving", "Secret-spring-2026");
        assertThat(browser.get("/account/password").statusCode()).isEqualTo(200);

        mvc.perform(post("/admin/users/" + leaving.getId())
                        .cookie(admin)
                        .with(csrf())
                        .param("login", "leaving")
                        .param("fullName", "Уходящий Сотрудник")
                        .param("roles", "EXECUTOR")
                        .param("version", String.valueOf(leaving.getVersion())))
                .andExpect(redirectedUrl("/admin/users"));

        HttpResponse<String> afterDisable = browser.get("/account/password");
        assertThat(afterDisable.statusCode()).isEqualTo(302);
        assertThat(afterDisable.headers().firstValue("Location").orElseThrow()).contains("/login");
        assertThat(browser.login("leaving", "Secret-spring-2026")).contains("/login?error");
        // the same answer as a wrong password: the login page does not tell who has an account (ASVS 5.0 V6.3.8)
        assertThat(browser.get("/login?error").body())
                .contains("Неверный логин или пароль")
                .doesNotContain("отключена");
    }

    @Test
    void aStaleEditGetsAConflictMessageAndChangesNothing() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        User head2 = users.findByLogin("head2").orElseThrow();
        long version = head2.getVersion();
        mvc.perform(post("/admin/users/" + head2.getId())
                        .cookie(admin)
                        .with(csrf())
                        .param("login", "head2")
                        .param("fullName", "Волкова Ирина Александровна")
                        .param("email", "first@example.ru")
                        .param("roles", "DEPT_HEAD")
                        .param("enabled", "true")
                        .param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/admin/users"));

        mvc.perform(post("/admin/users/" + head2.getId())
                        .cookie(admin)
                        .with(csrf())
                        .param("login", "head2")
                        .param("fullName", "Волкова И. А.")
                        .param("email", "second@example.ru")
                        .param("roles", "DEPT_HEAD")
                        .param("enabled", "true")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("уже изменил другой пользователь")));

        User reloaded = users.findByLogin("head2").orElseThrow();
        assertThat(reloaded.getEmail()).isEqualTo("first@example.ru");
        assertThat(reloaded.getFullName()).isEqualTo("Волкова Ирина Александровна");
    }

    @Test
    void theAdminSetsANewPassword() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        mvc.perform(post("/admin/users")
                .cookie(admin)
                .with(csrf())
                .param("login", "forgetful")
                .param("fullName", "Забывчивый Сотрудник")
                .param("roles", "EXECUTOR")
                .param("password", "Old-secret-spring-1")
                .param("enabled", "true")
                .param("version", "0"));
        User forgetful = users.findByLogin("forgetful").orElseThrow();

        mvc.perform(post("/admin/users/" + forgetful.getId() + "/password")
                        .cookie(admin)
                        .with(csrf())
                        .param("password", "New-secret-summer-2"))
                .andExpect(redirectedUrl("/admin/users/" + forgetful.getId()));

        assertThat(new HttpBrowser(port).login("forgetful", "Old-secret-spring-1"))
                .contains("/login?error");
        assertThat(new HttpBrowser(port).login("forgetful", "New-secret-summer-2"))
                .endsWith("/account/password");
    }

    @Test
    void aPasswordOverBcryptsSeventyTwoBytesGetsAFormMessageNotA500() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        String fortyCyrillicLetters = "пароль".repeat(6) + "длин"; // 40 letters, 80 bytes in UTF-8
        mvc.perform(post("/admin/users")
                        .cookie(admin)
                        .with(csrf())
                        .param("login", "cyrillic.password")
                        .param("fullName", "Кириллица Пароль")
                        .param("roles", "EXECUTOR")
                        .param("password", fortyCyrillicLetters)
                        .param("enabled", "true")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Пароль должен занимать не больше 72 байт")));
        assertThat(users.findByLogin("cyrillic.password")).isEmpty();

        mvc.perform(post("/admin/users")
                .cookie(admin)
                .with(csrf())
                .param("login", "cyrillic.password")
                .param("fullName", "Кириллица Пароль")
                .param("roles", "EXECUTOR")
                .param("password", "Надёжный-пароль-2026")
                .param("enabled", "true")
                .param("version", "0"));
        User person = users.findByLogin("cyrillic.password").orElseThrow();
        mvc.perform(post("/admin/users/" + person.getId() + "/password")
                        .cookie(admin)
                        .with(csrf())
                        .param("password", fortyCyrillicLetters))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Пароль должен занимать не больше 72 байт")));
    }

    @Test
    void theAdminCreatesADepartmentWithOnlyPeopleOfTheRightRoles() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        long head = users.findByLogin("head").orElseThrow().getId();
        long deputy = users.findByLogin("deputy").orElseThrow().getId();
        long executor = users.findByLogin("executor").orElseThrow().getId();

        mvc.perform(post("/admin/departments")
                        .cookie(admin)
                        .with(csrf())
                        .param("name", "Отдел опеки")
                        .param("headId", String.valueOf(executor))
                        .param("curatorId", String.valueOf(deputy))
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("не имеет нужной роли")));

        mvc.perform(post("/admin/departments")
                        .cookie(admin)
                        .with(csrf())
                        .param("name", "Отдел опеки")
                        .param("headId", String.valueOf(head))
                        .param("curatorId", String.valueOf(deputy))
                        .param("executorIds", String.valueOf(executor))
                        .param("version", "0"))
                .andExpect(redirectedUrl("/admin/departments"));

        Department created = departments.findByNameIgnoreCase("отдел опеки").get(0);
        assertThat(created.getHead().getLogin()).isEqualTo("head");
        assertThat(created.getCurator().getLogin()).isEqualTo("deputy");
        assertThat(created.hasExecutor(executor)).isTrue();
        mvc.perform(get("/admin/departments").cookie(admin)).andExpect(content().string(containsString("Отдел опеки")));
    }
}
