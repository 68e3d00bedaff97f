package ru.otklik.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.people.Substitutes;
import ru.otklik.posts.Importance;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.Sessions;
import ru.otklik.support.TestConfig;

/**
 * The sweep and the pages follow the same chain of substitutes (A absent → B absent → C), and an escalation handed
 * to a deputy before their absence began waits for the substitute like their own (п.3, Приказ п.5).
 */
class SubstituteChainIT extends DeadlineIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Substitutes substitutes;

    final List<Long> absences = new ArrayList<>();

    @BeforeEach
    void sweepWhatOtherTestsLeftDue() {
        sweep.sweep();
    }

    @AfterEach
    void backFromLeave() {
        clock.set(TestConfig.START);
        absences.forEach(
                a -> jdbc.sql("delete from absence where id = ?").param(a).update());
    }

    @Test
    void theSweepHandsTheEscalationToTheEndOfTheChainAsThePagesDo() throws Exception {
        long deputy = fx.user("deputy").getId();
        long deputy2 = fx.user("deputy2").getId();
        long minister = fx.user("minister").getId();
        absent(deputy, deputy2);
        absent(deputy2, minister);
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        fx.route(post.getId(), Importance.NORMAL, "executor");

        clock.advance(Duration.ofMinutes(16));
        sweep.sweep();

        assertThat(substitutes.effective(deputy, clock.instant())).isEqualTo(minister);
        assertThat(substitutes.standingInFor(minister, clock.instant())).containsExactlyInAnyOrder(deputy, deputy2);
        assertThat(jdbc.sql("select deputy_id from escalation where post_id = ?")
                        .param(post.getId())
                        .query(Long.class)
                        .single())
                .isEqualTo(minister);
        assertThat(jdbc.sql("select recipient_id from notification where post_id = ? and kind = 'ESCALATION'")
                        .param(post.getId())
                        .query(Long.class)
                        .list())
                .containsExactlyInAnyOrder(minister, fx.user("executor").getId());
    }

    @Test
    void aCircleOfSubstitutesInOldRecordsStopsRatherThanLoops() {
        long deputy = fx.user("deputy").getId();
        long deputy2 = fx.user("deputy2").getId();
        absent(deputy, deputy2);
        absent(deputy2, deputy);

        assertThat(substitutes.effective(deputy, clock.instant())).isEqualTo(deputy2);
        assertThat(substitutes.effective(deputy2, clock.instant())).isEqualTo(deputy);
    }

    @Test
    void anEscalationWaitingBeforeTheAbsenceIsTheSubstitutesToSeeAndClose() throws Exception {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        fx.route(post.getId(), Importance.NORMAL, "executor");
        clock.advance(Duration.ofMinutes(16));
        sweep.sweep();
        long escalation = jdbc.sql("select id from escalation where post_id = ? and deputy_id = ?")
                .params(post.getId(), fx.user("deputy").getId())
                .query(Long.class)
                .single();

        absent(fx.user("deputy").getId(), fx.user("deputy2").getId());
        Cookie deputy2 = Sessions.login(mvc, "deputy2");

        mvc.perform(get("/escalations").cookie(deputy2))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(post.getRegistrationNumber())));
        mvc.perform(post("/escalations/" + escalation + "/close")
                        .cookie(deputy2)
                        .with(csrf())
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select closed_by from escalation where id = ?")
                        .param(escalation)
                        .query(Long.class)
                        .single())
                .isEqualTo(fx.user("deputy2").getId());
    }

    private void absent(long person, long substitute) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), MinistryTime.ZONE);
        absences.add(jdbc.sql("insert into absence (user_id, starts_on, ends_on, kind, substitute_id)"
                        + " values (?, ?, ?, 'VACATION', ?) returning id")
                .params(person, today, today.plusDays(1), substitute)
                .query(Long.class)
                .single());
    }
}
