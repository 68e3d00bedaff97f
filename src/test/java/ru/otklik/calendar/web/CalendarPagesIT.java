package ru.otklik.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.calendar.CalendarChanged;
import ru.otklik.calendar.WorkingTime;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;

@IntegrationTest
@RecordApplicationEvents
class CalendarPagesIT {

    /** A date no other test relies on: Friday 2027-12-17. */
    static final LocalDate EDITED = LocalDate.of(2027, 12, 17);

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkingTime workingTime;

    @Autowired
    ApplicationEvents events;

    @AfterEach
    void restoreTheDay() {
        workingTime.resetDay(EDITED, "test");
    }

    @Test
    void everyoneSeesTheYearWithItsHolidaysShortenedDaysAndTotals() throws Exception {
        Cookie session = Sessions.login(mvc, "executor");
        mvc.perform(get("/calendar").param("year", "2027").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Производственный календарь на 2027 год")))
                .andExpect(content().string(containsString("Рабочих дней: 247")))
                .andExpect(content().string(containsString("20 февраля: сокращённый предпраздничный день")))
                .andExpect(content().string(containsString("22 февраля: нерабочий праздничный день")))
                .andExpect(content().string(containsString("ПП № 1187 от 17.09.2026")))
                .andExpect(content().string(containsString("рабочий день по переносу")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/admin/calendar/day/"))));
    }

    @Test
    void aYearThatIsNotLoadedWarnsAndFallsBackToTheLabourCodeHolidays() throws Exception {
        Cookie session = Sessions.login(mvc, "specialist");
        mvc.perform(get("/calendar").param("year", "2030").cookie(session))
                .andExpect(content().string(containsString("на 2030 год не загружен")))
                .andExpect(content().string(containsString("4 ноября: нерабочий праздничный день")));
    }

    @Test
    void theAdminMakesADayOffAndTheCalendarRebuildsAtOnceAndAnnouncesIt() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        Instant fridayMorning = Instant.parse("2027-12-17T01:30:00Z"); // 08:30 +07
        assertThat(workingTime.current().isWorkingTime(fridayMorning)).isTrue();

        mvc.perform(post("/admin/calendar/day/2027-12-17")
                        .cookie(admin)
                        .with(csrf())
                        .param("kind", "DAY_OFF"))
                .andExpect(redirectedUrl("/calendar?year=2027"));

        assertThat(workingTime.current().isWorkingTime(fridayMorning)).isFalse();
        assertThat(events.stream(CalendarChanged.class))
                .anySatisfy(e -> assertThat(e.by()).isEqualTo("admin"));
        mvc.perform(get("/calendar").param("year", "2027").cookie(admin))
                .andExpect(content().string(containsString("17 декабря: нерабочий праздничный день")));
    }

    @Test
    void customHoursAreCheckedAndSaved() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        mvc.perform(post("/admin/calendar/day/2027-12-17")
                        .cookie(admin)
                        .with(csrf())
                        .param("kind", "CUSTOM")
                        .param("start", "14:00")
                        .param("end", "10:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Проверьте время")));
        mvc.perform(post("/admin/calendar/day/2027-12-17")
                        .cookie(admin)
                        .with(csrf())
                        .param("kind", "CUSTOM")
                        .param("start", "25:99"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ЧЧ:ММ")));

        mvc.perform(post("/admin/calendar/day/2027-12-17")
                        .cookie(admin)
                        .with(csrf())
                        .param("kind", "CUSTOM")
                        .param("start", "10:00")
                        .param("end", "14:00"))
                .andExpect(redirectedUrl("/calendar?year=2027"));
        Instant from = Instant.parse("2027-12-17T00:00:00Z");
        Instant to = Instant.parse("2027-12-17T12:00:00Z");
        assertThat(workingTime.current().workingMinutes(from, to)).isEqualTo(240);
    }

    @Test
    void onlyTheAdminMayChangeTheCalendar() throws Exception {
        Cookie specialist = Sessions.login(mvc, "specialist");
        mvc.perform(post("/admin/calendar/day/2027-12-17")
                        .cookie(specialist)
                        .with(csrf())
                        .param("kind", "DAY_OFF"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/calendar/hours").cookie(specialist)).andExpect(status().isForbidden());
        assertThat(workingTime.current().isWorkingTime(Instant.parse("2027-12-17T01:30:00Z")))
                .isTrue();
    }

    @Test
    void theAdminSeesTheWeeklyHoursFormWithTheDefaults() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        mvc.perform(get("/admin/calendar/hours").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"08:30\"")))
                .andExpect(content().string(containsString("value=\"12:48\"")))
                .andExpect(content().string(containsString("value=\"16:30\"")));
    }

    @Test
    void theAdminChangesTheWeeklyHoursAndABadRowIsExplained() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        var request = post("/admin/calendar/hours").cookie(admin).with(csrf());
        String[][] week = {
            {"true", "08:30", "17:30", "12:00", "12:48"},
            {"true", "08:30", "17:30", "12:00", "12:48"},
            {"true", "08:30", "17:30", "12:00", "12:48"},
            {"true", "08:30", "17:30", "12:00", "12:48"},
            {"true", "08:30", "16:00", "12:00", "12:48"},
            {"false", "", "", "", ""},
            {"false", "", "", "", ""}
        };
        for (int i = 0; i < week.length; i++) {
            request.param("days[" + i + "].working", week[i][0])
                    .param("days[" + i + "].start", week[i][1])
                    .param("days[" + i + "].end", week[i][2])
                    .param("days[" + i + "].lunchStart", week[i][3])
                    .param("days[" + i + "].lunchEnd", week[i][4]);
        }
        // a Friday 2027-12-24 16:15 +07 is working time today and not after the change
        Instant fridayAfternoon = Instant.parse("2027-12-24T09:15:00Z");
        assertThat(workingTime.current().isWorkingTime(fridayAfternoon)).isTrue();
        try {
            mvc.perform(request).andExpect(redirectedUrl("/calendar"));
            assertThat(workingTime.current().isWorkingTime(fridayAfternoon)).isFalse();

            mvc.perform(post("/admin/calendar/hours")
                            .cookie(admin)
                            .with(csrf())
                            .param("days[0].working", "true")
                            .param("days[0].start", "13:00")
                            .param("days[0].end", "09:00"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Заполните часы для всех семи дней недели")));
        } finally {
            workingTime.changeWeeklyHours(
                    java.time.DayOfWeek.FRIDAY,
                    ru.otklik.calendar.WorkingHours.of(
                            java.time.LocalTime.of(8, 30),
                            java.time.LocalTime.of(16, 30),
                            java.time.LocalTime.of(12, 0),
                            java.time.LocalTime.of(12, 48)),
                    "test");
        }
        assertThat(workingTime.current().isWorkingTime(fridayAfternoon)).isTrue();
    }
}
