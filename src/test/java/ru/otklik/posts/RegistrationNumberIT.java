package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.people.internal.Users;
import ru.otklik.posts.internal.Post;
import ru.otklik.posts.internal.Posts;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.MutableClock;
import ru.otklik.support.Sessions;
import ru.otklik.support.TestConfig;

/**
 * Issue 21 point 1: the Ministry's own registration number (СОЦ-2026/0123), a sequence per year of registration in
 * Ministry time, without gaps — also when a registration rolls back — shown where the post is named, found by the
 * inbox's search, in the report's exports and in ЦУР's API. Concurrent registration on two instances is
 * {@code ScaleOutIT}'s.
 */
@IntegrationTest
class RegistrationNumberIT {

    static final String TOKEN = "Bearer demo-cur-token";

    @Autowired
    MockMvc mvc;

    @Autowired
    Posts posts;

    @Autowired
    PostManagement management;

    @Autowired
    Users users;

    @Autowired
    MutableClock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void ministryMorning() {
        clock.set(TestConfig.START);
    }

    @AfterEach
    void backToTheStart() {
        clock.set(TestConfig.START);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private String sendFromCur(String externalId) throws Exception {
        return mvc.perform(post("/api/v1/messages")
                        .header("Authorization", TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"externalId": "%s", "source": "VK", "url": "https://vk.com/wall-21_%s",
                                 "text": "Когда назначат ежемесячную выплату на третьего ребёнка?",
                                 "detectedAt": "%s"}""".formatted(externalId, externalId, clock.instant())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.registrationNumber").isString())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private Post typedByHand(String externalId) {
        long specialist = users.findByLogin("specialist").orElseThrow().getId();
        return management.register(
                new NewPost(
                        externalId,
                        Source.OK,
                        "https://ok.ru/topic/" + externalId,
                        null,
                        null,
                        "Как получить справку о доходах для пособия?",
                        clock.instant().minusSeconds(600),
                        clock.instant(),
                        Importance.NORMAL,
                        null),
                Set.of(),
                specialist);
    }

    private Post byExternalId(String externalId) {
        return posts.findByExternalId(externalId).orElseThrow();
    }

    private static int seq(Post post) {
        String number = post.getRegistrationNumber();
        return Integer.parseInt(number.substring(number.indexOf('/') + 1));
    }

    @Test
    void numbersFollowOneAnotherAndARegistrationThatRollsBackLeavesNoGap() throws Exception {
        String first = unique("REG-A");
        sendFromCur(first);
        Post a = byExternalId(first);
        assertThat(a.getRegistrationNumber()).matches("СОЦ-2026/\\d{4,}");

        // a post typed by hand holds an external id; ЦУР then sends the same id: the registration gets a number,
        // fails on the post's unique key and rolls back (409) — the number goes back with it
        String held = unique("REG-HELD");
        Post byHand = typedByHand(held);
        assertThat(seq(byHand)).isEqualTo(seq(a) + 1);
        mvc.perform(post("/api/v1/messages")
                        .header("Authorization", TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"externalId": "%s", "source": "VK", "url": "https://vk.com/wall-21_9",
                                 "text": "Другое сообщение", "detectedAt": "%s"}""".formatted(held, clock.instant())))
                .andExpect(status().isConflict());

        // a registration whose transaction is rolled back for any other reason gives its number back too
        String rolledBack = unique("REG-ROLLBACK");
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            typedByHand(rolledBack);
            tx.setRollbackOnly();
        });
        assertThat(posts.findByExternalId(rolledBack)).isEmpty();

        String next = unique("REG-B");
        sendFromCur(next);
        Post b = byExternalId(next);
        assertThat(seq(b)).as("no gap, no repeat").isEqualTo(seq(byHand) + 1);
        assertThat(b.getRegistrationNumber()).isEqualTo("СОЦ-2026/%04d".formatted(seq(b)));
    }

    @Test
    void theYearIsTheYearOfRegistrationInMinistryTime() throws Exception {
        // 31 December 17:30 UTC is already 1 January 00:30 in Novokuznetsk
        clock.set(Instant.parse("2026-12-31T17:30:00Z"));
        String externalId = unique("REG-NEWYEAR");
        sendFromCur(externalId);
        assertThat(byExternalId(externalId).getRegistrationNumber()).startsWith("СОЦ-2027/");
    }

    @Test
    void theInboxFindsAPostByItsNumberHoweverItIsTyped() throws Exception {
        String externalId = unique("REG-FIND");
        sendFromCur(externalId);
        Post post = byExternalId(externalId);
        String number = post.getRegistrationNumber();
        Cookie specialist = Sessions.login(mvc, "specialist");
        for (String typed :
                List.of(number, number.toLowerCase(), "2026/" + seq(post), " 2026 / %04d ".formatted(seq(post)))) {
            String page = mvc.perform(get("/inbox").param("q", typed).cookie(specialist))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).as("searched for «%s»", typed).contains("/posts/" + post.getId() + "\"");
            assertThat(page).contains("Найдено: 1");
        }
        // another year's number with the same place finds nothing
        mvc.perform(get("/inbox").param("q", "СОЦ-1999/" + seq(post)).cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .doesNotContain("/posts/" + post.getId() + "\""));
    }

    @Test
    void theNumberIsOnThePostPageTheCardTheInboxAndInCursApi() throws Exception {
        String externalId = unique("REG-SHOW");
        String receipt = sendFromCur(externalId);
        Post post = byExternalId(externalId);
        String number = post.getRegistrationNumber();
        assertThat(receipt).contains("\"registrationNumber\":\"" + number + "\"");

        Cookie specialist = Sessions.login(mvc, "specialist");
        String page = mvc.perform(get("/posts/" + post.getId()).cookie(specialist))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Сообщение " + number)
                .contains("Регистрационный номер")
                .contains(externalId);
        assertThat(mvc.perform(get("/posts/" + post.getId() + "/card").cookie(specialist))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Карточка сообщения " + number);
        assertThat(mvc.perform(get("/inbox").cookie(specialist).param("q", externalId))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(">" + number + "</a>")
                .contains("ЦУР: " + externalId);

        mvc.perform(get("/api/v1/messages/" + post.getId()).header("Authorization", TOKEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registrationNumber").value(number));
        mvc.perform(get("/api/v1/messages")
                        .header("Authorization", TOKEN)
                        .param(
                                "changedSince",
                                clock.instant().minusSeconds(3600).toString())
                        .param("limit", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == " + post.getId() + ")].registrationNumber")
                        .value(org.hamcrest.Matchers.hasItem(number)));
        mvc.perform(get("/v3/api-docs").cookie(Sessions.login(mvc, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.schemas.MessageDetails.properties.registrationNumber")
                        .exists());
    }

    @Test
    void theMonthlyExportsListTheMonthsPostsWithTheirNumbers() throws Exception {
        String externalId = unique("REG-EXPORT");
        sendFromCur(externalId);
        String number = byExternalId(externalId).getRegistrationNumber();
        Cookie minister = Sessions.login(mvc, "minister");

        String csv = new String(
                mvc.perform(get("/reports/monthly/export.csv")
                                .param("month", "2026-12")
                                .cookie(minister))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("Сообщения").contains(number + ";" + externalId + ";");

        byte[] xlsx = mvc.perform(get("/reports/monthly/export.xlsx")
                        .param("month", "2026-12")
                        .cookie(minister))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<String> rowOfThePost = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Сообщения");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Рег. номер");
            for (Row row : sheet) {
                Cell first = row.getCell(0);
                if (first != null && number.equals(first.getStringCellValue())) {
                    row.forEach(cell -> rowOfThePost.add(cell.toString()));
                }
            }
        }
        assertThat(rowOfThePost).startsWith(number, externalId);
    }
}
