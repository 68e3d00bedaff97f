package ru.otklik.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import ru.otklik.people.internal.Users;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;

/**
 * A substitute must be able to do the absent person's job, and substitutes never close a circle (SPEC §1, п.3).
 */
@IntegrationTest
class AbsenceRulesIT {

    /** Far ahead, so that no other test's work moves meanwhile. */
    static final LocalDate DAY = LocalDate.of(2098, 3, 2);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    Cookie admin;

    @BeforeEach
    void login() throws Exception {
        admin = Sessions.login(mvc, "admin");
    }

    @AfterEach
    void forget() {
        jdbc.sql("delete from absence where starts_on >= ? and ends_on <= ?")
                .params(DAY, DAY.plusDays(30))
                .update();
    }

    @Test
    void theAdminIsNotAcceptedAsTheSubstituteOfADeputyMinister() throws Exception {
        record("deputy2", "admin", DAY, DAY)
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(containsString("Заместителя министра (первого заместителя, министра) может"
                                + " замещать только заместитель министра, первый заместитель или министр.")));
        assertThat(count("deputy2")).isZero();
    }

    @Test
    void theCoordinatorIsReplacedByAnotherDeputyMinisterOnly() throws Exception {
        record("deputy", "minister", DAY, DAY)
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(containsString(
                                "Координатора работы с сообщениями замещает другой заместитель министра")));
        record("deputy", "deputy2", DAY, DAY).andExpect(status().is3xxRedirection());
        assertThat(count("deputy")).isEqualTo(1);
    }

    @Test
    void anExecutorIsReplacedByAnExecutorOfTheSameDepartmentAndAHeadByAHead() throws Exception {
        // executor2 works in the employment department, executor in the families one
        record("executor", "executor2", DAY, DAY)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Исполнителя может замещать только исполнитель того же")));
        record("head", "executor", DAY, DAY)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Руководителя структурного подразделения может замещать")));
        record("specialist", "executor", DAY, DAY)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Сотрудника отдела организационной работы может замещать")));
        record("head", "head2", DAY, DAY).andExpect(status().is3xxRedirection());
        record("specialist", "orghead", DAY, DAY).andExpect(status().is3xxRedirection());
    }

    @Test
    void aCircleOfSubstitutesIsRefused() throws Exception {
        record("head", "head2", DAY, DAY.plusDays(4)).andExpect(status().is3xxRedirection());

        record("head2", "head", DAY.plusDays(4), DAY.plusDays(6))
                .andExpect(status().isBadRequest())
                .andExpect(
                        content().string(containsString("по цепочке замещений работа вернулась бы к отсутствующему")));
        assertThat(count("head2")).isZero();
        // after the head is back, the same substitution is fine
        record("head2", "head", DAY.plusDays(5), DAY.plusDays(6)).andExpect(status().is3xxRedirection());
    }

    private ResultActions record(String login, String substitute, LocalDate from, LocalDate to) throws Exception {
        return mvc.perform(post("/absences")
                .cookie(admin)
                .with(csrf())
                .param("userId", String.valueOf(id(login)))
                .param("startsOn", from.toString())
                .param("endsOn", to.toString())
                .param("kind", "VACATION")
                .param("substituteId", String.valueOf(id(substitute))));
    }

    private long id(String login) {
        return users.findByLogin(login).orElseThrow().getId();
    }

    private long count(String login) {
        return jdbc.sql("select count(*) from absence where user_id = ? and starts_on >= ?")
                .params(id(login), DAY)
                .query(Long.class)
                .single();
    }
}
