package ru.otklik.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;
import ru.otklik.posts.Actor;
import ru.otklik.posts.Importance;
import ru.otklik.posts.NewPost;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.Source;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.MutableClock;
import ru.otklik.support.Sessions;
import ru.otklik.support.TestConfig;

@IntegrationTest
class MonthlyReportIT {

    static final YearMonth MARCH = YearMonth.of(2025, 3);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MonthlyReports reports;

    @BeforeEach
    void fixture() {
        new ReportFixture(jdbc).ensure();
    }

    @Test
    void theMonthCountsPostsAnswersReturnsRefusalsAndOpenOnesWithTheEdgesInTheRightMonth() {
        MonthlyReport report = reports.build(MARCH, List.of());

        assertThat(report.total(Measure.RECEIVED))
                .as("23:59 on 31 March counts, 00:00 on 1 April does not")
                .isEqualTo(4);
        assertThat(report.total(Measure.ANSWERED)).isEqualTo(1);
        assertThat(report.total(Measure.INTERMEDIATE)).isEqualTo(1);
        assertThat(report.total(Measure.RETURNED_TO_CUR))
                .as("returned at 00:00 on 1 March")
                .isEqualTo(1);
        assertThat(report.total(Measure.NOT_PROCESSED)).isEqualTo(1);
        assertThat(report.total(Measure.OPEN_AT_END)).isEqualTo(2);

        MonthlyReport february = reports.build(YearMonth.of(2025, 2), List.of());
        assertThat(february.total(Measure.RECEIVED))
                .as("received at 23:59 on 28 February")
                .isEqualTo(1);
        assertThat(february.total(Measure.RETURNED_TO_CUR)).isZero();
        assertThat(reports.build(YearMonth.of(2025, 4), List.of()).total(Measure.RECEIVED))
                .isEqualTo(1);
    }

    @Test
    void breakdownsBySourceDepartmentAndImportanceAddUp() {
        MonthlyReport report = reports.build(MARCH, List.of());

        MonthlyReport.Row vk = row(report, Dimension.SOURCE, "VK");
        assertThat(vk.label()).isEqualTo("ВКонтакте");
        assertThat(vk.count(Measure.RECEIVED)).isEqualTo(3);
        assertThat(vk.count(Measure.NOT_PROCESSED)).isEqualTo(1);
        assertThat(row(report, Dimension.IMPORTANCE, "HIGH").count(Measure.INTERMEDIATE))
                .isEqualTo(1);
        assertThat(row(report, Dimension.DEPARTMENT, "0").count(Measure.RECEIVED))
                .as("not routed")
                .isEqualTo(2);
        assertThat(report.breakdown(Dimension.DEPARTMENT).rows()).anySatisfy(r -> {
            assertThat(r.label()).isEqualTo("Отдел социальной поддержки семей с детьми");
            assertThat(r.count(Measure.ANSWERED)).isEqualTo(1);
        });
    }

    @Test
    void everyRuleShowsStartedMetBreachedShareAndMedianWorkingTime() {
        MonthlyReport report = reports.build(MARCH, List.of());

        MonthlyReport.RuleRow route = report.rules().stream()
                .filter(r -> r.code().equals("ROUTE"))
                .findFirst()
                .orElseThrow();
        assertThat(route.started()).isEqualTo(2);
        assertThat(route.met()).isEqualTo(2);
        assertThat(route.shareOnTime()).isEqualTo(1.0);
        assertThat(route.medianMinutes()).as("5 and 7 working minutes").isEqualTo(6);
        MonthlyReport.RuleRow accept = report.rules().stream()
                .filter(r -> r.code().equals("ACCEPT"))
                .findFirst()
                .orElseThrow();
        assertThat(accept.breached()).isEqualTo(1);
        assertThat(accept.shareOnTime()).isZero();
        assertThat(report.rules()).hasSize(15);

        assertThat(report.executors()).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("Кузнецов Андрей Павлович");
            assertThat(e.assignments()).isEqualTo(1);
            assertThat(e.answers()).isEqualTo(1);
        });
    }

    @Test
    void thePageShowsTheNumbersAndEveryNumberLinksToItsPosts() throws Exception {
        Cookie session = Sessions.login(mvc, "specialist");
        mvc.perform(get("/reports/monthly").param("month", "2025-03").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Отчёт за март 2025")))
                .andExpect(content().string(containsString("id=\"total-RECEIVED\">4</span>")))
                .andExpect(content().string(containsString("id=\"total-OPEN_AT_END\">2</span>")))
                .andExpect(
                        content().string(containsString("/reports/monthly/posts?month=2025-03&amp;measure=RECEIVED")));

        mvc.perform(get("/reports/monthly/posts")
                        .cookie(session)
                        .param("month", "2025-03")
                        .param("measure", "RECEIVED")
                        .param("dimension", "SOURCE")
                        .param("key", "VK"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Сообщений: 3")))
                .andExpect(content().string(containsString("RPT-P3")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("RPT-P4"))));
        mvc.perform(get("/reports/monthly/clocks")
                        .cookie(session)
                        .param("month", "2025-03")
                        .param("rule", "ACCEPT")
                        .param("outcome", "BREACHED"))
                .andExpect(content().string(containsString("RPT-P1")))
                .andExpect(content().string(containsString("Сообщений: 1")));
    }

    @Test
    void drillDownsNameThemselvesInWordsInTheTabTheBreadcrumbAndTheHeading() throws Exception {
        Cookie session = Sessions.login(mvc, "specialist");
        mvc.perform(get("/reports/monthly/posts")
                        .cookie(session)
                        .param("month", "2025-03")
                        .param("measure", "RECEIVED")
                        .param("dimension", "SOURCE")
                        .param("key", "VK"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Поступило · По источникам: ВКонтакте</title>")))
                .andExpect(
                        content().string(containsString("<h1 class=\"h3\">Поступило · По источникам: ВКонтакте</h1>")))
                .andExpect(content()
                        .string(containsString("aria-current=\"page\">Поступило · По источникам: ВКонтакте</li>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("th:text"))));
        mvc.perform(get("/reports/monthly/clocks")
                        .cookie(session)
                        .param("month", "2025-03")
                        .param("rule", "ACCEPT")
                        .param("outcome", "BREACHED"))
                .andExpect(
                        content().string(containsString("<title>Срок «Принятие в работу»: с нарушением срока</title>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("th:text"))));
        mvc.perform(get("/reports/monthly/assignments").cookie(session).param("month", "2025-03"))
                .andExpect(content().string(containsString("<title>Поручения за месяц</title>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("th:text"))));
    }

    @Test
    void theChartNamesEachRuleInRussian() throws Exception {
        mvc.perform(get("/reports/monthly").param("month", "2025-03").cookie(Sessions.login(mvc, "specialist")))
                .andExpect(content().string(containsString(">Направление исполнителю</text>")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(">ROUTE</text>"))));
    }

    @Test
    void aDepartmentHeadSeesOnlyTheirDepartment() throws Exception {
        Cookie head = Sessions.login(mvc, "head");
        mvc.perform(get("/reports/monthly").param("month", "2025-03").cookie(head))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"total-RECEIVED\">1</span>")))
                .andExpect(content().string(containsString("Только сообщения, направленные в ваше подразделение")));
    }

    @Test
    void executorsAndAdminsCannotOpenTheReport() throws Exception {
        mvc.perform(get("/reports/monthly").cookie(Sessions.login(mvc, "executor")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/reports/monthly/export.xlsx").cookie(Sessions.login(mvc, "admin")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBadMonthFallsBackToTheCurrentOneWithAMessage() throws Exception {
        mvc.perform(get("/reports/monthly").param("month", "2025-13").cookie(Sessions.login(mvc, "orghead")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Месяц указан неверно")));
    }

    @Test
    void theXlsxHasOneFormattedSheetPerTableWithTheSameNumbers() throws Exception {
        byte[] xlsx = mvc.perform(get("/reports/monthly/export.xlsx")
                        .param("month", "2025-03")
                        .cookie(Sessions.login(mvc, "deputy")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", containsString("otklik-2025-03.xlsx")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(9);
            Sheet totals = workbook.getSheet("Итоги");
            DataFormatter format = new DataFormatter();
            assertThat(format.formatCellValue(totals.getRow(1).getCell(0))).isEqualTo("Показатель");
            assertThat(totals.getRow(1).getCell(0).getCellStyle().getFillPattern())
                    .isEqualTo(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
            Row received = totals.getRow(2);
            assertThat(received.getCell(0).getStringCellValue()).isEqualTo("Поступило");
            assertThat(received.getCell(1).getNumericCellValue()).isEqualTo(4.0);
            assertThat(workbook.getSheet("По источникам").getRow(2).getCell(1).getNumericCellValue())
                    .isEqualTo(3.0);
            Sheet rules = workbook.getSheet("Сроки");
            assertThat(rules.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Направление исполнителю");
            assertThat(format.formatCellValue(rules.getRow(2).getCell(7))).isEqualTo("100.0%");
            // the posts received in the month, each named by its registration number (issue 21 point 1)
            Sheet posts = workbook.getSheet("Сообщения");
            assertThat(posts.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Рег. номер");
            assertThat(posts.getLastRowNum() - 1).isEqualTo(4);
            for (int r = 2; r <= posts.getLastRowNum(); r++) {
                assertThat(posts.getRow(r).getCell(0).getStringCellValue()).matches("СОЦ-\\d{4}/\\d{4,}");
            }
        }
    }

    @Test
    void theCsvStartsWithABomAndCarriesTheSameNumbers() throws Exception {
        byte[] csv = mvc.perform(get("/reports/monthly/export.csv")
                        .param("month", "2025-03")
                        .cookie(Sessions.login(mvc, "minister")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text)
                .contains("Поступило;4")
                .contains("Открыто на конец месяца;2")
                .contains("ВКонтакте;3;1;0;0;1;1")
                .contains("Направление исполнителю;п.9;2;2;0;0;0;100,0 %;6")
                .doesNotContain("ROUTE;");
    }

    /** September 2025: no other test works there. */
    static final YearMonth SEPTEMBER = YearMonth.of(2025, 9);

    @Test
    void returnedAndRefusedPostsAreNeverCountedAsAnsweredOnTime() throws Exception {
        cancelledMonth();
        MonthlyReport report = reports.build(SEPTEMBER, List.of());

        MonthlyReport.RuleRow answer = rule(report, "ANSWER");
        assertThat(answer.started()).isEqualTo(2);
        assertThat(answer.met()).as("neither post was answered").isZero();
        assertThat(answer.breached()).isZero();
        assertThat(answer.cancelled()).isEqualTo(2);
        assertThat(answer.shareOnTime()).as("nothing was judged").isNull();
        assertThat(answer.medianMinutes()).isNull();
        assertThat(rule(report, "CUR_SUBMIT").cancelled()).isEqualTo(2);
        MonthlyReport.RuleRow route = rule(report, "ROUTE");
        assertThat(route.met()).as("the return to ЦУР is ROUTE's stop event").isEqualTo(1);
        assertThat(route.cancelled()).as("the refusal").isEqualTo(1);

        Cookie session = Sessions.login(mvc, "specialist");
        mvc.perform(get("/reports/monthly").param("month", "2025-09").cookie(session))
                .andExpect(content().string(containsString("Не требовалось")))
                .andExpect(content().string(containsString("id=\"cancelled-ANSWER\">2</a>")));
        mvc.perform(get("/reports/monthly/clocks")
                        .cookie(session)
                        .param("month", "2025-09")
                        .param("rule", "ANSWER")
                        .param("outcome", "MET"))
                .andExpect(content().string(containsString("Сообщений: 0")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("RPT-CANCEL-RETURNED"))));
        mvc.perform(get("/reports/monthly/clocks")
                        .cookie(session)
                        .param("month", "2025-09")
                        .param("rule", "ANSWER")
                        .param("outcome", "CANCELLED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Сообщений: 2")))
                .andExpect(content().string(containsString("RPT-CANCEL-RETURNED")))
                .andExpect(content().string(containsString("RPT-CANCEL-REFUSED")));

        String csv = new String(
                mvc.perform(get("/reports/monthly/export.csv")
                                .param("month", "2025-09")
                                .cookie(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("Не требовалось").contains("Размещение ответа;п.7;2;0;0;0;2;;");
        byte[] xlsx = mvc.perform(get("/reports/monthly/export.xlsx")
                        .param("month", "2025-09")
                        .cookie(session))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet rules = workbook.getSheet("Сроки");
            assertThat(rules.getRow(1).getCell(6).getStringCellValue()).isEqualTo("Не требовалось");
            Row answerRow = java.util.stream.IntStream.rangeClosed(2, rules.getLastRowNum())
                    .mapToObj(rules::getRow)
                    .filter(r -> r.getCell(0).getStringCellValue().equals("Размещение ответа"))
                    .findFirst()
                    .orElseThrow();
            assertThat(answerRow.getCell(3).getNumericCellValue()).as("в срок").isZero();
            assertThat(answerRow.getCell(6).getNumericCellValue())
                    .as("не требовалось")
                    .isEqualTo(2.0);
        }
    }

    @Autowired
    PostManagement posts;

    @Autowired
    Users users;

    @Autowired
    MutableClock clock;

    /** Two posts of September 2025 made through the posts module: one returned to ЦУР, one refused (п.18). */
    private synchronized void cancelledMonth() {
        if (jdbc.sql("select count(*) from post where external_id = 'RPT-CANCEL-RETURNED'")
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        Instant tuesday = Instant.parse("2025-09-02T03:00:00Z"); // 10:00 in Novokuznetsk
        User specialist = users.findByLogin("specialist").orElseThrow();
        Actor actor = posts.actor(specialist.getId(), specialist.getRoles());
        try {
            clock.set(tuesday);
            Post returned = posts.register(newPost("RPT-CANCEL-RETURNED", tuesday), Set.of(), null);
            Post refused = posts.register(newPost("RPT-CANCEL-REFUSED", tuesday), Set.of(), null);
            clock.advance(Duration.ofMinutes(5));
            posts.returnToCur(returned.getId(), returned.getVersion(), "Вне компетенции Министерства", actor);
            posts.refuse(refused.getId(), refused.getVersion(), "Нецензурная брань", actor);
        } finally {
            clock.set(TestConfig.START);
        }
    }

    private static NewPost newPost(String externalId, Instant at) {
        return new NewPost(
                externalId,
                Source.VK,
                "https://vk.com/wall-1_2",
                "Автор",
                null,
                "Когда придёт пособие на ребёнка?",
                at,
                at,
                Importance.NORMAL,
                null);
    }

    private static MonthlyReport.RuleRow rule(MonthlyReport report, String code) {
        return report.rules().stream()
                .filter(r -> r.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static MonthlyReport.Row row(MonthlyReport report, Dimension dimension, String key) {
        return report.breakdown(dimension).rows().stream()
                .filter(r -> r.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    // ------------------------------------------------------------------ п.19: the org specialists' deadlines

    static final YearMonth JULY = YearMonth.of(2025, 7);

    /** July 2025: org deadlines stopped by the specialist and by the org head, one named, one nobody acted on. */
    synchronized void julyOfTheSpecialists() {
        if (jdbc.sql("select count(*) from post where external_id = 'RPT-SPEC-1'")
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        long specialist = userId("specialist");
        long orghead = userId("orghead");
        long executor = userId("executor");
        long answered = specialistsPost("RPT-SPEC-1");
        specialistsClock(answered, "ROUTE", "2025-07-01T10:05:00+07:00", "MET", null);
        specialistsEvent(answered, "ROUTED", specialist, "2025-07-01T10:05:00+07:00");
        specialistsClock(answered, "ACCEPT", "2025-07-01T10:20:00+07:00", "BREACHED", null);
        specialistsEvent(answered, "ACCEPTED", executor, "2025-07-01T10:20:00+07:00");
        specialistsClock(answered, "CUR_SUBMIT", "2025-07-01T12:00:00+07:00", "BREACHED", null);
        specialistsEvent(answered, "SENT_TO_CUR", specialist, "2025-07-01T12:00:00+07:00");
        specialistsClock(answered, "POST", "2025-07-01T14:00:00+07:00", "MET", null);
        specialistsEvent(answered, "ANSWER_POSTED", orghead, "2025-07-01T14:00:00+07:00");
        long returned = specialistsPost("RPT-SPEC-2");
        // the clock names the org head as responsible: it counts for him although the specialist acted
        specialistsClock(returned, "RETURN_TO_CUR", "2025-07-02T10:10:00+07:00", "MET", orghead);
        specialistsEvent(returned, "RETURNED_TO_CUR", specialist, "2025-07-02T10:10:00+07:00");
        long waiting = specialistsPost("RPT-SPEC-3");
        specialistsClock(waiting, "ROUTE", null, "BREACHED", null);
    }

    private long specialistsPost(String externalId) {
        return jdbc.sql("""
                insert into post (external_id, source, url, text, detected_at, received_at, importance, state,
                                  last_action_at)
                values (?, 'VK', 'https://vk.com/wall-1_1', 'Сообщение для отчёта', ?, ?, 'NORMAL', 'IN_WORK', ?)
                returning id
                """)
                .params(
                        externalId,
                        ts("2025-07-01T10:00:00+07:00"),
                        ts("2025-07-01T10:00:00+07:00"),
                        ts("2025-07-01T10:00:00+07:00"))
                .query(Long.class)
                .single();
    }

    private void specialistsClock(long post, String rule, String stopped, String state, Long responsible) {
        java.sql.Timestamp started = ts("2025-07-01T10:00:00+07:00");
        jdbc.sql("""
                insert into deadline_clock (rule_code, post_id, responsible_id, base_at, started_at, due_at, warn_at,
                                            stopped_at, state, used_minutes)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 5)
                """)
                .params(
                        rule,
                        post,
                        responsible,
                        started,
                        started,
                        started,
                        started,
                        stopped == null ? null : ts(stopped),
                        state)
                .update();
    }

    private void specialistsEvent(long post, String action, long actor, String at) {
        jdbc.sql("insert into post_event (post_id, at, actor_id, action, to_state) values (?, ?, ?, ?, 'IN_WORK')")
                .params(post, ts(at), actor, action)
                .update();
    }

    private long userId(String login) {
        return jdbc.sql("select id from app_user where login = ?")
                .param(login)
                .query(Long.class)
                .single();
    }

    private static java.sql.Timestamp ts(String offsetDateTime) {
        return java.sql.Timestamp.from(
                java.time.OffsetDateTime.parse(offsetDateTime).toInstant());
    }

    @Test
    void theOrgSpecialistsDeadlinesAreShownPerSpecialistAsExecutorsAre() throws Exception {
        julyOfTheSpecialists();
        MonthlyReport report = reports.build(JULY, List.of());

        assertThat(report.specialists())
                .extracting(
                        MonthlyReport.SpecialistRow::name,
                        MonthlyReport.SpecialistRow::onTime,
                        MonthlyReport.SpecialistRow::late)
                .as("ROUTE met and CUR_SUBMIT breached by the specialist; POST and the named RETURN_TO_CUR for the org"
                        + " head; the executor's ACCEPT is not an org deadline; the ROUTE nobody acted on apart")
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Петрова Ольга Николаевна", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple(orgHeadName(), 2L, 0L),
                        org.assertj.core.groups.Tuple.tuple("Никто не выполнил действие", 0L, 1L));
        assertThat(report.specialists())
                .filteredOn(r -> r.name().startsWith("Петрова"))
                .singleElement()
                .satisfies(r -> assertThat(r.shareOnTime()).isEqualTo(0.5));

        mvc.perform(get("/reports/monthly").param("month", "2025-07").cookie(Sessions.login(mvc, "orghead")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Специалисты отдела организационной работы (п.19)")))
                .andExpect(content().string(containsString("id=\"specialist-" + userId("specialist") + "\"")));
        byte[] xlsx = mvc.perform(get("/reports/monthly/export.xlsx")
                        .param("month", "2025-07")
                        .cookie(Sessions.login(mvc, "orghead")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet specialists = workbook.getSheet("Специалисты ООР");
            assertThat(specialists.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Специалист");
            assertThat(specialists.getLastRowNum()).isEqualTo(4);
        }
    }

    private String orgHeadName() {
        return jdbc.sql("select full_name from app_user where login = 'orghead'")
                .query(String.class)
                .single();
    }
}
