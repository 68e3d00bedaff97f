package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.intake.CurWebhookSettings;
import ru.otklik.intake.api.CurWebhookSender;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ЦУР's webhook, end to end against a real HTTP server on this machine: every change ЦУР must act on is POSTed with
 * an HMAC-SHA256 signature of the body, retried after a 500 and after a timeout, given up after the last attempt and
 * shown to the admin, and never sent twice when two senders run at once.
 */
@IntegrationTest
class CurWebhookIT {

    static final String SECRET = "webhook-test-secret";

    /** What ЦУР's server received. */
    record Received(String eventId, String signature, String timestamp, String body) {}

    static final List<Received> received = new CopyOnWriteArrayList<>();
    /** The answers to the next requests: an HTTP status, or 0 for «hang longer than the read timeout, then 200». */
    static final ConcurrentLinkedDeque<Integer> plan = new ConcurrentLinkedDeque<>();

    static final HttpServer server = start();

    static HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.setExecutor(Executors.newFixedThreadPool(8));
            http.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("X-Otklik-Event-Id"),
                        exchange.getRequestHeaders().getFirst("X-Otklik-Signature"),
                        exchange.getRequestHeaders().getFirst("X-Otklik-Timestamp"),
                        body));
                Integer answer = plan.pollFirst();
                int code = answer == null ? 200 : answer;
                if (code == 0) {
                    sleep(2500);
                    code = 200;
                } else if (body.contains("\"slow\"")) {
                    sleep(20);
                }
                exchange.sendResponseHeaders(code, -1);
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add(
                "otklik.cur-webhook.url",
                () -> "http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        registry.add("otklik.cur-webhook.secret", () -> SECRET);
        registry.add("otklik.cur-webhook.delay-ms", () -> "100");
        registry.add("otklik.cur-webhook.connect-timeout", () -> "1s");
        registry.add("otklik.cur-webhook.read-timeout", () -> "1s");
        registry.add("otklik.cur-webhook.retry-delay", () -> "200ms");
        registry.add("otklik.cur-webhook.max-attempts", () -> "3");
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AutowireCapableBeanFactory beans;

    @Autowired
    JsonMapper json;

    @Autowired
    CurWebhookSettings settings;

    AnswerFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = beans.createBean(AnswerFixtures.class);
        awaitQueueSettled();
        plan.clear();
    }

    /** Waits until no notice waits to be sent (each sent or given up). */
    void awaitQueueSettled() {
        await(
                () -> jdbc.sql("select count(*) from cur_webhook_outbox where sent_at is null and failed_at is null")
                                .query(Long.class)
                                .single()
                        == 0,
                "the queue to settle");
    }

    static void await(java.util.function.BooleanSupplier done, String what) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited 30 s for " + what);
            }
            sleep(50);
        }
    }

    /** The notices received for a post and event, in the order they came. */
    List<Received> noticesOf(long postId, String event) {
        return received.stream()
                .filter(r -> {
                    JsonNode body = json.readTree(r.body());
                    return body.has("id")
                            && body.get("id").asLong() == postId
                            && body.has("event")
                            && body.get("event").asString().equals(event);
                })
                .toList();
    }

    Received awaitNotice(long postId, String event) {
        await(() -> !noticesOf(postId, event).isEmpty(), event + " of post " + postId);
        return noticesOf(postId, event).get(0);
    }

    static String hmac(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyChangeCurMustActOnIsPostedSignedWithTheDraftReasonOrAnswer() throws Exception {
        long id = fx.atCur().getId();
        Received sent = awaitNotice(id, "SENT_TO_CUR");
        assertThat(sent.signature()).isEqualTo(hmac(sent.body()));
        assertThat(sent.signature()).isNotEqualTo("sha256=" + hmacWith("другой секрет", sent.body()));
        JsonNode body = json.readTree(sent.body());
        assertThat(sent.eventId()).isEqualTo(body.get("eventId").asString());
        assertThat(sent.timestamp()).isNotBlank();
        assertThat(body.get("status").asString()).isEqualTo("AT_CUR");
        assertThat(body.get("draft").get("version").asInt()).isEqualTo(1);
        assertThat(body.get("draft").get("text").asString()).isEqualTo(AnswerFixtures.DRAFT);

        Post post = fx.reload(id);
        post = fx.management.recordCurDecision(id, post.getVersion(), true, null, fx.actor("specialist"));
        fx.management.postAnswer(
                id, post.getVersion(), "https://vk.com/wall-7_9?reply=1", null, fx.actor("specialist"));
        JsonNode posted = json.readTree(awaitNotice(id, "ANSWER_POSTED").body());
        assertThat(posted.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(posted.get("answers").get(0).get("url").asString()).isEqualTo("https://vk.com/wall-7_9?reply=1");

        Post returned = fx.tx.execute(s -> fx.registered("Не наш вопрос " + AnswerFixtures.unique(), Set.of()));
        fx.management.returnToCur(returned.getId(), returned.getVersion(), "Вопрос ПФР", fx.actor("specialist"));
        JsonNode back =
                json.readTree(awaitNotice(returned.getId(), "RETURNED_TO_CUR").body());
        assertThat(back.get("reason").asString()).isEqualTo("Вопрос ПФР");

        Post refused = fx.tx.execute(s -> fx.registered("Оскорбления " + AnswerFixtures.unique(), Set.of()));
        fx.management.refuse(refused.getId(), refused.getVersion(), "Оскорбления (п.18)", fx.actor("specialist"));
        JsonNode no = json.readTree(awaitNotice(refused.getId(), "REFUSED").body());
        assertThat(no.get("status").asString()).isEqualTo("NOT_PROCESSED");
        assertThat(no.get("reason").asString()).isEqualTo("Оскорбления (п.18)");
    }

    static String hmacWith(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aNoticeAnsweredWith500IsSentAgainWithTheSameEventId() {
        plan.add(500);
        long id = fx.atCur().getId();
        await(() -> noticesOf(id, "SENT_TO_CUR").size() >= 2, "the second attempt");
        awaitQueueSettled();
        List<Received> attempts = noticesOf(id, "SENT_TO_CUR");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).eventId()).isEqualTo(attempts.get(0).eventId());
        assertThat(attempts.get(1).body()).isEqualTo(attempts.get(0).body());
        assertThat(row(attempts.get(0).eventId()))
                .containsEntry("attempts", 2)
                .containsEntry("sent", true)
                .containsEntry("failed", false);
    }

    @Test
    void aNoticeWhoseAnswerTimesOutIsSentAgain() {
        plan.add(0);
        long id = fx.atCur().getId();
        await(() -> noticesOf(id, "SENT_TO_CUR").size() >= 2, "the attempt after the timeout");
        awaitQueueSettled();
        Map<String, Object> row = row(noticesOf(id, "SENT_TO_CUR").get(0).eventId());
        assertThat(row).containsEntry("attempts", 2).containsEntry("sent", true);
        assertThat((String) row.get("error")).isEmpty();
    }

    @Test
    void aNoticeRefusedOnEveryAttemptIsGivenUpShownToTheAdminAndCanBeSentAgain() throws Exception {
        plan.add(500);
        plan.add(503);
        plan.add(500);
        long id = fx.atCur().getId();
        await(() -> noticesOf(id, "SENT_TO_CUR").size() >= 3, "three attempts");
        awaitQueueSettled();
        String eventId = noticesOf(id, "SENT_TO_CUR").get(0).eventId();
        assertThat(row(eventId)).containsEntry("attempts", 3).containsEntry("failed", true);
        sleep(500);
        assertThat(noticesOf(id, "SENT_TO_CUR")).as("no attempt after the last").hasSize(3);

        Cookie admin = Sessions.login(mvc, "admin");
        String page = mvc.perform(get("/admin/tokens").cookie(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Не удалось отправить после всех попыток").contains("№ " + id);
        long rowId = jdbc.sql("select id from cur_webhook_outbox where event_id = ?")
                .param(UUID.fromString(eventId))
                .query(Long.class)
                .single();
        mvc.perform(post("/admin/tokens/webhook/" + rowId + "/retry")
                        .cookie(admin)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        await(() -> noticesOf(id, "SENT_TO_CUR").size() == 4, "the notice sent again");
        awaitQueueSettled();
        assertThat(row(eventId)).containsEntry("sent", true).containsEntry("failed", false);
    }

    /** Two instances' senders (and this one's scheduled one) share the queue: each notice is delivered once. */
    @Test
    void twoSendersAtOnceDeliverEachNoticeExactlyOnce() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID eventId = UUID.randomUUID();
            ids.add(eventId);
            jdbc.sql("insert into cur_webhook_outbox (event_id, post_id, event, body, next_attempt_at)"
                            + " values (?, 0, 'SENT_TO_CUR', ?, now() + interval '1 second')")
                    .params(eventId, "{\"eventId\": \"" + eventId + "\", \"slow\": true}")
                    .update();
        }
        sleep(1100);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CurWebhookSender one = new CurWebhookSender(jdbc, settings);
            CurWebhookSender other = new CurWebhookSender(jdbc, settings);
            Future<Integer> a = two.submit(one::sendDue);
            Future<Integer> b = two.submit(other::sendDue);
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        } finally {
            two.shutdownNow();
        }
        awaitQueueSettled();
        Set<String> mine = ids.stream().map(UUID::toString).collect(Collectors.toSet());
        Map<String, Long> deliveries = received.stream()
                .map(Received::eventId)
                .filter(mine::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(deliveries)
                .hasSize(40)
                .allSatisfy((id, count) ->
                        assertThat(count).as("deliveries of %s", id).isEqualTo(1));
    }

    Map<String, Object> row(String eventId) {
        return jdbc.sql("select attempts, sent_at is not null as sent, failed_at is not null as failed, last_error"
                        + " from cur_webhook_outbox where event_id = ?")
                .param(UUID.fromString(eventId))
                .query((rs, n) -> Map.<String, Object>of(
                        "attempts", rs.getInt("attempts"),
                        "sent", rs.getBoolean("sent"),
                        "failed", rs.getBoolean("failed"),
                        "error", rs.getString("last_error") == null ? "" : rs.getString("last_error")))
                .single();
    }
}
