package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ЦУР plays its part through the API alone (SPEC §5): it reads the draft at ЦУР with its version and approves exactly
 * that version, reads why a post was returned to it or refused, reads the posted answers, and pages through the
 * messages that changed without losing or repeating one.
 */
@IntegrationTest
class CurApiIT {

    static final String TOKEN = "Bearer demo-cur-token";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AutowireCapableBeanFactory beans;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JsonMapper json;

    AnswerFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = beans.createBean(AnswerFixtures.class);
    }

    ResultActions read(long id) throws Exception {
        return mvc.perform(get("/api/v1/messages/" + id).header("Authorization", TOKEN));
    }

    ResultActions decide(long id, String body) throws Exception {
        return mvc.perform(post("/api/v1/messages/" + id + "/cur-decision")
                .header("Authorization", TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    JsonNode feed(String query) throws Exception {
        String body = mvc.perform(get("/api/v1/messages" + query).header("Authorization", TOKEN))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }

    /** Reworks a draft ЦУР returned and sends it through the approvers to ЦУР again. */
    Post reworkedAndSentAgain(long id, String text) {
        Post post = fx.reload(id);
        post = fx.management.submitDraft(id, post.getVersion(), false, text, null, fx.actor("executor"));
        post = fx.management.approveDraft(id, post.getVersion(), fx.actor("head"));
        post = fx.management.approveDraft(id, post.getVersion(), fx.actor("deputy"));
        fx.management.sendToCur(id, post.getVersion(), fx.actor("specialist"));
        return fx.reload(id);
    }

    @Test
    void curReadsTheDraftWithItsVersionAndApprovesThatVersion() throws Exception {
        long id = fx.atCur().getId();
        String body = read(id).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AT_CUR"))
                .andExpect(jsonPath("$.draft.kind").value("FINAL"))
                .andExpect(jsonPath("$.draft.version").value(1))
                .andExpect(jsonPath("$.draft.text").value(AnswerFixtures.DRAFT))
                .andExpect(jsonPath("$.draft.sentToCurAt").isNotEmpty())
                .andExpect(jsonPath("$.reason").value(nullValue()))
                .andExpect(jsonPath("$.answer").value(nullValue()))
                .andExpect(jsonPath("$.answers").isEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long draftId = json.readTree(body).get("draft").get("id").asLong();

        decide(
                        id,
                        "{\"decision\": \"RETURNED\", \"comment\": \"Укажите сроки\", \"draftId\": " + draftId
                                + ", \"version\": 1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REWORK"));
        read(id).andExpect(jsonPath("$.status").value("REWORK"))
                .andExpect(jsonPath("$.draft").value(nullValue()));

        reworkedAndSentAgain(id, "Здравствуйте! Пособие назначено, выплата до 25 декабря.");
        read(id).andExpect(jsonPath("$.draft.id").value(draftId))
                .andExpect(jsonPath("$.draft.version").value(2))
                .andExpect(jsonPath("$.draft.text").value("Здравствуйте! Пособие назначено, выплата до 25 декабря."));

        // a decision on the version ЦУР read before the rework changes nothing
        decide(id, "{\"decision\": \"APPROVED\", \"draftId\": " + draftId + ", \"version\": 1}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.draftId").value(draftId));
        decide(id, "{\"decision\": \"APPROVED\", \"draftId\": " + (draftId + 1000) + ", \"version\": 2}")
                .andExpect(status().isConflict());
        assertThat(fx.reload(id).getState()).isEqualTo(PostState.AT_CUR);

        decide(id, "{\"decision\": \"APPROVED\", \"draftId\": " + draftId + ", \"version\": 2}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CUR_APPROVED"));
        assertThat(fx.reload(id).getState()).isEqualTo(PostState.CUR_APPROVED);
        read(id).andExpect(jsonPath("$.draft").value(nullValue()));
    }

    @Test
    void aBadDraftIdOrVersionIsA400NamingTheField() throws Exception {
        long id = fx.atCur().getId();
        decide(id, "{\"decision\": \"APPROVED\", \"draftId\": \"x\", \"version\": 0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("draftId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("version")));
        assertThat(fx.reload(id).getState()).isEqualTo(PostState.AT_CUR);
    }

    @Test
    void curReadsWhyAPostWasReturnedToItOrRefused() throws Exception {
        Post returned = fx.tx.execute(s -> fx.registered("Вопрос о пенсии " + AnswerFixtures.unique(), Set.of()));
        fx.management.returnToCur(
                returned.getId(), returned.getVersion(), "Пенсии — вопрос Социального фонда", fx.actor("specialist"));
        read(returned.getId())
                .andExpect(jsonPath("$.status").value("RETURNED_TO_CUR"))
                .andExpect(jsonPath("$.reason").value("Пенсии — вопрос Социального фонда"))
                .andExpect(jsonPath("$.closedAt").isNotEmpty());

        Post refused = fx.tx.execute(s -> fx.registered("Угрозы " + AnswerFixtures.unique(), Set.of()));
        fx.management.refuse(
                refused.getId(), refused.getVersion(), "Угроза жизни должностного лица (п.18)", fx.actor("specialist"));
        read(refused.getId())
                .andExpect(jsonPath("$.status").value("NOT_PROCESSED"))
                .andExpect(jsonPath("$.reason").value("Угроза жизни должностного лица (п.18)"));
    }

    @Test
    void curReadsEveryPostedAnswerWithItsKind() throws Exception {
        long id = fx.atCur().getId();
        Post post = fx.reload(id);
        post = fx.management.recordCurDecision(id, post.getVersion(), true, null, fx.actor("specialist"));
        fx.management.postAnswer(
                id, post.getVersion(), "https://vk.com/wall-7_1?reply=5", "Ответ размещён", fx.actor("specialist"));
        read(id).andExpect(jsonPath("$.status").value("ANSWERED"))
                .andExpect(jsonPath("$.answer.url").value("https://vk.com/wall-7_1?reply=5"))
                .andExpect(jsonPath("$.answers.length()").value(1))
                .andExpect(jsonPath("$.answers[0].url").value("https://vk.com/wall-7_1?reply=5"))
                .andExpect(jsonPath("$.answers[0].text").value("Ответ размещён"))
                .andExpect(jsonPath("$.answers[0].kind").value("FINAL"))
                .andExpect(jsonPath("$.answers[0].postedAt").isNotEmpty())
                .andExpect(jsonPath("$.draft").value(nullValue()));
    }

    @Test
    void anIntermediateAnswerIsListedAsIntermediate() throws Exception {
        Post post = fx.inWork();
        long id = post.getId();
        post = fx.management.submitDraft(
                id, post.getVersion(), true, "Промежуточный ответ", null, fx.actor("executor"));
        post = fx.management.approveDraft(id, post.getVersion(), fx.actor("head"));
        post = fx.management.approveDraft(id, post.getVersion(), fx.actor("deputy"));
        post = fx.management.sendToCur(id, post.getVersion(), fx.actor("specialist"));
        read(id).andExpect(jsonPath("$.draft.kind").value("INTERMEDIATE"));
        post = fx.management.recordCurDecision(id, post.getVersion(), true, null, fx.actor("specialist"));
        fx.management.postAnswer(
                id, post.getVersion(), "https://vk.com/wall-7_2?reply=1", null, fx.actor("specialist"));
        read(id).andExpect(jsonPath("$.status").value("AWAITING_FINAL"))
                .andExpect(jsonPath("$.answers[0].kind").value("INTERMEDIATE"))
                .andExpect(jsonPath("$.answers[0].text").value("Промежуточный ответ"));
    }

    /** Posts changed in one transaction share one instant: paging two at a time still gives each exactly once. */
    @Test
    void theFeedPagesThroughPostsChangedAtOneInstantWithoutLosingOrRepeatingOne() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(fx.tx.execute(s -> fx.registered("Вопрос " + AnswerFixtures.unique(), Set.of()))
                    .getId());
        }
        OffsetDateTime before =
                jdbc.sql("select now()").query(OffsetDateTime.class).single();
        Thread.sleep(5);
        // one transaction: one changed_at for all five
        fx.tx.executeWithoutResult(s -> jdbc.sql("update post set topic = 'Пособия' where id in (:ids)")
                .param("ids", ids)
                .update());
        assertThat(jdbc.sql("select count(distinct changed_at) from post where id in (:ids)")
                        .param("ids", ids)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        List<Long> seen = new ArrayList<>();
        JsonNode page = feed("?limit=2&changedSince=" + before.withOffsetSameInstant(ZoneOffset.UTC));
        int pages = 0;
        while (true) {
            pages++;
            page.get("items").forEach(item -> seen.add(item.get("id").asLong()));
            if (!page.get("more").asBoolean()) {
                break;
            }
            assertThat(page.get("items").size()).isEqualTo(2);
            page = feed("?limit=2&cursor=" + page.get("cursor").asString());
        }
        assertThat(pages).isGreaterThanOrEqualTo(3);
        List<Long> mine = seen.stream().filter(ids::contains).toList();
        assertThat(mine).containsExactlyElementsOf(ids.stream().sorted().toList());
        assertThat(new LinkedHashSet<>(seen)).hasSize(seen.size());
    }

    /**
     * A change whose transaction began first but commits last is not lost: while it is open the feed stops before it,
     * and once it commits the next page from the cursor brings it.
     */
    @Test
    void aChangeCommittedLateIsNotSkippedByACursorThatPassedItsInstant() throws Exception {
        long early = fx.tx.execute(s -> fx.registered("Ранний " + AnswerFixtures.unique(), Set.of()))
                .getId();
        long late = fx.tx.execute(s -> fx.registered("Поздний " + AnswerFixtures.unique(), Set.of()))
                .getId();
        String cursor = ChangeCursor.since(jdbc.sql("select now()")
                        .query(OffsetDateTime.class)
                        .single()
                        .toInstant())
                .token();

        CountDownLatch changed = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<?> slow = thread.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                jdbc.sql("update post set topic = 'медленно' where id = ?")
                        .param(early)
                        .update();
                changed.countDown();
                try {
                    commit.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(changed.await(30, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(5);
            fx.tx.executeWithoutResult(s -> jdbc.sql("update post set topic = 'быстро' where id = ?")
                    .param(late)
                    .update());

            Fed whileOpen = feedToEnd(cursor);
            assertThat(whileOpen.ids).doesNotContain(early, late);
            commit.countDown();
            slow.get(30, TimeUnit.SECONDS);

            Fed after = feedToEnd(whileOpen.cursor);
            assertThat(after.ids).containsSubsequence(early, late);
        } finally {
            commit.countDown();
            thread.shutdownNow();
        }
    }

    record Fed(List<Long> ids, String cursor) {}

    Fed feedToEnd(String cursor) throws Exception {
        List<Long> ids = new ArrayList<>();
        String at = cursor;
        for (int i = 0; i < 10_000; i++) {
            JsonNode page = feed("?limit=100" + (at == null ? "" : "&cursor=" + at));
            page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
            if (!page.get("cursor").isNull()) {
                at = page.get("cursor").asString();
            }
            if (!page.get("more").asBoolean()) {
                return new Fed(ids, at);
            }
        }
        throw new AssertionError("the feed never ended");
    }

    @Test
    void theFeedFiltersByStatus() throws Exception {
        String at = ChangeCursor.since(jdbc.sql("select now()")
                        .query(OffsetDateTime.class)
                        .single()
                        .toInstant())
                .token();
        long id = fx.atCur().getId();
        fx.tx.execute(s -> fx.registered("Новое " + AnswerFixtures.unique(), Set.of()));
        Fed all = new Fed(new ArrayList<>(), null);
        while (true) {
            JsonNode page = feed("?status=AT_CUR&limit=100&cursor=" + at);
            page.get("items").forEach(item -> {
                assertThat(item.get("status").asString()).isEqualTo("AT_CUR");
                assertThat(item.get("draft").get("version").asInt()).isPositive();
                all.ids.add(item.get("id").asLong());
            });
            at = page.get("cursor").isNull() ? at : page.get("cursor").asString();
            if (!page.get("more").asBoolean()) {
                break;
            }
        }
        assertThat(all.ids).contains(id);
    }

    @Test
    void badFeedParametersAreA400ListingEachField() throws Exception {
        mvc.perform(get("/api/v1/messages")
                        .header("Authorization", TOKEN)
                        .param("status", "SOMETHING")
                        .param("changedSince", "вчера")
                        .param("limit", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("status")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("changedSince")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("limit")));
        mvc.perform(get("/api/v1/messages").header("Authorization", TOKEN).param("cursor", "не-курсор"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("cursor")));
        mvc.perform(get("/api/v1/messages").header("Authorization", TOKEN).param("changedSince", "2026-12-01T10:00:00"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("changedSince")));
        mvc.perform(get("/api/v1/messages").param("limit", "1")).andExpect(status().isUnauthorized());
    }
}
