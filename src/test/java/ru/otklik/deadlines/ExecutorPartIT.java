package ru.otklik.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.posts.Importance;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.Sessions;
import ru.otklik.support.TestConfig;

/**
 * «Мои поручения» in the executor's words (issue 17 point 7): the state of their part, not the post's — new, accepted,
 * returned for rework with the reason and who returned it on top, with the approvers — on the list and at the top of
 * the post's page.
 */
class ExecutorPartIT extends DeadlineIT {

    private static final String REASON = "Уточните сумму пособия и срок выплаты";

    @Autowired
    MockMvc mvc;

    @AfterEach
    void resetClock() {
        clock.set(TestConfig.START);
    }

    @Test
    void aDraftReturnedByTheHeadReadsOnReworkWithTheReasonOnTopUntilItIsSentAgain() throws Exception {
        Post post = fx.register(TestConfig.START, TestConfig.START, Importance.NORMAL);
        fx.route(post.getId(), Importance.NORMAL, "executor");
        assertThat(row(post)).contains("Новое: примите в работу");

        posts.accept(
                post.getId(),
                fx.assignmentOf(post.getId(), "executor"),
                fx.version(post.getId()),
                fx.actor("executor"));
        assertThat(row(post)).contains("Принято: подготовьте ответ");

        posts.submitDraft(post.getId(), fx.version(post.getId()), false, "Пособие придёт.", null, fx.actor("executor"));
        assertThat(row(post)).contains("Ваш ответ на согласовании");

        posts.returnDraft(post.getId(), fx.version(post.getId()), REASON, fx.actor("head"));
        String row = row(post);
        assertThat(row)
                .contains("На доработке: исправьте ответ")
                .contains("Вернул(а) Морозов Сергей Иванович")
                .contains(REASON)
                .doesNotContain("Принято в работу");
        String page = mvc.perform(get("/posts/" + post.getId()).cookie(Sessions.login(mvc, "executor")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int top = page.indexOf("class=\"alert my-part");
        assertThat(top).as("the executor's part on top of the post's page").isPositive();
        assertThat(page.substring(top, page.indexOf("</div>", top)))
                .contains("На доработке: исправьте ответ")
                .contains("Вернул(а) Морозов Сергей Иванович")
                .contains(REASON);
        assertThat(top).as("above the post's text").isLessThan(page.indexOf("post-text"));

        // the specialist sees no executor's part on the same page
        assertThat(mvc.perform(get("/posts/" + post.getId()).cookie(Sessions.login(mvc, "specialist")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("my-part");

        posts.submitDraft(
                post.getId(),
                fx.version(post.getId()),
                false,
                "Пособие придёт до 10 декабря.",
                null,
                fx.actor("executor"));
        assertThat(row(post)).contains("Ваш ответ на согласовании").doesNotContain(REASON);
    }

    /** The post's row on «Мои поручения» of the executor. */
    private String row(Post post) throws Exception {
        String page = mvc.perform(get("/assignments").cookie(Sessions.login(mvc, "executor")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int link = page.indexOf("href=\"/posts/" + post.getId() + "\"");
        assertThat(link).as(post.getExternalId() + " on «Мои поручения»").isPositive();
        int from = page.lastIndexOf("<tr", link);
        return page.substring(from, page.indexOf("</tr>", link));
    }
}
