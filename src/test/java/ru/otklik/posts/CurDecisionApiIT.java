package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;

/**
 * ЦУР's decision through the API: {@code POST /api/v1/messages/{id}/cur-decision} with ЦУР's token.
 */
@IntegrationTest
class CurDecisionApiIT {

    static final String TOKEN = "Bearer demo-cur-token";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AutowireCapableBeanFactory beans;

    AnswerFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = beans.createBean(AnswerFixtures.class);
    }

    ResultActions decide(Object postId, String body) throws Exception {
        return mvc.perform(post("/api/v1/messages/" + postId + "/cur-decision")
                .header("Authorization", TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void curApprovesADraftAtCur() throws Exception {
        long id = fx.atCur().getId();
        decide(id, "{\"decision\": \"APPROVED\", \"comment\": \"Хороший ответ\"}")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.status").value("CUR_APPROVED"))
                .andExpect(jsonPath("$.decision").value("APPROVED"));
        assertThat(fx.reload(id).getState()).isEqualTo(PostState.CUR_APPROVED);
        assertThat(jdbc.sql("select count(*) from post_event where post_id = ? and action = 'CUR_APPROVED'"
                                + " and actor_id is null")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void curReturnsADraftWithItsComment() throws Exception {
        long id = fx.atCur().getId();
        decide(id, "{\"decision\": \"RETURNED\", \"comment\": \"Уберите ссылку на закон\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REWORK"));
        assertThat(jdbc.sql("select comment from post_event where post_id = ? and action = 'CUR_RETURNED'")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("Уберите ссылку на закон");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("", "body"),
                Arguments.of("не JSON", "body"),
                Arguments.of("[\"APPROVED\"]", "body"),
                Arguments.of("\"APPROVED\"", "body"),
                Arguments.of("{\"decision\": \"APPROVED\"", "body"),
                Arguments.of("{\"decision\": \"APPROVED\"} {}", "body"),
                Arguments.of("{\"decision\": \"APPROVED\", \"decision\": \"RETURNED\"}", "body"),
                Arguments.of("{}", "decision"),
                Arguments.of("{\"decision\": null}", "decision"),
                Arguments.of("{\"decision\": 1}", "decision"),
                Arguments.of("{\"decision\": [\"APPROVED\"]}", "decision"),
                Arguments.of("{\"decision\": \"approved\"}", "decision"),
                Arguments.of("{\"decision\": \"MAYBE\"}", "decision"),
                Arguments.of("{\"decision\": \"RETURNED\"}", "comment"),
                Arguments.of("{\"decision\": \"RETURNED\", \"comment\": \"   \"}", "comment"),
                Arguments.of("{\"decision\": \"APPROVED\", \"comment\": 5}", "comment"),
                Arguments.of("{\"decision\": \"RETURNED\", \"comment\": {\"text\": \"x\"}}", "comment"),
                Arguments.of("{\"decision\": \"RETURNED\", \"comment\": \"" + "я".repeat(2001) + "\"}", "comment"),
                Arguments.of("{\"decision\": \"APPROVED\", \"reason\": \"x\"}", "reason"));
    }

    @ParameterizedTest(name = "{index}: {1}")
    @MethodSource("badBodies")
    void badInputIsA400ProblemNamingTheFieldAndChangesNothing(String body, String field) throws Exception {
        Post post = fx.atCur();
        decide(post.getId(), body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
        Post after = fx.reload(post.getId());
        assertThat(after.getState()).isEqualTo(PostState.AT_CUR);
        assertThat(after.getVersion()).isEqualTo(post.getVersion());
    }

    @Test
    void everyBadFieldIsNamedAtOnce() throws Exception {
        decide(fx.atCur().getId(), "{\"decision\": 7, \"comment\": false, \"extra\": 1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3));
    }

    @Test
    void anUnknownPostIs404() throws Exception {
        decide(Long.MAX_VALUE, "{\"decision\": \"APPROVED\"}")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        decide("abc", "{\"decision\": \"APPROVED\"}").andExpect(status().isNotFound());
        decide("-1", "{\"decision\": \"APPROVED\"}").andExpect(status().isNotFound());
    }

    @Test
    void aPostNotAtCurIs409AndUnchanged() throws Exception {
        Post ready = fx.readyForCur();
        decide(ready.getId(), "{\"decision\": \"APPROVED\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value("READY_FOR_CUR"));
        assertThat(fx.reload(ready.getId()).getState()).isEqualTo(PostState.READY_FOR_CUR);

        long id = fx.atCur().getId();
        decide(id, "{\"decision\": \"APPROVED\"}").andExpect(status().isOk());
        decide(id, "{\"decision\": \"RETURNED\", \"comment\": \"Поздно\"}").andExpect(status().isConflict());
        assertThat(fx.reload(id).getState()).isEqualTo(PostState.CUR_APPROVED);
    }

    @Test
    void withoutTheCurTokenTheDecisionIsRefused() throws Exception {
        long id = fx.atCur().getId();
        mvc.perform(post("/api/v1/messages/" + id + "/cur-decision")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"APPROVED\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/messages/" + id + "/cur-decision")
                        .header("Authorization", "Bearer wrong")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"APPROVED\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/messages/" + id + "/cur-decision")
                        .cookie(Sessions.login(mvc, "specialist"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"APPROVED\"}"))
                .andExpect(status().isForbidden());
        assertThat(fx.reload(id).getState()).isEqualTo(PostState.AT_CUR);
    }

    @Test
    void otherMethodsAndContentTypesAreRefusedAsProblems() throws Exception {
        long id = fx.atCur().getId();
        mvc.perform(get("/api/v1/messages/" + id + "/cur-decision").header("Authorization", TOKEN))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "POST"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/messages/" + id + "/cur-decision")
                        .header("Authorization", TOKEN)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("APPROVED"))
                .andExpect(status().isUnsupportedMediaType());
        for (String type : new String[] {"application/json;charset=ISO-8859-1", "application/problem+json"}) {
            mvc.perform(post("/api/v1/messages/" + id + "/cur-decision")
                            .header("Authorization", TOKEN)
                            .header("Content-Type", type)
                            .content("{\"decision\": \"APPROVED\"}"))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(fx.reload(id).getState()).isEqualTo(PostState.AT_CUR);
    }

    @Test
    void aBodyOver64KilobytesIs413AndChangesNothing() throws Exception {
        long id = fx.atCur().getId();
        decide(id, "{\"decision\": \"RETURNED\", \"comment\": \"" + "x".repeat(64 * 1024) + "\"}")
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("64 КБ")));
        assertThat(fx.reload(id).getState()).isEqualTo(PostState.AT_CUR);
    }
}
