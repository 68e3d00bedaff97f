package ru.otklik.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;
import ru.otklik.posts.Importance;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.PostState;
import ru.otklik.posts.Routing;
import ru.otklik.posts.internal.Post;
import ru.otklik.posts.internal.Posts;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.MutableClock;
import ru.otklik.support.Sessions;
import ru.otklik.support.TestConfig;

/**
 * ЦУР's intake API, case by case as SPEC §5 states it. The test clock stands at Tuesday 2026-12-01 10:00 +07.
 */
@IntegrationTest
class MessagesApiIT {

    static final String TOKEN = "Bearer demo-cur-token";

    @Autowired
    MockMvc mvc;

    @Autowired
    Posts posts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    PostManagement management;

    @Autowired
    Users users;

    @Autowired
    Departments departments;

    @LocalServerPort
    int port;

    /** {@code POST /api/v1/messages} with ЦУР's demo token and this JSON body. */
    ResultActions submit(String json) throws Exception {
        return mvc.perform(post("/api/v1/messages")
                .header("Authorization", TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    static String message(String externalId) {
        return """
                {"externalId": "%s", "source": "VK", "url": "https://vk.com/wall-1_2",
                 "authorName": "Иван И.", "authorUrl": "https://vk.com/id1",
                 "text": "Когда отремонтируют дорогу на улице Ленина?",
                 "detectedAt": "2026-12-01T09:00:00+07:00", "importance": "NORMAL", "topic": "Дороги"}
                """.formatted(externalId);
    }

    MvcResult send(String body) throws Exception {
        return mvc.perform(post("/api/v1/messages")
                        .header("Authorization", TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn();
    }

    long postCount() {
        return jdbc.sql("select count(*) from post").query(Long.class).single();
    }

    // ------------------------------------------------------------------ the happy path

    @Test
    void aNewMessageIsRegisteredAsANewPostWithItsRunningDeadlines() throws Exception {
        String externalId = unique("IM");
        MvcResult result = mvc.perform(post("/api/v1/messages")
                        .header("Authorization", TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(message(externalId)))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.externalId").value(externalId))
                .andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.receivedAt").value("2026-12-01T10:00:00+07:00"))
                .andExpect(
                        jsonPath("$.deadlines[?(@.rule == 'ROUTE')].dueAt").value(hasItem("2026-12-01T10:10:00+07:00")))
                .andExpect(jsonPath("$.deadlines[?(@.rule == 'CUR_SUBMIT')].dueAt")
                        .value(hasItem("2026-12-01T11:00:00+07:00")))
                // 09:00 + 6 working hours, less the 48-minute lunch
                .andExpect(jsonPath("$.deadlines[?(@.rule == 'ANSWER')].dueAt")
                        .value(hasItem("2026-12-01T15:48:00+07:00")))
                .andExpect(jsonPath("$.answer").doesNotExist())
                .andReturn();

        Post post = posts.findByExternalId(externalId).orElseThrow();
        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/messages/" + post.getId());
        assertThat(post.getState()).isEqualTo(PostState.NEW);
        assertThat(post.getText()).isEqualTo("Когда отремонтируют дорогу на улице Ленина?");
        assertThat(post.getAuthorName()).isEqualTo("Иван И.");
        assertThat(post.getRegisteredBy()).isNull();
        assertThat(post.getReceivedAt()).isEqualTo(TestConfig.START);

        mvc.perform(get("/api/v1/messages/" + post.getId()).header("Authorization", TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(post.getId()))
                .andExpect(jsonPath("$.externalId").value(externalId))
                .andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.deadlines", hasSize(3)))
                .andExpect(jsonPath("$.answer").value(nullValue()));
    }

    @Test
    void aHighPostRunsTheTwoHourAnswerClockAndOptionalFieldsMayBeLeftOut() throws Exception {
        String externalId = unique("HIGH");
        submit("""
                {"externalId": "%s", "source": "OK", "url": "http://ok.ru/post/1", "text": "Срочно!",
                 "detectedAt": "2026-12-01T02:00:00Z", "importance": "HIGH"}""".formatted(externalId))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.deadlines[*].rule").value(hasItems("ROUTE", "CUR_SUBMIT", "ANSWER_HIGH")))
                .andExpect(jsonPath("$.deadlines[?(@.rule == 'ANSWER_HIGH')].dueAt")
                        .value(hasItem("2026-12-01T11:00:00+07:00")));
        Post post = posts.findByExternalId(externalId).orElseThrow();
        assertThat(post.getAuthorUrl()).isNull();
        assertThat(post.getTopic()).isNull();
    }

    @Test
    void theStatusListsOnlyTheDeadlinesStillRunning() throws Exception {
        String externalId = unique("RUN");
        submit("""
                {"externalId": "%s", "source": "VK", "url": "https://vk.com/wall-1_9", "text": "Где получить справку?",
                 "detectedAt": "2026-12-01T09:55:00+07:00"}""".formatted(externalId))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.deadlines[*].rule").value(hasItems("ROUTE", "CUR_SUBMIT", "ANSWER")));
        Post post = posts.findByExternalId(externalId).orElseThrow();
        User specialist = users.findByLogin("specialist").orElseThrow();
        long executor = users.findByLogin("executor").orElseThrow().getId();
        long families = departments.findAllByName().stream()
                .filter(d -> d.getName().contains("семей с детьми"))
                .findFirst()
                .orElseThrow()
                .getId();
        management.route(
                post.getId(),
                post.getVersion(),
                List.of(new Routing(families, executor)),
                Importance.NORMAL,
                management.actor(specialist.getId(), specialist.getRoles()));

        // routed in time: the routing clock has stopped and is no longer reported; the executor's clocks have started
        mvc.perform(get("/api/v1/messages/" + post.getId()).header("Authorization", TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ASSIGNED"))
                .andExpect(jsonPath("$.deadlines[*].rule").value(hasItems("CUR_SUBMIT", "ANSWER", "ACCEPT")))
                .andExpect(jsonPath("$.deadlines[?(@.rule == 'ROUTE')]").isEmpty());
    }

    @Test
    void importanceDefaultsToNormal() throws Exception {
        String externalId = unique("DEF");
        submit("""
                {"externalId": "%s", "source": "BLOG", "url": "https://blog.example/p", "text": "Вопрос",
                 "detectedAt": "2026-12-01T09:30:00+07:00"}""".formatted(externalId))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.deadlines[*].rule").value(hasItem("ANSWER")));
        assertThat(posts.findByExternalId(externalId)
                        .orElseThrow()
                        .getImportance()
                        .name())
                .isEqualTo("NORMAL");
    }

    @Test
    void aDetectionAFewMinutesAheadOfOurClockIsAcceptedAsReceivedNow() throws Exception {
        String externalId = unique("SKEW");
        submit("""
                {"externalId": "%s", "source": "VK", "url": "https://vk.com/x", "text": "Часы ЦУР спешат",
                 "detectedAt": "2026-12-01T10:04:00+07:00"}""".formatted(externalId)).andExpect(status().isCreated());
        assertThat(posts.findByExternalId(externalId).orElseThrow().getDetectedAt())
                .isEqualTo(TestConfig.START);
    }

    // ------------------------------------------------------------------ idempotency

    @Test
    void theSameMessageAgainGets200WithTheSameBodyAndNoSecondPost() throws Exception {
        String externalId = unique("REP");
        MvcResult first = send(message(externalId));
        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        long before = postCount();
        clock.advance(Duration.ofMinutes(3));
        try {
            // other key order, other whitespace, the same instant in UTC, NORMAL left to its default
            MvcResult again = send("""
                    {"topic":"Дороги","importance":null,"detectedAt":"2026-12-01T02:00:00Z","text":"  Когда отремонтируют дорогу на улице Ленина?",
                    "authorUrl":"https://vk.com/id1","authorName":"Иван И.","url":"https://vk.com/wall-1_2","source":"VK","externalId":"%s"}""".formatted(externalId));
            assertThat(again.getResponse().getStatus()).isEqualTo(200);
            assertThat(again.getResponse().getContentAsString())
                    .isEqualTo(first.getResponse().getContentAsString());
            assertThat(again.getResponse().getHeader("Location"))
                    .isEqualTo(first.getResponse().getHeader("Location"));
            assertThat(postCount()).isEqualTo(before);
        } finally {
            clock.set(TestConfig.START);
        }
    }

    @Test
    void theSameExternalIdWithOtherContentIs409NamingTheExistingPost() throws Exception {
        String externalId = unique("CONF");
        send(message(externalId));
        long id = posts.findByExternalId(externalId).orElseThrow().getId();
        long before = postCount();
        submit(message(externalId).replace("улице Ленина", "проспекте Мира"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.existingId").value(id))
                .andExpect(jsonPath("$.detail").value(containsString(externalId)));
        assertThat(postCount()).isEqualTo(before);
        assertThat(posts.findById(id).orElseThrow().getText()).contains("улице Ленина");
    }

    @Test
    void anExternalIdTakenByAPostTypedByHandIs409() throws Exception {
        Cookie specialist = Sessions.login(mvc, "specialist");
        String externalId = unique("HAND");
        mvc.perform(post("/posts")
                .cookie(specialist)
                .with(csrf())
                .param("externalId", externalId)
                .param("source", "VK")
                .param("url", "https://vk.com/hand")
                .param("text", "Набрано вручную")
                .param("detectedAt", "2026-12-01T09:00")
                .param("receivedAt", "2026-12-01T09:30")
                .param("importance", "NORMAL"));
        long id = posts.findByExternalId(externalId).orElseThrow().getId();
        submit(message(externalId))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.existingId").value(id));
        assertThat(jdbc.sql("select count(*) from cur_message where external_id = ?")
                        .param(externalId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void thirtyTwoConcurrentIdenticalRequestsCreateExactlyOnePost() throws Exception {
        String externalId = unique("RACE");
        String body = message(externalId);
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                Callable<HttpResponse<String>> call = () -> {
                    start.await();
                    return client.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/messages"))
                                    .header("Authorization", TOKEN)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                HttpResponse<String> response = future.get();
                statuses.add(response.statusCode());
                ids.add(response.headers().firstValue("Location").orElse("none"));
            }
            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
            assertThat(ids.stream().distinct()).hasSize(1);
            assertThat(jdbc.sql("select count(*) from post where external_id = ?")
                            .param(externalId)
                            .query(Long.class)
                            .single())
                    .isOne();
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ errors

    @Test
    void everyBadFieldIsListedInOne400() throws Exception {
        long before = postCount();
        submit("""
                {"externalId": "", "source": "TELEGRAM", "url": "ftp://x.ru/1", "authorUrl": "javascript:alert(1)",
                 "text": 5, "detectedAt": "2026-12-01T09:00:00", "importance": "URGENT"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value(containsString("externalId")))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(hasItems(
                                "externalId", "source", "url", "authorUrl", "text", "detectedAt", "importance")))
                .andExpect(jsonPath("$.errors[?(@.field == 'text')].message").value(hasItem(containsString("строка"))));
        assertThat(postCount()).isEqualTo(before);
    }

    static Stream<Arguments> malformed() {
        String ok = message("MAL-OK");
        String big = "x".repeat(1024 * 1024 + 10);
        return Stream.of(
                Arguments.of("empty body", "", 400, "body"),
                Arguments.of("whitespace only", "   \n ", 400, "body"),
                Arguments.of("not JSON", "externalId=1&source=VK", 400, "body"),
                Arguments.of("truncated JSON", ok.substring(0, ok.length() / 2), 400, "body"),
                Arguments.of("array instead of object", "[" + ok + "]", 400, "body"),
                Arguments.of("a bare string", "\"hello\"", 400, "body"),
                Arguments.of("JSON null", "null", 400, "body"),
                Arguments.of("trailing garbage", ok + " {}", 400, "body"),
                Arguments.of(
                        "duplicate key",
                        ok.replace("{\"externalId\"", "{\"text\": \"a\", \"externalId\"")
                                .replace("\"text\": \"Когда", "\"text\": \"Когда"),
                        400,
                        "body"),
                Arguments.of("single quotes", ok.replace('"', '\''), 400, "body"),
                Arguments.of("comment", "/* hi */" + ok, 400, "body"),
                Arguments.of("missing externalId", ok.replace("\"externalId\": \"MAL-OK\",", ""), 400, "externalId"),
                Arguments.of("externalId too long", ok.replace("MAL-OK", "A".repeat(101)), 400, "externalId"),
                Arguments.of("externalId a number", ok.replace("\"MAL-OK\"", "123"), 400, "externalId"),
                Arguments.of("externalId with a NUL", ok.replace("MAL-OK", "MAL\\u0000OK"), 400, "externalId"),
                Arguments.of("unknown source", ok.replace("\"VK\"", "\"vk\""), 400, "source"),
                Arguments.of("source an array", ok.replace("\"VK\"", "[\"VK\"]"), 400, "source"),
                Arguments.of("url not http", ok.replace("https://vk.com/wall-1_2", "mailto:a@b.ru"), 400, "url"),
                Arguments.of(
                        "url with spaces", ok.replace("https://vk.com/wall-1_2", "https://vk.com/a b"), 400, "url"),
                Arguments.of("url without host", ok.replace("https://vk.com/wall-1_2", "https:///path"), 400, "url"),
                Arguments.of(
                        "authorUrl javascript",
                        ok.replace("https://vk.com/id1", "javascript:alert(1)"),
                        400,
                        "authorUrl"),
                Arguments.of(
                        "authorName an object", ok.replace("\"Иван И.\"", "{\"first\": \"Иван\"}"), 400, "authorName"),
                Arguments.of("authorName too long", ok.replace("Иван И.", "И".repeat(301)), 400, "authorName"),
                Arguments.of(
                        "text missing",
                        ok.replace("\"text\": \"Когда отремонтируют дорогу на улице Ленина?\",", ""),
                        400,
                        "text"),
                Arguments.of(
                        "text blank", ok.replace("Когда отремонтируют дорогу на улице Ленина?", "   "), 400, "text"),
                Arguments.of(
                        "text a number",
                        ok.replace("\"Когда отремонтируют дорогу на улице Ленина?\"", "5"),
                        400,
                        "text"),
                Arguments.of(
                        "text too long",
                        ok.replace("Когда отремонтируют дорогу на улице Ленина?", "я".repeat(20_001)),
                        400,
                        "text"),
                Arguments.of("text with a NUL", ok.replace("Ленина?", "Ленина\\u0000"), 400, "text"),
                Arguments.of("text with a lone surrogate", ok.replace("Ленина?", "Ленина\\ud800"), 400, "text"),
                Arguments.of(
                        "detectedAt without offset",
                        ok.replace("2026-12-01T09:00:00+07:00", "2026-12-01T09:00:00"),
                        400,
                        "detectedAt"),
                Arguments.of(
                        "detectedAt a date only",
                        ok.replace("2026-12-01T09:00:00+07:00", "2026-12-01"),
                        400,
                        "detectedAt"),
                Arguments.of(
                        "detectedAt Russian style",
                        ok.replace("2026-12-01T09:00:00+07:00", "01.12.2026 09:00"),
                        400,
                        "detectedAt"),
                Arguments.of("detectedAt true", ok.replace("\"2026-12-01T09:00:00+07:00\"", "true"), 400, "detectedAt"),
                Arguments.of(
                        "detectedAt epoch number",
                        ok.replace("\"2026-12-01T09:00:00+07:00\"", "1764554400"),
                        400,
                        "detectedAt"),
                Arguments.of(
                        "detectedAt in the future",
                        ok.replace("2026-12-01T09:00:00+07:00", "2026-12-01T10:06:00+07:00"),
                        400,
                        "detectedAt"),
                Arguments.of(
                        "detectedAt impossible date",
                        ok.replace("2026-12-01T09:00:00+07:00", "2026-02-30T09:00:00+07:00"),
                        400,
                        "detectedAt"),
                Arguments.of(
                        "detectedAt in year 1",
                        ok.replace("2026-12-01T09:00:00+07:00", "0001-01-01T00:00:00+07:00"),
                        400,
                        "detectedAt"),
                Arguments.of("importance lower case", ok.replace("\"NORMAL\"", "\"high\""), 400, "importance"),
                Arguments.of("importance a boolean", ok.replace("\"NORMAL\"", "false"), 400, "importance"),
                Arguments.of("topic too long", ok.replace("Дороги", "т".repeat(301)), 400, "topic"),
                Arguments.of(
                        "unknown property",
                        ok.replace("{\"externalId\"", "{\"priority\": 1, \"externalId\""),
                        400,
                        "priority"),
                Arguments.of(
                        "body over 1 MB", ok.replace("Когда отремонтируют дорогу на улице Ленина?", big), 413, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedPayloadIsRefusedWithProblemJsonAndNothingIsSaved(String name, String body, int status, String field)
            throws Exception {
        long before = postCount();
        long claims =
                jdbc.sql("select count(*) from cur_message").query(Long.class).single();
        var result = mvc.perform(post("/api/v1/messages")
                        .header("Authorization", TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").isString());
        if (field != null) {
            result.andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
        }
        assertThat(postCount()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from cur_message")
                        .query(Long.class)
                        .single())
                .isEqualTo(claims);
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedBeforeItIsReadEvenWhenSentInChunks() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        byte[] chunk = "x".repeat(64 * 1024).getBytes();
        // no Content-Length: the limit is enforced while reading
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/messages"))
                        .header("Authorization", TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.SequenceInputStream(java.util.Collections.enumeration(
                                        Stream.generate(() -> new java.io.ByteArrayInputStream(chunk))
                                                .limit(40)
                                                .toList()))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aWrongContentTypeIs415() throws Exception {
        mvc.perform(post("/api/v1/messages")
                        .header("Authorization", TOKEN)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(message(unique("CT"))))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/messages").header("Authorization", TOKEN).content(message(unique("CT"))))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post("/api/v1/messages").header("Authorization", TOKEN))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/messages")
                        .header("Authorization", TOKEN)
                        .header("Content-Type", "application/json;charset=windows-1251")
                        .content(message(unique("CT"))))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void otherMethodsAre405() throws Exception {
        mvc.perform(delete("/api/v1/messages/1").header("Authorization", TOKEN))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "GET"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/v1/messages").header("Authorization", TOKEN))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", org.hamcrest.Matchers.containsString("POST")))
                .andExpect(header().string("Allow", org.hamcrest.Matchers.containsString("GET")));
        // GET on the collection is the feed of changed messages (CurApiIT)
        mvc.perform(get("/api/v1/messages").header("Authorization", TOKEN).param("limit", "1"))
                .andExpect(status().isOk());
    }

    @Test
    void anUnknownIdIs404() throws Exception {
        mvc.perform(get("/api/v1/messages/999999999").header("Authorization", TOKEN))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("999999999")));
        mvc.perform(get("/api/v1/messages/abc").header("Authorization", TOKEN)).andExpect(status().isNotFound());
    }

    @Test
    void withoutAValidTokenTheAnswerIs401AndNothingIsSaved() throws Exception {
        long before = postCount();
        mvc.perform(post("/api/v1/messages")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(message(unique("NOTOK"))))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/messages")
                        .header("Authorization", "Bearer nope")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(message(unique("NOTOK"))))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/messages")
                        .header("Authorization", "Basic ZGVtbzpkZW1v")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(message(unique("NOTOK"))))
                .andExpect(status().isUnauthorized());
        assertThat(postCount()).isEqualTo(before);
    }

    @Test
    void aLoggedInSpecialistCannotPostToTheIntakeApi() throws Exception {
        Cookie specialist = Sessions.login(mvc, "specialist");
        mvc.perform(post("/api/v1/messages")
                        .cookie(specialist)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(message(unique("SESS"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aRevokedTokenGets401AtOnce() throws Exception {
        Cookie admin = Sessions.login(mvc, "admin");
        String name = unique("Отзыв");
        String secret = mvc.perform(
                        post("/admin/tokens").cookie(admin).with(csrf()).param("name", name))
                .andReturn()
                .getFlashMap()
                .get("newSecret")
                .toString();
        mvc.perform(post("/api/v1/messages")
                        .header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(message(unique("TOK"))))
                .andExpect(status().isCreated());
        long id = jdbc.sql("select id from api_token where name = ?")
                .param(name)
                .query(Long.class)
                .single();
        mvc.perform(post("/admin/tokens/" + id + "/revoke").cookie(admin).with(csrf()));
        mvc.perform(post("/api/v1/messages")
                        .header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(message(unique("TOK"))))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(containsString("отозван")));
    }
    // ------------------------------------------------------------------ repeated posts (п.16)

    String repeatMessage(String externalId, String url, String authorUrl, String text) {
        return """
                {"externalId": "%s", "source": "VK", "url": "%s", "authorName": "Анна К.", "authorUrl": "%s",
                 "text": "%s", "detectedAt": "2026-12-01T09:00:00+07:00", "importance": "NORMAL"}
                """.formatted(externalId, url, authorUrl, text);
    }

    List<Long> linksOf(long postId) {
        return jdbc.sql("select linked_post_id from post_link where post_id = ? union"
                        + " select post_id from post_link where linked_post_id = ? order by 1")
                .params(postId, postId)
                .query(Long.class)
                .list();
    }

    List<String> repeatTimeline(long postId) {
        return jdbc.sql("select action || ':' || coalesce(comment, '') from post_event where post_id = ?"
                        + " and action like 'REPEAT_%' order by at, id")
                .param(postId)
                .query(String.class)
                .list();
    }

    @Test
    void aPostFromTheApiIsLinkedToTheSameAuthorsEarlierPostAndSimilarOnesAreOfferedSearchedLinkedAndUnlinked()
            throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String author = "https://vk.com/id" + tag;
        String text = "Когда отремонтируют дорогу на улице Садовой " + tag + "? Ямы уже месяц никто не чинит.";
        String a = unique("REP-A");
        String b = unique("REP-B");
        String c = unique("REP-C");
        submit(repeatMessage(a, "https://vk.com/wall-5_" + tag, author, text)).andExpect(status().isCreated());
        // the same author writes again, elsewhere: linked at once
        submit(repeatMessage(b, "https://vk.com/wall-6_" + tag, author, "Так и не ответили про дорогу"))
                .andExpect(status().isCreated());
        // someone else writes a similar text: offered to the specialist, not linked
        submit(repeatMessage(
                        c,
                        "https://ok.ru/topic/" + tag,
                        "https://ok.ru/profile/" + tag,
                        "Когда отремонтируют дорогу на улице Садовой " + tag
                                + "? Ямы уже второй месяц никто не чинит!"))
                .andExpect(status().isCreated());
        long postA = posts.findByExternalId(a).orElseThrow().getId();
        long postB = posts.findByExternalId(b).orElseThrow().getId();
        long postC = posts.findByExternalId(c).orElseThrow().getId();
        // the timeline and the page name an earlier post by its registration number
        String numberA = posts.findById(postA).orElseThrow().getRegistrationNumber();
        assertThat(linksOf(postB)).containsExactly(postA);
        assertThat(repeatTimeline(postB)).containsExactly("REPEAT_LINKED:" + numberA);
        assertThat(linksOf(postC)).isEmpty();

        Cookie specialist = Sessions.login(mvc, "specialist");
        mvc.perform(get("/posts/" + postB).cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/posts/" + postA + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Связанных сообщений нет"))));
        // the similar posts are offered after the page has shown (issue 20: many near-copies must not slow it)
        mvc.perform(get("/posts/" + postC).cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Связанных сообщений нет")))
                .andExpect(content().string(containsString("hx-get=\"/posts/" + postC + "/repeats\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Связать с сообщением"))));
        mvc.perform(get("/posts/" + postC + "/repeats").cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Связать с сообщением " + numberA)));

        // the specialist confirms the offered one, then changes their mind; the timeline keeps both
        long version = posts.findById(postC).orElseThrow().getVersion();
        mvc.perform(post("/posts/" + postC + "/links")
                        .cookie(specialist)
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("otherId", String.valueOf(postA)))
                .andExpect(status().is3xxRedirection());
        assertThat(linksOf(postC)).containsExactly(postA);
        version = posts.findById(postC).orElseThrow().getVersion();
        mvc.perform(post("/posts/" + postC + "/links/remove")
                        .cookie(specialist)
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("otherId", String.valueOf(postA)))
                .andExpect(status().is3xxRedirection());
        assertThat(linksOf(postC)).isEmpty();
        // dismissed: no longer offered
        version = posts.findById(postC).orElseThrow().getVersion();
        mvc.perform(post("/posts/" + postC + "/repeats/dismiss")
                        .cookie(specialist)
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("otherId", String.valueOf(postA)))
                .andExpect(status().is3xxRedirection());
        assertThat(repeatTimeline(postC))
                .containsExactly(
                        "REPEAT_LINKED:" + numberA, "REPEAT_UNLINKED:" + numberA, "REPEAT_DISMISSED:" + numberA);
        mvc.perform(get("/posts/" + postC + "/repeats").cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(org.hamcrest.Matchers.not(containsString("Связать с сообщением " + numberA))));
        // a person who may not see the post is not told what it resembles
        mvc.perform(get("/posts/" + postC + "/repeats").cookie(Sessions.login(mvc, "executor")))
                .andExpect(status().isNotFound());

        // the search finds earlier posts by ЦУР's id and by the author's link, to link any time
        String numberB = posts.findById(postB).orElseThrow().getRegistrationNumber();
        mvc.perform(get("/posts/" + postC).cookie(specialist).param("repeatQuery", b))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Связать с сообщением " + numberB)));
        // and by the Ministry's registration number
        mvc.perform(get("/posts/" + postC).cookie(specialist).param("repeatQuery", numberB))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Связать с сообщением " + numberB)));
        mvc.perform(get("/posts/" + postC).cookie(specialist).param("repeatQuery", author))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Связать с сообщением " + numberA)))
                .andExpect(content().string(containsString("Связать с сообщением " + numberB)));
        // a stale version changes nothing
        mvc.perform(post("/posts/" + postC + "/links")
                        .cookie(specialist)
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("otherId", String.valueOf(postB)))
                .andExpect(status().isConflict());
        assertThat(linksOf(postC)).isEmpty();

        // the executor drafting the answer to the repeat sees the earlier post on its page
        Post repeat = posts.findByExternalId(b).orElseThrow();
        User user = users.findByLogin("specialist").orElseThrow();
        long families = departments.findAllByName().stream()
                .filter(d -> d.getName().contains("семей с детьми"))
                .findFirst()
                .orElseThrow()
                .getId();
        management.route(
                postB,
                repeat.getVersion(),
                List.of(new Routing(
                        families, users.findByLogin("executor").orElseThrow().getId())),
                Importance.NORMAL,
                management.actor(user.getId(), user.getRoles()));
        mvc.perform(get("/posts/" + postB).cookie(Sessions.login(mvc, "executor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(a)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Связать с сообщением"))));
    }

    @Test
    void aPostThatCurFlagsHighAtIntakeIsToldToTheCoordinatorOnce() throws Exception {
        String externalId = unique("HIGH");
        submit(message(externalId).replace("\"importance\": \"NORMAL\"", "\"importance\": \"HIGH\""))
                .andExpect(status().isCreated());
        long postId = posts.findByExternalId(externalId).orElseThrow().getId();
        assertThat(jdbc.sql("select count(*) from notification where kind = 'HIGH_POST' and post_id = ?"
                                + " and recipient_id = ?")
                        .params(
                                postId,
                                users.findByLogin("deputy").orElseThrow().getId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // the same message again registers nothing and tells nobody again
        submit(message(externalId).replace("\"importance\": \"NORMAL\"", "\"importance\": \"HIGH\""));
        assertThat(jdbc.sql("select count(*) from notification where kind = 'HIGH_POST' and post_id = ?")
                        .param(postId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
