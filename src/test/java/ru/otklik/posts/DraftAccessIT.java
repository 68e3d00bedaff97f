package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;

/**
 * Who may act on and read a draft (issue 14, findings 4 and 9): nobody approves a draft they wrote, not even as the
 * substitute of the approver (SPEC §1); an approver reads only the drafts routed to them (SPEC §7).
 */
@IntegrationTest
class DraftAccessIT {

    private static final String DRAFT_TEXT = "Пособие назначено 1 декабря";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    AutowireCapableBeanFactory beans;

    AnswerFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = beans.createBean(AnswerFixtures.class);
    }

    @Test
    void theAuthorNamedSubstituteOfTheAbsentHeadCannotApproveTheirOwnDraft() throws Exception {
        long id = fx.inApproval().getId();
        Long absence = absent("head", "executor");
        try {
            Cookie executor = Sessions.login(mvc, "executor");
            mvc.perform(post("/posts/" + id + "/draft/approve")
                            .cookie(executor)
                            .with(csrf())
                            .param("version", String.valueOf(fx.reload(id).getVersion()))
                            .param("checklist", "true"))
                    .andExpect(status().isForbidden())
                    .andExpect(content()
                            .string(containsString("Вы автор этого проекта ответа и не можете его согласовать")));

            Post post = fx.reload(id);
            assertThat(post.getState()).isEqualTo(PostState.IN_APPROVAL);
            assertThat(post.openDraft().getApprovalLevel()).isEqualTo(1);
            assertThatThrownBy(() -> fx.management.approveDraft(id, post.getVersion(), fx.actor("executor")))
                    .isInstanceOf(OwnDraftApproval.class);
            assertThatThrownBy(() -> fx.management.returnDraft(id, post.getVersion(), "сам себе", fx.actor("executor")))
                    .isInstanceOf(OwnDraftApproval.class);
        } finally {
            jdbc.sql("delete from absence where id = ?").param(absence).update();
        }
    }

    @Test
    void aSubstituteWhoDidNotWriteTheDraftStillApprovesIt() throws Exception {
        long id = fx.inApproval().getId();
        Long absence = absent("head", "head2");
        try {
            Cookie head2 = Sessions.login(mvc, "head2");
            mvc.perform(post("/posts/" + id + "/draft/approve")
                            .cookie(head2)
                            .with(csrf())
                            .param("version", String.valueOf(fx.reload(id).getVersion()))
                            .param("checklist", "true"))
                    .andExpect(redirectedUrl("/posts/" + id));
            assertThat(fx.reload(id).openDraft().getApprovalLevel()).isEqualTo(2);
        } finally {
            jdbc.sql("delete from absence where id = ?").param(absence).update();
        }
    }

    @Test
    void theAuthorIsNeverOfferedAsTheSecondLevelApprover() {
        Post post = fx.inWork();
        long department = post.firstActiveAssignment().getDepartmentId();
        long deputy = fx.id("deputy");

        assertThat(fx.management.secondApprovers(department)).anyMatch(o -> o.id() == deputy);
        assertThat(fx.management.secondApprovers(department, deputy)).noneMatch(o -> o.id() == deputy);
    }

    @Test
    void aDeputyMinisterReadsOnlyTheDraftsOfTheDepartmentsTheyCurate() throws Exception {
        long id = fx.inApproval().getId();

        // deputy2 curates the employment department only; the draft is of the families department
        mvc.perform(get("/posts/" + id).cookie(Sessions.login(mvc, "deputy2")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(DRAFT_TEXT))));
        mvc.perform(post("/posts/" + id + "/draft/approve")
                        .cookie(Sessions.login(mvc, "deputy2"))
                        .with(csrf())
                        .param("version", String.valueOf(fx.reload(id).getVersion()))
                        .param("checklist", "true"))
                .andExpect(status().isForbidden());

        mvc.perform(get("/posts/" + id).cookie(Sessions.login(mvc, "deputy")))
                .andExpect(content().string(containsString(DRAFT_TEXT)));
        mvc.perform(get("/posts/" + id).cookie(Sessions.login(mvc, "head")))
                .andExpect(content().string(containsString(DRAFT_TEXT)));
        mvc.perform(get("/posts/" + id).cookie(Sessions.login(mvc, "specialist")))
                .andExpect(content().string(containsString(DRAFT_TEXT)));
        mvc.perform(get("/posts/" + id).cookie(Sessions.login(mvc, "minister")))
                .andExpect(content().string(containsString(DRAFT_TEXT)));
    }

    @Test
    void theSubstituteOfTheRoutedDeputyReadsTheDraft() throws Exception {
        long id = fx.inApproval().getId();
        Long absence = absent("deputy", "deputy2");
        try {
            mvc.perform(get("/posts/" + id).cookie(Sessions.login(mvc, "deputy2")))
                    .andExpect(content().string(containsString(DRAFT_TEXT)));
        } finally {
            jdbc.sql("delete from absence where id = ?").param(absence).update();
        }
    }

    private Long absent(String login, String substitute) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), MinistryTime.ZONE);
        return jdbc.sql("insert into absence (user_id, starts_on, ends_on, kind, substitute_id)"
                        + " values (?, ?, ?, 'VACATION', ?) returning id")
                .params(fx.id(login), today, today, fx.id(substitute))
                .query(Long.class)
                .single();
    }
}
