package ru.otklik.calendar.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;

@IntegrationTest
class CalendarApiIT {

    static final String TOKEN = "Bearer demo-cur-token";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFridayAfternoonRouteDeadlineFallsOnMondayMorning() throws Exception {
        mvc.perform(get("/api/v1/calendar/deadline")
                        .header("Authorization", TOKEN)
                        .param("from", "2026-12-04T16:25:00+07:00")
                        .param("workingMinutes", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.due").value("2026-12-07T08:35:00+07:00"))
                .andExpect(jsonPath("$.from").value("2026-12-04T16:25:00+07:00"))
                .andExpect(jsonPath("$.workingMinutes").value(10));
    }

    @Test
    void anInstantInAnotherOffsetIsTheSameMoment() throws Exception {
        mvc.perform(get("/api/v1/calendar/deadline")
                        .header("Authorization", TOKEN)
                        .param("from", "2026-12-04T09:25:00Z")
                        .param("workingMinutes", "10"))
                .andExpect(jsonPath("$.due").value("2026-12-07T08:35:00+07:00"));
    }

    @Test
    void workingMinutesAcrossAWeekendCountOnlyOfficeHours() throws Exception {
        mvc.perform(get("/api/v1/calendar/working-minutes")
                        .header("Authorization", TOKEN)
                        .param("from", "2026-12-04T16:25:00+07:00")
                        .param("to", "2026-12-07T08:35:00+07:00"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workingMinutes").value(10));
        mvc.perform(get("/api/v1/calendar/working-minutes")
                        .header("Authorization", TOKEN)
                        .param("from", "2026-12-07T08:35:00+07:00")
                        .param("to", "2026-12-04T16:25:00+07:00"))
                .andExpect(jsonPath("$.workingMinutes").value(0));
    }

    @Test
    void aLoggedInPersonMayUseTheCalendarApiWithoutAToken() throws Exception {
        Cookie session = Sessions.login(mvc, "executor");
        mvc.perform(get("/api/v1/calendar/deadline")
                        .cookie(session)
                        .param("from", "2026-12-07T00:00:00+07:00")
                        .param("workingMinutes", "0"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.due").value("2026-12-07T00:00:00+07:00"));
    }

    @Test
    void withoutTokenOrSessionTheAnswerIs401ProblemJson() throws Exception {
        mvc.perform(get("/api/v1/calendar/deadline")
                        .param("from", "2026-12-04T16:25:00+07:00")
                        .param("workingMinutes", "10"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("ключ доступа")));
        mvc.perform(get("/api/v1/calendar/deadline")
                        .header("Authorization", "Bearer wrong-token")
                        .param("from", "2026-12-04T16:25:00+07:00")
                        .param("workingMinutes", "10"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "              | 10      | from",
                "yesterday     | 10      | from",
                "2026-12-04T16:25:00 | 10 | from",
                "2026-12-04T16:25:00+07:00 |  | workingMinutes",
                "2026-12-04T16:25:00+07:00 | -1 | workingMinutes",
                "2026-12-04T16:25:00+07:00 | 1000001 | workingMinutes",
                "2026-12-04T16:25:00+07:00 | ten | workingMinutes",
                "2026-12-04T16:25:00+07:00 | 99999999999999999999 | workingMinutes"
            })
    void badParametersGet400ProblemJsonNamingTheParameter(String from, String minutes, String badField)
            throws Exception {
        var request = get("/api/v1/calendar/deadline").header("Authorization", TOKEN);
        if (from != null) {
            request.param("from", from);
        }
        if (minutes != null) {
            request.param("workingMinutes", minutes);
        }
        mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem(badField)))
                .andExpect(jsonPath("$.detail").value(containsString(badField)));
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        String secret = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/tokens")
                                .cookie(admin)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("name", "Проверка отзыва"))
                .andReturn()
                .getFlashMap()
                .get("newSecret")
                .toString();

        mvc.perform(get("/api/v1/calendar/working-minutes")
                        .header("Authorization", "Bearer " + secret)
                        .param("from", "2026-12-04T16:25:00+07:00")
                        .param("to", "2026-12-07T08:35:00+07:00"))
                .andExpect(status().isOk());

        long id = jdbc.sql("select id from api_token where name = 'Проверка отзыва'")
                .query(Long.class)
                .single();
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/admin/tokens/" + id + "/revoke")
                        .cookie(admin)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf()));

        mvc.perform(get("/api/v1/calendar/working-minutes")
                        .header("Authorization", "Bearer " + secret)
                        .param("from", "2026-12-04T16:25:00+07:00")
                        .param("to", "2026-12-07T08:35:00+07:00"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/admin/tokens").cookie(admin))
                .andExpect(content().string(containsString("Проверка отзыва")))
                .andExpect(content().string(containsString("отозван")));
    }
}
