package ru.otklik.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.validation.BeanPropertyBindingResult;
import ru.otklik.deadlines.internal.Sweep;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.Role;
import ru.otklik.people.internal.Department;
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;
import ru.otklik.people.web.DepartmentForm;
import ru.otklik.posts.Actor;
import ru.otklik.posts.Importance;
import ru.otklik.posts.NewPost;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.Routing;
import ru.otklik.posts.Source;
import ru.otklik.posts.internal.Post;
import ru.otklik.posts.internal.Posts;
import ru.otklik.support.Browser;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.MutableClock;
import ru.otklik.support.TestConfig;
import ru.otklik.support.ThirdDepartment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ways Otklik is used, end to end in headless Chromium against the running application (and, for ЦУР, its API).
 */
@IntegrationTest
class JourneysIT {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    PostManagement posts;

    @Autowired
    Posts postRepository;

    @Autowired
    Users users;

    @Autowired
    Departments departments;

    @Autowired
    PeopleManagement people;

    @Autowired
    Sweep sweep;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @AfterEach
    void resetTheClock() {
        clock.set(TestConfig.START);
    }

    @Test
    void theSpecialistRegistersAHighPostAndRoutesItAndItsClockCounts() throws Exception {
        String externalId = "J1-" + System.nanoTime();
        browser.open(port).login("specialist");
        browser.go("/posts/new");
        browser.type(By.id("externalId"), externalId);
        browser.type(By.id("url"), "https://vk.com/wall-100_" + System.nanoTime());
        browser.type(By.id("authorName"), "Мария Сидорова");
        browser.type(By.id("text"), "Третий месяц жду выплату на ребёнка. Куда обращаться?");
        browser.click(By.cssSelector("input[name=importance][value=HIGH]"));
        browser.screenshot("journey1-register");
        browser.click(By.cssSelector("form[action='/posts'] button[type=submit]"));

        browser.waitFor(By.cssSelector("form.route-form"));
        assertThat(browser.pageText()).contains(externalId).contains("Повышенной важности");
        long postId = postRepository.findByExternalId(externalId).orElseThrow().getId();
        Department families = departmentOf("executor");
        new Select(browser.waitFor(By.id("route-" + families.getId()))).selectByVisibleText("Кузнецов Андрей Павлович");
        browser.click(By.cssSelector("form.route-form button[type=submit]"));

        WebElement clocks = browser.waitFor(By.id("post-clocks-" + postId));
        assertThat(clocks.getText()).contains("осталось");
        String acceptBefore = clockText(postId, "ACCEPT");
        Path screenshot = browser.screenshot("journey1-routed");

        // the specialist keeps a screenshot of the post as evidence (issue 21): its thumbnail shows on the page
        browser.driver()
                .findElement(By.id("attachment-file-post"))
                .sendKeys(screenshot.toAbsolutePath().toString());
        browser.click(By.cssSelector("#attachments-post .attachment-submit"));
        WebElement thumbnail = browser.waitFor(By.cssSelector(".post-attachments img.attachment-thumb"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(driver -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) driver)
                        .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", thumbnail));
        assertThat(browser.pageText()).contains("journey1-routed.png").contains("Прикреплён файл");
        browser.screenshot("journey1-attached");

        clock.advance(Duration.ofMinutes(3));
        browser.go("/posts/" + postId);
        String acceptAfter = clockText(postId, "ACCEPT");
        assertThat(acceptBefore).contains("осталось 15 мин (рабочих)");
        assertThat(acceptAfter).as("the clock counts down").contains("осталось 12 мин (рабочих)");
        assertThat(postRepository.findById(postId).orElseThrow().getImportance())
                .isEqualTo(Importance.HIGH);
    }

    @Test
    void aPostGoesFromExecutorThroughBothApproversAndЦУРToAnAnswerWithEveryClockMet() throws Exception {
        Post post = routedPost("J2-" + System.nanoTime(), "executor");
        long id = post.getId();

        browser.open(port).login("executor");
        browser.go("/posts/" + id);
        browser.click(By.cssSelector("form[action$='/accept'] button[type=submit]"));
        browser.type(By.id("draft-text"), "Здравствуйте! Выплата назначена, деньги поступят до 10 декабря.");
        browser.click(By.cssSelector("form.draft-editor button[value=submit]"));
        browser.waitForText(By.tagName("body"), "На согласовании");
        browser.screenshot("journey2-submitted");

        approveAs("head", id);
        approveAs("deputy", id);

        browser.login("specialist");
        browser.go("/posts/" + id);
        browser.click(By.cssSelector("form.send-to-cur-form button[type=submit]"));
        browser.click(By.id("cur-approved"));
        browser.click(By.cssSelector("form.cur-decision-form button[type=submit]"));
        browser.type(By.id("answer-url"), "https://vk.com/wall-100_1?reply=77");
        browser.click(By.cssSelector("form.post-answer-form button[type=submit]"));

        browser.waitForText(By.tagName("body"), "Ответ размещён");
        browser.screenshot("journey2-answered");
        assertThat(postRepository.findById(id).orElseThrow().getState().name()).isEqualTo("ANSWERED");
        List<WebElement> clocks =
                browser.driver().findElements(By.cssSelector("#post-clocks-" + id + " li.post-clock"));
        assertThat(clocks).isNotEmpty();
        assertThat(clocks)
                .allSatisfy(c -> assertThat(c.getAttribute("textContent")).contains("выполнено в срок"));
    }

    @Test
    void curApprovesADraftThroughTheApiAfterReadingItThere() throws Exception {
        Post post = routedPost("J5-" + System.nanoTime(), "executor");
        long id = post.getId();
        String text = "Здравствуйте! Запись в лагерь откроется 15 января на портале Госуслуг.";

        browser.open(port).login("executor");
        browser.go("/posts/" + id);
        browser.click(By.cssSelector("form[action$='/accept'] button[type=submit]"));
        browser.type(By.id("draft-text"), text);
        browser.click(By.cssSelector("form.draft-editor button[value=submit]"));
        browser.waitForText(By.tagName("body"), "На согласовании");
        approveAs("head", id);
        approveAs("deputy", id);

        browser.login("specialist");
        browser.go("/posts/" + id);
        browser.click(By.cssSelector("form.send-to-cur-form button[type=submit]"));
        browser.waitFor(By.cssSelector("form.cur-decision-form"));

        // ЦУР's system reads the draft with its token, then approves exactly the version it read
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> read = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/messages/" + id))
                        .header("Authorization", "Bearer demo-cur-token")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode message = JsonMapper.builder().build().readTree(read.body());
        assertThat(message.get("status").asString()).isEqualTo("AT_CUR");
        assertThat(message.get("draft").get("text").asString()).isEqualTo(text);
        assertThat(message.get("draft").get("kind").asString()).isEqualTo("FINAL");
        HttpResponse<String> decided = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/v1/messages/" + id + "/cur-decision"))
                        .header("Authorization", "Bearer demo-cur-token")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"decision\": \"APPROVED\", \"draftId\": "
                                + message.get("draft").get("id").asLong() + ", \"version\": "
                                + message.get("draft").get("version").asInt() + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

        browser.go("/posts/" + id);
        assertThat(browser.pageText()).contains("Согласовано ЦУР");
        browser.screenshot("journey5-cur-approved-through-api");
        browser.type(By.id("answer-url"), "https://vk.com/wall-100_5?reply=12");
        browser.click(By.cssSelector("form.post-answer-form button[type=submit]"));
        browser.waitForText(By.tagName("body"), "Ответ размещён");
        assertThat(postRepository.findById(id).orElseThrow().getState().name()).isEqualTo("ANSWERED");
    }

    @Test
    void anUnacceptedPostIsEscalatedToTheDeputyWhoReassignsIt() throws Exception {
        User substitute = secondExecutorOfTheFirstDepartment();
        Post post = routedPost("J3-" + System.nanoTime(), "executor");

        clock.advance(Duration.ofMinutes(20));
        assertThat(sweep.sweep().escalations()).as("the ACCEPT clock ran out").isPositive();

        browser.open(port).login("deputy");
        browser.go("/escalations");
        browser.waitForText(By.tagName("body"), post.getRegistrationNumber());
        browser.screenshot("journey3-escalations");
        WebElement form = browser.driver()
                .findElement(By.cssSelector(".escalation[data-post='" + post.getId() + "'] form[action$='/reassign']"));
        WebElement select = form.findElement(By.cssSelector("select[name=executorId]"));
        new Select(select).selectByVisibleText(substitute.getFullName());
        form.findElement(By.cssSelector("input[name=comment]")).sendKeys("Исполнитель на выезде, передаю коллеге");
        browser.click(form.findElement(By.cssSelector("button[type=submit]")));

        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> jdbc.sql("select count(*) from assignment where post_id = ? and executor_id = ?")
                                .params(post.getId(), substitute.getId())
                                .query(Long.class)
                                .single()
                        == 1);
        browser.screenshot("journey3-reassigned");
    }

    @Test
    void aJointPostsReturnedPartGoesToAThirdDepartmentAndTheJointAnswerIsComposedFromItsContribution()
            throws Exception {
        Department pensions = ThirdDepartment.ensure(people, users, departments);
        Post post = routedPost("J5-" + System.nanoTime(), "executor", "executor2");
        long id = post.getId();
        User executor = users.findByLogin("executor").orElseThrow();
        Actor families = posts.actor(executor.getId(), executor.getRoles());
        long familiesAssignment = post.getAssignments().get(0).getId();
        post = posts.accept(id, familiesAssignment, post.getVersion(), families);
        posts.contribute(id, familiesAssignment, post.getVersion(), "Пособие назначено 1 декабря.", families);

        browser.open(port).login("executor2");
        browser.go("/posts/" + id);
        WebElement giveBack = browser.waitFor(By.cssSelector("form[action$='/return']"));
        giveBack.findElement(By.tagName("textarea")).sendKeys("Вопрос не о занятости, а о пенсии");
        browser.click(giveBack.findElement(By.cssSelector("button[type=submit]")));
        browser.waitForText(By.tagName("body"), "Ждёт решения специалиста");

        browser.login("specialist");
        browser.go("/inbox?q=" + post.getExternalId());
        browser.waitForText(By.tagName("body"), "часть общего ответа ждёт решения");
        browser.go("/posts/" + id);
        WebElement reroute = browser.waitFor(By.cssSelector("form.part-route-form"));
        new Select(reroute.findElement(By.tagName("select")))
                .selectByVisibleText(ThirdDepartment.NAME + ": " + ThirdDepartment.EXECUTOR_NAME);
        browser.screenshot("journey5-part-returned");
        browser.click(reroute.findElement(By.cssSelector("button[type=submit]")));
        browser.waitForText(By.tagName("body"), "Направлено в другое подразделение");

        browser.login(ThirdDepartment.EXECUTOR);
        browser.go("/posts/" + id);
        browser.click(By.cssSelector("form[action$='/accept'] button[type=submit]"));
        WebElement contribution = browser.waitFor(By.cssSelector("form[action$='/contribution']"));
        contribution.findElement(By.tagName("textarea")).sendKeys("Перерасчёт пенсии сделан в ноябре.");
        browser.click(contribution.findElement(By.cssSelector("button[type=submit]")));
        browser.waitForText(By.tagName("body"), "Перерасчёт пенсии сделан в ноябре.");

        browser.login("specialist");
        browser.go("/posts/" + id);
        assertThat(browser.pageText())
                .contains("Пособие назначено 1 декабря.")
                .contains("Перерасчёт пенсии сделан в ноябре.");
        browser.type(By.id("draft-text"), "Пособие назначено 1 декабря. Перерасчёт пенсии сделан в ноябре.");
        browser.click(By.cssSelector("form.draft-editor button[value=submit]"));
        browser.waitForText(By.tagName("body"), "На согласовании");
        browser.screenshot("journey5-joint-draft");

        Post composed = postRepository.findById(id).orElseThrow();
        assertThat(composed.getState().name()).isEqualTo("IN_APPROVAL");
        assertThat(jdbc.sql("select count(*) from assignment where post_id = ? and department_id = ?"
                                + " and state = 'ACCEPTED' and contribution is not null")
                        .params(id, pensions.getId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select joint from draft where post_id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        // both contributing departments' heads approve their part, in parallel, before the deputy minister (п.15)
        approveAs("head-pensions", id);
        browser.go("/posts/" + id);
        WebElement parts = browser.waitFor(By.cssSelector("ul.draft-parts"));
        assertThat(parts.findElement(By.cssSelector("li.draft-part-approved")).getText())
                .contains(ThirdDepartment.NAME)
                .contains("Тихонов Павел Олегович")
                .contains("согласовано");
        assertThat(parts.findElement(By.cssSelector("li.draft-part-waiting")).getText())
                .contains("Морозов Сергей Иванович")
                .contains("ожидает согласования");
        browser.screenshot("journey5-joint-part-approved");
        assertThat(jdbc.sql("select current_approver_id from draft where post_id = ?")
                        .param(id)
                        .query(Long.class)
                        .optional())
                .isEmpty();
        approveAs("head", id);
        assertThat(jdbc.sql("select u.login from draft d join app_user u on u.id = d.current_approver_id"
                                + " where d.post_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("deputy");
    }

    @Test
    void theSpecialistSeesTheNewPostInTheMonthlyReportAndDownloadsTheXlsx() throws Exception {
        Post post = routedPost("J4-" + System.nanoTime(), "executor2");

        browser.open(port).login("specialist");
        browser.go("/reports/monthly");
        browser.waitForText(By.tagName("h1"), "Отчёт за декабрь 2026");
        assertThat(Long.parseLong(browser.waitFor(By.id("total-RECEIVED")).getText()))
                .isPositive();
        browser.screenshot("journey4-report");
        browser.click(By.cssSelector("a[href*='measure=RECEIVED'][href*='dimension=TOTAL']"));
        browser.waitForText(By.tagName("body"), post.getExternalId());

        Path file = Browser.DOWNLOADS.resolve("otklik-2026-12.xlsx");
        Files.deleteIfExists(file);
        browser.go("/reports/monthly");
        browser.click(By.cssSelector("a[href*='export.xlsx']"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> Files.exists(file) && file.toFile().length() > 0);
        try (InputStream in = Files.newInputStream(file);
                Workbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheet("Итоги").getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo("Поступило");
            assertThat(workbook.getSheet("Итоги").getRow(2).getCell(1).getNumericCellValue())
                    .isPositive();
        }
    }

    private void approveAs(String login, long postId) throws Exception {
        browser.login(login);
        browser.go("/approvals");
        for (WebElement box : browser.driver().findElements(By.cssSelector("input[id^='check-" + postId + "-']"))) {
            if (!box.isSelected()) {
                browser.click(By.id(box.getAttribute("id")));
            }
        }
        browser.click(
                By.cssSelector("form.approve-form[action='/posts/" + postId + "/draft/approve'] button[type=submit]"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.findElements(
                                By.cssSelector("form.approve-form[action='/posts/" + postId + "/draft/approve']"))
                        .isEmpty());
    }

    private String clockText(long postId, String rule) {
        return browser.driver()
                .findElement(By.cssSelector("#post-clocks-" + postId + " li[data-rule=" + rule + "]"))
                .getText();
    }

    private Post routedPost(String externalId, String... executorLogins) {
        User specialist = users.findByLogin("specialist").orElseThrow();
        Post post = posts.register(
                new NewPost(
                        externalId,
                        Source.VK,
                        "https://vk.com/wall-100_" + System.nanoTime(),
                        "Пётр Иванов",
                        null,
                        "Когда откроют запись в детский лагерь?",
                        clock.instant(),
                        clock.instant(),
                        Importance.NORMAL,
                        null),
                Set.of(),
                specialist.getId());
        Actor actor = posts.actor(specialist.getId(), specialist.getRoles());
        return posts.route(
                post.getId(),
                post.getVersion(),
                java.util.Arrays.stream(executorLogins)
                        .map(login -> new Routing(
                                departmentOf(login).getId(),
                                users.findByLogin(login).orElseThrow().getId()))
                        .toList(),
                Importance.NORMAL,
                actor);
    }

    private Department departmentOf(String executorLogin) {
        long executorId = users.findByLogin(executorLogin).orElseThrow().getId();
        return departments.findAllByName().stream()
                .filter(d -> d.hasExecutor(executorId))
                .findFirst()
                .orElseThrow();
    }

    private User secondExecutorOfTheFirstDepartment() {
        synchronized (JourneysIT.class) {
            User second = users.findByLogin("executor3")
                    .orElseGet(() -> users.findById(people.createAccount(
                                            "executor3",
                                            "Орлова Дарья Игоревна",
                                            null,
                                            "Journey-2026",
                                            EnumSet.of(Role.EXECUTOR))
                                    .id())
                            .orElseThrow());
            Department families = departmentOf("executor");
            if (!families.hasExecutor(second.getId())) {
                List<Long> executors = new java.util.ArrayList<>(
                        families.getExecutors().stream().map(User::getId).toList());
                executors.add(second.getId());
                people.saveDepartment(
                        families.getId(),
                        new DepartmentForm(
                                families.getName(),
                                families.getHead().getId(),
                                families.getCurator().getId(),
                                executors,
                                families.getVersion()),
                        new BeanPropertyBindingResult(families, "form"));
            }
            return second;
        }
    }
}
