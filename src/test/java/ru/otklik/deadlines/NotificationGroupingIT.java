package ru.otklik.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.posts.Importance;
import ru.otklik.support.Sessions;
import ru.otklik.support.TestConfig;

/**
 * Warnings and breaches of one kind for one person are one line with a count and the posts, never N identical lines
 * (issue 17: «33 identical deadline warnings after 300 posts arrived»).
 */
class NotificationGroupingIT extends DeadlineIT {

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void sweepWhatOtherTestsLeftDue() {
        sweep.sweep();
    }

    @AfterEach
    void resetClock() {
        clock.set(TestConfig.START);
    }

    @Test
    void thirtyWarningsOfOneKindAreOneLineWithTheCountAndSoAreTheirBreaches() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(fx.register(clock.instant(), clock.instant(), Importance.NORMAL)
                    .getId());
        }

        clock.advance(Duration.ofMinutes(9)); // 9 of ROUTE's 10 working minutes: past 80 %
        sweep.sweep();

        List<Line> warnings = linesAbout(ids, "specialist", "WARNING");
        assertThat(warnings).as("one line for the 30 warnings").hasSize(1);
        assertThat(warnings.get(0).posts()).containsAll(ids);
        assertThat(warnings.get(0).count()).isGreaterThanOrEqualTo(30);
        String page = mvc.perform(get("/notifications").cookie(Sessions.login(mvc, "specialist")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(warnings.get(0).count() + " сообщений: осталось менее 20 % срока «Направить исполнителю»")
                .contains("/posts/" + ids.get(0))
                .contains("/posts/" + ids.get(29));

        clock.advance(Duration.ofMinutes(2)); // ROUTE breached: the org head is told (п.9)
        sweep.sweep();
        sweep.sweep();

        List<Line> breaches = linesAbout(ids, "orghead", "BREACH");
        assertThat(breaches).as("one line for the 30 breaches").hasSize(1);
        assertThat(breaches.get(0).posts()).containsAll(ids);
        assertThat(linesAbout(ids, "specialist", "WARNING"))
                .as("never repeated")
                .hasSize(1);
    }

    record Line(int count, List<Long> posts) {}

    /** The person's notification lines of the kind that name any of the posts. */
    private List<Line> linesAbout(List<Long> ids, String login, String kind) {
        return jdbc.sql("""
                        select n.group_count, n.group_post_ids from notification n join app_user u on u.id = n.recipient_id
                        where u.login = ? and n.kind = ? and n.rule_code = 'ROUTE'
                          and n.group_post_ids && cast(? as bigint[])""")
                .params(login, kind, ids.toArray(new Long[0]))
                .query((rs, n) -> new Line(
                        rs.getInt(1), Arrays.asList((Long[]) rs.getArray(2).getArray())))
                .list();
    }
}
