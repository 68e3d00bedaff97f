package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.people.internal.Department;
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.Users;
import ru.otklik.posts.internal.InboxQuery;
import ru.otklik.posts.internal.Post;
import ru.otklik.posts.internal.Posts;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;
import ru.otklik.support.TestConfig;

/**
 * The first half of a post's life through the pages, as the org specialist, executors, the org head and deputy
 * ministers see it.
 */
@IntegrationTest
class PostFlowsIT {

    static final String LOCAL_NOW = "2026-12-01T10:00";
    static final String STATE_ASSIGNED = "Направлено исполнителю";

    @Autowired
    MockMvc mvc;

    @Autowired
    Posts posts;

    @Autowired
    Users users;

    @Autowired
    Departments departments;

    @Autowired
    JdbcClient jdbc;

    // ------------------------------------------------------------------ helpers

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    MockHttpServletRequestBuilder registration(Cookie who, String externalId, String text, String authorUrl) {
        return registration(who, externalId, text, authorUrl, "NORMAL");
    }

    MockHttpServletRequestBuilder registration(
            Cookie who, String externalId, String text, String authorUrl, String importance) {
        return post("/posts")
                .cookie(who)
                .with(csrf())
                .param("externalId", externalId)
                .param("source", "VK")
                .param("url", "https://vk.com/wall-1_" + externalId)
                .param("authorName", "Иван Петров")
                .param("authorUrl", authorUrl)
                .param("text", text)
                .param("detectedAt", "2026-12-01T09:40")
                .param("receivedAt", "2026-12-01T09:50")
                .param("importance", importance)
                .param("topic", "Пособия");
    }

    Post register(String text) throws Exception {
        String externalId = "IT-" + unique();
        mvc.perform(registration(Sessions.login(mvc, "specialist"), externalId, text, "https://vk.com/id" + unique()))
                .andExpect(status().is3xxRedirection());
        return posts.findByExternalId(externalId).orElseThrow();
    }

    Department families() {
        return departments.findAllByName().stream()
                .filter(d -> d.getName().contains("семей с детьми"))
                .findFirst()
                .orElseThrow();
    }

    Department employment() {
        return departments.findAllByName().stream()
                .filter(d -> d.getName().contains("занятости"))
                .findFirst()
                .orElseThrow();
    }

    long id(String login) {
        return users.findByLogin(login).orElseThrow().getId();
    }

    Post reload(Post post) {
        return posts.findById(post.getId()).orElseThrow();
    }

    MvcResult route(Cookie who, Post post, long version, Department department, String executor) throws Exception {
        return mvc.perform(post("/posts/" + post.getId() + "/route")
                        .cookie(who)
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("assignTo", department.getId() + ":" + id(executor)))
                .andReturn();
    }

    long assignmentOf(Post post, String executor) {
        return jdbc.sql("select id from assignment where post_id = ? and executor_id = ? order by id desc limit 1")
                .params(post.getId(), id(executor))
                .query(Long.class)
                .single();
    }

    List<String> timeline(Post post) {
        return jdbc.sql("select action || ':' || coalesce(from_state, '-') || '>' || to_state from post_event"
                        + " where post_id = ? order by at, id")
                .param(post.getId())
                .query(String.class)
                .list();
    }

    // ------------------------------------------------------------------ registration

    @Test
    void theSpecialistRegistersAPostByHandAndItIsNewOnItsPage() throws Exception {
        Cookie specialist = Sessions.login(mvc, "specialist");
        String externalId = "IT-" + unique();
        MvcResult result = mvc.perform(registration(
                        specialist,
                        externalId,
                        "Здравствуйте! Когда придёт\nединое пособие?",
                        "https://vk.com/id" + unique()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        Post post = posts.findByExternalId(externalId).orElseThrow();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/posts/" + post.getId());
        assertThat(post.getState()).isEqualTo(PostState.NEW);
        assertThat(post.getReceivedAt()).isEqualTo(Instant.parse("2026-12-01T02:50:00Z"));
        assertThat(post.getDetectedAt()).isEqualTo(Instant.parse("2026-12-01T02:40:00Z"));
        assertThat(post.isScreeningFlagged()).isFalse();

        mvc.perform(get("/posts/" + post.getId()).cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Новое")))
                .andExpect(content().string(containsString("01.12.2026 09:50")))
                .andExpect(content().string(containsString("rel=\"noopener noreferrer nofollow\"")))
                .andExpect(content().string(containsString("Направить исполнителю")))
                .andExpect(content().string(containsString("Сообщение зарегистрировано")));
    }

    @Test
    void aPostWithoutACurIdGetsAGeneratedOne() throws Exception {
        String text = "Нет номера ЦУР " + unique();
        mvc.perform(registration(Sessions.login(mvc, "specialist"), "", text, ""))
                .andExpect(status().is3xxRedirection());
        Long id = jdbc.sql("select id from post where text = ?")
                .param(text)
                .query(Long.class)
                .single();
        assertThat(posts.findById(id).orElseThrow().getExternalId()).isEqualTo("MANUAL-" + id);
    }

    @Test
    void eachBadFieldGetsItsRussianMessageAndNothingIsSaved() throws Exception {
        Cookie specialist = Sessions.login(mvc, "specialist");
        long before = posts.count();
        mvc.perform(post("/posts")
                        .cookie(specialist)
                        .with(csrf())
                        .param("externalId", "x".repeat(101))
                        .param("source", "VK")
                        .param("url", "javascript:alert(1)")
                        .param("authorUrl", "ftp://example.ru/me")
                        .param("text", "")
                        .param("detectedAt", "2026-12-01T09:00")
                        .param("receivedAt", "")
                        .param("importance", "NORMAL"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Номер ЦУР не длиннее 100 символов")))
                .andExpect(content().string(containsString("Ссылка должна начинаться с http:// или https://")))
                .andExpect(content().string(containsString("Введите текст сообщения")))
                .andExpect(content().string(containsString("Укажите, когда министерство получило сообщение")));
        mvc.perform(post("/posts")
                        .cookie(specialist)
                        .with(csrf())
                        .param("source", "VK")
                        .param("url", "")
                        .param("text", "x".repeat(20001))
                        .param("detectedAt", "2026-12-01T09:55")
                        .param("receivedAt", "2026-12-01T09:50")
                        .param("importance", "NORMAL"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Укажите ссылку на сообщение")))
                .andExpect(content().string(containsString("не длиннее 20 000 символов")))
                .andExpect(content().string(containsString("не может быть выявлено позже")));
        mvc.perform(post("/posts")
                        .cookie(specialist)
                        .with(csrf())
                        .param("source", "VK")
                        .param("url", "https://vk.com/wall-1_1")
                        .param("text", "Текст")
                        .param("detectedAt", "2026-12-01T09:55")
                        .param("receivedAt", "2026-12-01T11:00")
                        .param("importance", "NORMAL"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("не может быть в будущем")));
        mvc.perform(post("/posts")
                        .cookie(specialist)
                        .with(csrf())
                        .param("source", "FACEBOOK")
                        .param("url", "https://vk.com/wall-1_1")
                        .param("text", "Текст")
                        .param("detectedAt", "вчера")
                        .param("receivedAt", "2026-12-01T09:50")
                        .param("importance", "NORMAL"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Выберите источник из списка")))
                .andExpect(content().string(containsString("Укажите дату и время")));
        mvc.perform(post("/posts")
                        .cookie(specialist)
                        .with(csrf())
                        .param("source", "OK")
                        .param("url", "https://ok.ru/topic/1")
                        .param("text", "Текст")
                        .param("detectedAt", "2026-12-01T09:40")
                        .param("receivedAt", "2026-12-01T09:50")
                        .param("importance", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Выберите важность")));
        Post existing = register("Уже есть " + unique());
        mvc.perform(registration(specialist, existing.getExternalId(), "Другой текст", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("с таким номером ЦУР уже зарегистрировано")));
        assertThat(posts.count()).isEqualTo(before + 1);
    }

    @Test
    void theFormRefusesWhatTheApiRefusesLineBreaksInOneLineFieldsAndDatesBefore2000() throws Exception {
        Cookie specialist = Sessions.login(mvc, "specialist");
        long before = posts.count();
        mvc.perform(post("/posts")
                        .cookie(specialist)
                        .with(csrf())
                        .param("externalId", "CUR-1\r\nX-Injected: yes")
                        .param("source", "VK")
                        .param("url", "https://vk.com/wall-1_1")
                        .param("authorName", "Иван\nПетров")
                        .param("authorUrl", "http://[broken")
                        .param("text", "Первая строка\r\nвторая строка")
                        .param("detectedAt", "1900-01-01T09:00")
                        .param("receivedAt", "1900-01-01T10:00")
                        .param("importance", "NORMAL"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Содержит управляющий символ (код 13).")))
                .andExpect(content().string(containsString("Содержит управляющий символ (код 10).")))
                .andExpect(content().string(containsString("Не похоже на ссылку")))
                .andExpect(content().string(containsString("Дата раньше 2000 года")));
        assertThat(posts.count()).isEqualTo(before);
    }

    @Test
    void anExecutorCannotRegisterPosts() throws Exception {
        Cookie executor = Sessions.login(mvc, "executor");
        mvc.perform(get("/posts/new").cookie(executor)).andExpect(status().isForbidden());
        mvc.perform(registration(executor, "IT-" + unique(), "Текст", "")).andExpect(status().isForbidden());
    }

    @Test
    void aRepeatedPostByTheSameAuthorIsOfferedForLinkingAndTheLinkIsSaved() throws Exception {
        Cookie specialist = Sessions.login(mvc, "specialist");
        String author = "https://vk.com/id" + unique();
        String firstId = "IT-" + unique();
        mvc.perform(registration(specialist, firstId, "Где моя компенсация за детский сад?", author))
                .andExpect(status().is3xxRedirection());
        Post first = posts.findByExternalId(firstId).orElseThrow();

        mvc.perform(post("/posts/repeats")
                        .cookie(specialist)
                        .with(csrf())
                        .param("authorUrl", author)
                        .param("url", "https://vk.com/wall-1_new")
                        .param("text", "Совсем другой текст о транспорте"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(firstId)))
                .andExpect(content().string(containsString("тот же автор")))
                .andExpect(content().string(containsString("ответа пока нет")))
                .andExpect(content().string(containsString("name=\"linkIds\" value=\"" + first.getId() + "\"")));

        String secondId = "IT-" + unique();
        mvc.perform(registration(specialist, secondId, "Снова о компенсации за сад", author)
                        .param("linkIds", String.valueOf(first.getId())))
                .andExpect(status().is3xxRedirection());
        Post second = posts.findByExternalId(secondId).orElseThrow();
        assertThat(jdbc.sql("select linked_post_id from post_link where post_id = ?")
                        .param(second.getId())
                        .query(Long.class)
                        .list())
                .containsExactly(first.getId());
        mvc.perform(get("/posts/" + first.getId()).cookie(specialist))
                .andExpect(content().string(containsString(secondId)));
    }

    @Test
    void aSimilarTextIsOfferedAsARepeat() throws Exception {
        String marker = unique();
        Post earlier = register("Почему до сих пор не начислили пособие по безработице в Новокузнецке " + marker);
        mvc.perform(post("/posts/repeats")
                        .cookie(Sessions.login(mvc, "specialist"))
                        .with(csrf())
                        .param(
                                "text",
                                "Почему до сих пор не начислили пособие по безработице в Новокузнецке? " + marker))
                .andExpect(content().string(containsString(earlier.getExternalId())))
                .andExpect(content().string(containsString("похожий текст")));
    }

    @Test
    void aPostWithAnObfuscatedObscenityIsFlaggedOnItsPageAndInTheInbox() throws Exception {
        String marker = "флаг" + unique().replaceAll("[0-9]", "");
        Post post = register("Вы там все муд@ки " + marker);
        assertThat(post.isScreeningFlagged()).isTrue();
        Cookie specialist = Sessions.login(mvc, "specialist");
        mvc.perform(get("/posts/" + post.getId()).cookie(specialist))
                .andExpect(content().string(containsString("Проверка по п.18")))
                .andExpect(content().string(containsString("муд@ки")));
        mvc.perform(get("/inbox").cookie(specialist).param("flagged", "true").param("q", post.getExternalId()))
                .andExpect(content().string(containsString(post.getExternalId())))
                .andExpect(content().string(containsString("п.18: муд@ки")));
    }

    // ------------------------------------------------------------------ route, accept, return

    @Test
    void routeAcceptAndTheTimelineRecordsEachStep() throws Exception {
        Post post = register("Маршрут " + unique());
        Cookie specialist = Sessions.login(mvc, "specialist");
        mvc.perform(post("/posts/" + post.getId() + "/route")
                        .cookie(specialist)
                        .with(csrf())
                        .param("version", String.valueOf(post.getVersion()))
                        .param("assignTo", families().getId() + ":" + id("executor"), "")
                        .param("high", "true"))
                .andExpect(redirectedUrl("/posts/" + post.getId()));
        Post routed = reload(post);
        assertThat(routed.getState()).isEqualTo(PostState.ASSIGNED);
        assertThat(routed.getImportance()).isEqualTo(Importance.HIGH);

        Cookie executor = Sessions.login(mvc, "executor");
        mvc.perform(get("/assignments").cookie(executor))
                .andExpect(content().string(containsString(post.getExternalId())));
        mvc.perform(get("/posts/" + post.getId()).cookie(executor))
                .andExpect(content().string(containsString("Принять в работу")))
                .andExpect(content().string(not(containsString("name=\"assignTo\""))));
        String executorsPage = mvc.perform(get("/posts/" + post.getId()).cookie(executor))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(executorsPage.indexOf("/accept\""))
                .as("accepting lives in the one «Действия» panel, not under «Поручения»")
                .isGreaterThan(executorsPage.indexOf(">Действия</h2>"));
        mvc.perform(post("/posts/" + post.getId() + "/assignments/" + assignmentOf(post, "executor") + "/accept")
                        .cookie(executor)
                        .with(csrf())
                        .param("version", String.valueOf(routed.getVersion())))
                .andExpect(redirectedUrl("/posts/" + post.getId()));
        assertThat(reload(post).getState()).isEqualTo(PostState.IN_WORK);

        assertThat(timeline(post))
                .containsExactly(
                        "REGISTERED:->NEW",
                        "ROUTED:NEW>ASSIGNED",
                        "IMPORTANCE_CHANGED:ASSIGNED>ASSIGNED",
                        "ACCEPTED:ASSIGNED>IN_WORK");
        mvc.perform(get("/posts/" + post.getId()).cookie(specialist))
                .andExpect(content().string(containsString("Принято в работу")))
                // the change of importance left the state as it was: no «Направлено → Направлено» in the history
                .andExpect(content().string(not(containsString(STATE_ASSIGNED + " → " + STATE_ASSIGNED))))
                .andExpect(content().string(containsString("Кузнецов Андрей Павлович")))
                .andExpect(content().string(containsString("Петрова Ольга Николаевна")));
    }

    @Test
    void routingToAnExecutorOfAnotherDepartmentIsRefusedAndChangesNothing() throws Exception {
        Post post = register("Чужой исполнитель " + unique());
        MvcResult result = route(Sessions.login(mvc, "specialist"), post, post.getVersion(), families(), "executor2");
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        // the page is shown again at the form's address; it tells the browser the post's own address
        assertThat(result.getResponse().getContentAsString()).contains("data-address=\"/posts/" + post.getId() + "\"");
        assertThat(result.getResponse().getContentAsString()).contains("не относится к подразделению");
        assertThat(reload(post).getState()).isEqualTo(PostState.NEW);
        assertThat(timeline(post)).hasSize(1);
    }

    @Test
    void theExecutorReturnsItOutOfCompetenceAndTheSpecialistRoutesItElsewhere() throws Exception {
        Post post = register("Не та компетенция " + unique());
        Cookie specialist = Sessions.login(mvc, "specialist");
        route(specialist, post, post.getVersion(), families(), "executor");
        Cookie executor = Sessions.login(mvc, "executor");
        long assignment = assignmentOf(post, "executor");

        mvc.perform(post("/posts/" + post.getId() + "/assignments/" + assignment + "/return")
                        .cookie(executor)
                        .with(csrf())
                        .param("version", String.valueOf(reload(post).getVersion()))
                        .param("reason", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Укажите причину")));
        mvc.perform(post("/posts/" + post.getId() + "/assignments/" + assignment + "/return")
                        .cookie(executor)
                        .with(csrf())
                        .param("version", String.valueOf(reload(post).getVersion()))
                        .param("reason", "Вопрос о занятости, не семьи"))
                .andExpect(redirectedUrl("/posts/" + post.getId()));
        assertThat(reload(post).getState()).isEqualTo(PostState.RETURNED_BY_EXECUTOR);

        mvc.perform(get("/inbox").cookie(specialist).param("state", "RETURNED_BY_EXECUTOR"))
                .andExpect(content().string(containsString(post.getExternalId())));
        route(specialist, post, reload(post).getVersion(), employment(), "executor2");
        Post rerouted = reload(post);
        assertThat(rerouted.getState()).isEqualTo(PostState.ASSIGNED);
        assertThat(timeline(post))
                .containsExactly(
                        "REGISTERED:->NEW",
                        "ROUTED:NEW>ASSIGNED",
                        "RETURNED_BY_EXECUTOR:ASSIGNED>RETURNED_BY_EXECUTOR",
                        "ROUTED:RETURNED_BY_EXECUTOR>ASSIGNED");
        mvc.perform(get("/posts/" + post.getId()).cookie(specialist))
                .andExpect(content().string(containsString("Вопрос о занятости, не семьи")));
    }

    @Test
    void theSpecialistReturnsAPostToCurWithAReason() throws Exception {
        Post post = register("Вопрос о дорогах " + unique());
        Cookie specialist = Sessions.login(mvc, "specialist");
        mvc.perform(post("/posts/" + post.getId() + "/return-to-cur")
                        .cookie(specialist)
                        .with(csrf())
                        .param("version", String.valueOf(post.getVersion()))
                        .param("reason", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Укажите причину")));
        mvc.perform(post("/posts/" + post.getId() + "/return-to-cur")
                        .cookie(specialist)
                        .with(csrf())
                        .param("version", String.valueOf(post.getVersion()))
                        .param("reason", "Дороги — министерство транспорта"))
                .andExpect(redirectedUrl("/posts/" + post.getId()));
        Post closed = reload(post);
        assertThat(closed.getState()).isEqualTo(PostState.RETURNED_TO_CUR);
        assertThat(closed.getClosingReason()).isEqualTo("Дороги — министерство транспорта");
        assertThat(timeline(post)).last().isEqualTo("RETURNED_TO_CUR:NEW>RETURNED_TO_CUR");
        mvc.perform(get("/posts/" + post.getId()).cookie(specialist))
                .andExpect(content().string(containsString("Возвращено в ЦУР")))
                .andExpect(content().string(not(containsString("name=\"assignTo\""))));
        mvc.perform(get("/inbox").cookie(specialist).param("q", post.getExternalId()))
                .andExpect(content().string(not(containsString(">" + post.getRegistrationNumber() + "<"))));
    }

    @Test
    void theSpecialistRefusesAPostUnderClause18() throws Exception {
        Post post = register("Я вас всех найду и убью " + unique());
        assertThat(post.isScreeningFlagged()).isTrue();
        mvc.perform(post("/posts/" + post.getId() + "/refuse")
                        .cookie(Sessions.login(mvc, "orghead"))
                        .with(csrf())
                        .param("version", String.valueOf(post.getVersion()))
                        .param("reason", "Угроза жизни"))
                .andExpect(redirectedUrl("/posts/" + post.getId()));
        assertThat(reload(post).getState()).isEqualTo(PostState.NOT_PROCESSED);
        assertThat(timeline(post)).last().isEqualTo("REFUSED:NEW>NOT_PROCESSED");
    }

    @Test
    void intentionsToHarmAnotherPersonAreAGroundOfClause18InTheScreeningAndTheRefusalForm() throws Exception {
        Post post = register("Сосед опять шумит ночью, изобью его, раз никто не помогает " + unique());
        assertThat(post.isScreeningFlagged()).isTrue();
        assertThat(post.getScreeningMatches()).contains("HARM:");
        String page = mvc.perform(get("/posts/" + post.getId()).cookie(Sessions.login(mvc, "specialist")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String refuseForm = page.substring(page.indexOf("/refuse\""));
        assertThat(page.substring(page.indexOf("screening-advice"), page.indexOf("/refuse\"")))
                .contains("намерения причинить вред другому лицу");
        assertThat(refuseForm.substring(0, refuseForm.indexOf("</form>")))
                .contains("намерения причинить вред другому лицу");
    }

    MockHttpServletRequestBuilder flagP18(Cookie who, Post post, long assignment, String reason) {
        return post("/posts/" + post.getId() + "/assignments/" + assignment + "/flag-p18")
                .cookie(who)
                .with(csrf())
                .param("version", String.valueOf(reload(post).getVersion()))
                .param("reason", reason);
    }

    Post acceptedBy(String executor, String text) throws Exception {
        Post post = register(text);
        route(Sessions.login(mvc, "specialist"), post, post.getVersion(), families(), executor);
        mvc.perform(post("/posts/" + post.getId() + "/assignments/" + assignmentOf(post, executor) + "/accept")
                        .cookie(Sessions.login(mvc, executor))
                        .with(csrf())
                        .param("version", String.valueOf(reload(post).getVersion())))
                .andExpect(redirectedUrl("/posts/" + post.getId()));
        return reload(post);
    }

    @Test
    void anExecutorFlagsAPostUnderClause18AfterRoutingAndTheSpecialistConfirmsTheRefusal() throws Exception {
        Post post = acceptedBy("executor", "Вопрос о пособии " + unique());
        long assignment = assignmentOf(post, "executor");
        Cookie executor = Sessions.login(mvc, "executor");
        Cookie specialist = Sessions.login(mvc, "specialist");
        mvc.perform(get("/posts/" + post.getId()).cookie(executor))
                .andExpect(content().string(containsString("/flag-p18\"")));
        mvc.perform(get("/posts/" + post.getId()).cookie(specialist))
                .andExpect(content().string(not(containsString("/p18-flag/confirm\""))));

        mvc.perform(flagP18(executor, post, assignment, " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Укажите причину")));
        mvc.perform(flagP18(specialist, post, assignment, "Не моё")).andExpect(status().isConflict());
        assertThat(timeline(post)).last().isEqualTo("ACCEPTED:ASSIGNED>IN_WORK");

        mvc.perform(flagP18(executor, post, assignment, "Во втором сообщении автор пишет, что изобьёт соседа"))
                .andExpect(redirectedUrl("/posts/" + post.getId()));
        assertThat(reload(post).getState()).isEqualTo(PostState.IN_WORK);
        assertThat(reload(post).getP18Flag()).isEqualTo("Во втором сообщении автор пишет, что изобьёт соседа");
        assertThat(timeline(post)).last().isEqualTo("P18_FLAGGED:IN_WORK>IN_WORK");
        mvc.perform(get("/posts/" + post.getId()).cookie(executor))
                .andExpect(content().string(not(containsString("/flag-p18\""))));
        // only org staff decide
        mvc.perform(post("/posts/" + post.getId() + "/p18-flag/confirm")
                        .cookie(executor)
                        .with(csrf())
                        .param("version", String.valueOf(reload(post).getVersion())))
                .andExpect(status().isConflict());
        assertThat(reload(post).getState()).isEqualTo(PostState.IN_WORK);

        mvc.perform(get("/posts/" + post.getId()).cookie(specialist))
                .andExpect(content().string(containsString("/p18-flag/confirm\"")))
                .andExpect(content().string(containsString("Во втором сообщении автор пишет, что изобьёт соседа")))
                .andExpect(content()
                        .string(containsString("Исполнитель сообщил: сообщение не подлежит обработке (п.18)")));
        mvc.perform(post("/posts/" + post.getId() + "/p18-flag/confirm")
                        .cookie(specialist)
                        .with(csrf())
                        .param("version", String.valueOf(reload(post).getVersion())))
                .andExpect(redirectedUrl("/posts/" + post.getId()));
        Post refused = reload(post);
        assertThat(refused.getState()).isEqualTo(PostState.NOT_PROCESSED);
        assertThat(refused.getClosingReason()).isEqualTo("Во втором сообщении автор пишет, что изобьёт соседа");
        assertThat(refused.getP18Flag()).isNull();
        assertThat(timeline(post)).last().isEqualTo("REFUSED:IN_WORK>NOT_PROCESSED");
        assertThat(jdbc.sql("select count(*) from deadline_clock where post_id = ? and state = 'RUNNING'")
                        .param(post.getId())
                        .query(Long.class)
                        .single())
                .as("no clock runs for a refused post")
                .isZero();
    }

    @Test
    void theSpecialistDismissesAnExecutorsClause18FlagAndTheWorkGoesOn() throws Exception {
        Post post = acceptedBy("executor", "Вопрос о выплате " + unique());
        long assignment = assignmentOf(post, "executor");
        Cookie executor = Sessions.login(mvc, "executor");
        Cookie specialist = Sessions.login(mvc, "specialist");
        mvc.perform(flagP18(executor, post, assignment, "Оскорбления в комментарии"))
                .andExpect(redirectedUrl("/posts/" + post.getId()));
        mvc.perform(post("/posts/" + post.getId() + "/p18-flag/dismiss")
                        .cookie(specialist)
                        .with(csrf())
                        .param("version", String.valueOf(reload(post).getVersion()))
                        .param("reason", ""))
                .andExpect(status().isBadRequest());
        assertThat(reload(post).getP18Flag()).isNotNull();
        mvc.perform(post("/posts/" + post.getId() + "/p18-flag/dismiss")
                        .cookie(specialist)
                        .with(csrf())
                        .param("version", String.valueOf(reload(post).getVersion()))
                        .param("reason", "Резкость без оскорблений: ответить по существу"))
                .andExpect(redirectedUrl("/posts/" + post.getId()));
        Post after = reload(post);
        assertThat(after.getState()).isEqualTo(PostState.IN_WORK);
        assertThat(after.getP18Flag()).isNull();
        assertThat(timeline(post)).last().isEqualTo("P18_FLAG_DISMISSED:IN_WORK>IN_WORK");
        mvc.perform(get("/posts/" + post.getId()).cookie(executor))
                .andExpect(content().string(containsString("Резкость без оскорблений: ответить по существу")))
                .andExpect(content().string(containsString("/flag-p18\"")));
        // nothing waits for a decision any more
        mvc.perform(post("/posts/" + post.getId() + "/p18-flag/confirm")
                        .cookie(specialist)
                        .with(csrf())
                        .param("version", String.valueOf(after.getVersion())))
                .andExpect(status().isConflict());
        assertThat(reload(post).getState()).isEqualTo(PostState.IN_WORK);
    }

    // ------------------------------------------------------------------ reassign

    @Test
    void aRefusedTransitionShowsItsOwnRussianTextOnThePage() throws Exception {
        Department families = families();
        Post post = register("Отказ с причиной " + unique());
        route(Sessions.login(mvc, "specialist"), post, post.getVersion(), families, "executor");
        long assignment = assignmentOf(post, "executor");

        // the post's state machine refuses a reassignment to the executor who already holds it
        mvc.perform(post("/posts/" + post.getId() + "/assignments/" + assignment + "/reassign")
                        .cookie(Sessions.login(mvc, "orghead"))
                        .with(csrf())
                        .param("version", String.valueOf(reload(post).getVersion()))
                        .param("executorId", String.valueOf(id("executor")))
                        .param("comment", "Тому же"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Выберите другого исполнителя.")))
                .andExpect(content().string(not(containsString("posts.refusal"))));
    }

    @Test
    void theOrgHeadAndTheCuratingDeputyReassignButAnotherDeputyCannot() throws Exception {
        Department families = families();
        long executor3 = ensureSecondFamiliesExecutor(families);
        Post post = register("Переназначение " + unique());
        route(Sessions.login(mvc, "specialist"), post, post.getVersion(), families, "executor");
        long assignment = assignmentOf(post, "executor");

        Cookie deputy2 = Sessions.login(mvc, "deputy2");
        mvc.perform(get("/posts/" + post.getId()).cookie(deputy2))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Переназначить</button>"))));
        mvc.perform(post("/posts/" + post.getId() + "/assignments/" + assignment + "/reassign")
                        .cookie(deputy2)
                        .with(csrf())
                        .param("version", String.valueOf(reload(post).getVersion()))
                        .param("executorId", String.valueOf(executor3))
                        .param("comment", "Я не куратор"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("действие сейчас недоступно")));
        assertThat(jdbc.sql("select executor_id from assignment where id = ?")
                        .param(assignment)
                        .query(Long.class)
                        .single())
                .isEqualTo(id("executor"));

        Cookie deputy = Sessions.login(mvc, "deputy");
        mvc.perform(get("/posts/" + post.getId()).cookie(deputy))
                .andExpect(content().string(containsString("Переназначить</button>")));
        mvc.perform(post("/posts/" + post.getId() + "/assignments/" + assignment + "/reassign")
                        .cookie(deputy)
                        .with(csrf())
                        .param("version", String.valueOf(reload(post).getVersion()))
                        .param("executorId", String.valueOf(executor3))
                        .param("comment", "Кузнецов на выезде"))
                .andExpect(redirectedUrl("/posts/" + post.getId()));
        assertThat(jdbc.sql("select executor_id from assignment where id = ?")
                        .param(assignment)
                        .query(Long.class)
                        .single())
                .isEqualTo(executor3);

        Cookie orghead = Sessions.login(mvc, "orghead");
        mvc.perform(post("/posts/" + post.getId() + "/assignments/" + assignment + "/reassign")
                        .cookie(orghead)
                        .with(csrf())
                        .param("version", String.valueOf(reload(post).getVersion()))
                        .param("executorId", String.valueOf(id("executor")))
                        .param("comment", "Кузнецов вернулся"))
                .andExpect(redirectedUrl("/posts/" + post.getId()));
        assertThat(jdbc.sql("select executor_id from assignment where id = ?")
                        .param(assignment)
                        .query(Long.class)
                        .single())
                .isEqualTo(id("executor"));
        assertThat(timeline(post)).endsWith("REASSIGNED:ASSIGNED>ASSIGNED", "REASSIGNED:ASSIGNED>ASSIGNED");

        mvc.perform(post("/posts/" + post.getId() + "/assignments/" + assignment + "/reassign")
                        .cookie(orghead)
                        .with(csrf())
                        .param("version", String.valueOf(reload(post).getVersion()))
                        .param("executorId", String.valueOf(id("executor2")))
                        .param("comment", "Чужой отдел"))
                .andExpect(status().isBadRequest());
    }

    /** A second executor in the families department, so that there is someone to reassign to. */
    long ensureSecondFamiliesExecutor(Department families) {
        Long existing = jdbc.sql("select u.id from app_user u where u.login = 'posts-executor3'")
                .query(Long.class)
                .optional()
                .orElse(null);
        if (existing == null) {
            existing = jdbc.sql("insert into app_user (login, full_name, password_hash) values "
                            + "('posts-executor3', 'Сидорова Анна Ивановна', 'x') returning id")
                    .query(Long.class)
                    .single();
            jdbc.sql("insert into user_role (user_id, role) values (?, 'EXECUTOR')")
                    .param(existing)
                    .update();
            jdbc.sql("insert into department_executor (department_id, user_id) values (?, ?)")
                    .params(families.getId(), existing)
                    .update();
        }
        return existing;
    }

    // ------------------------------------------------------------------ access and conflicts

    @Test
    void anAddressThatCannotNameAPostIsNotFoundAndAFormWithoutItsVersionShowsThePostAgain() throws Exception {
        Cookie specialist = Sessions.login(mvc, "specialist");
        mvc.perform(get("/posts/abc").cookie(specialist)).andExpect(status().isNotFound());
        Post post = register("Без версии " + unique());
        mvc.perform(post("/posts/" + post.getId() + "/refuse")
                        .cookie(specialist)
                        .with(csrf())
                        .param("reason", "Спам"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Страница устарела")));
        assertThat(reload(post).getVersion()).isEqualTo(post.getVersion());
    }

    @Test
    void anExecutorOpeningAnotherExecutorsPostGetsNotFound() throws Exception {
        Post post = register("Для второго отдела " + unique());
        route(Sessions.login(mvc, "specialist"), post, post.getVersion(), employment(), "executor2");
        mvc.perform(get("/posts/" + post.getId()).cookie(Sessions.login(mvc, "executor")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/posts/" + post.getId() + "/assignments/" + assignmentOf(post, "executor2") + "/accept")
                        .cookie(Sessions.login(mvc, "executor"))
                        .with(csrf())
                        .param("version", String.valueOf(reload(post).getVersion())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/posts/" + post.getId()).cookie(Sessions.login(mvc, "executor2")))
                .andExpect(status().isOk());
        mvc.perform(get("/posts/" + post.getId()).cookie(Sessions.login(mvc, "head2")))
                .andExpect(status().isOk());
        mvc.perform(get("/posts/" + post.getId()).cookie(Sessions.login(mvc, "head")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/posts/" + post.getId()).cookie(Sessions.login(mvc, "minister")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("нет действий")));
        mvc.perform(get("/posts/" + post.getId()).cookie(Sessions.login(mvc, "admin")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/posts/999999999").cookie(Sessions.login(mvc, "specialist")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aSecondSpecialistRoutingTheSameVersionGetsTheConflictMessageAndNothingChanges() throws Exception {
        Post post = register("Два специалиста " + unique());
        long version = post.getVersion();
        MvcResult first = route(Sessions.login(mvc, "specialist"), post, version, families(), "executor");
        assertThat(first.getResponse().getStatus()).isEqualTo(302);

        MvcResult second = route(Sessions.login(mvc, "orghead"), post, version, employment(), "executor2");
        assertThat(second.getResponse().getStatus()).isEqualTo(409);
        assertThat(second.getResponse().getContentAsString()).contains("уже изменил другой пользователь");
        assertThat(jdbc.sql("select department_id || ':' || executor_id from assignment where post_id = ?")
                        .param(post.getId())
                        .query(String.class)
                        .list())
                .containsExactly(families().getId() + ":" + id("executor"));
        assertThat(timeline(post)).containsExactly("REGISTERED:->NEW", "ROUTED:NEW>ASSIGNED");
    }

    // ------------------------------------------------------------------ inbox

    @Test
    void theInboxFiltersAndSearchesInRussianFullText() throws Exception {
        Post target = register("Прошу разъяснить порядок компенсации за проезд инвалидам " + unique());
        Post other = register("Вопрос о субсидии на оплату жилья " + unique());
        Cookie specialist = Sessions.login(mvc, "specialist");
        route(specialist, other, other.getVersion(), employment(), "executor2");

        mvc.perform(get("/inbox").cookie(specialist).param("q", "компенсация проезда"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(target.getExternalId())))
                .andExpect(content().string(not(containsString(other.getExternalId()))));
        mvc.perform(get("/inbox")
                        .cookie(specialist)
                        .param("department", String.valueOf(employment().getId()))
                        .param("executor", String.valueOf(id("executor2")))
                        .param("state", "ASSIGNED")
                        .param("source", "VK")
                        .param("importance", "NORMAL"))
                .andExpect(content().string(containsString(other.getExternalId())))
                .andExpect(content().string(not(containsString(target.getExternalId()))));
        mvc.perform(get("/inbox").cookie(specialist).param("importance", "HIGH"))
                .andExpect(content().string(not(containsString(target.getExternalId()))));
        mvc.perform(get("/inbox").cookie(specialist).param("source", "OK"))
                .andExpect(content().string(not(containsString(target.getExternalId()))));
        mvc.perform(get("/inbox")
                        .cookie(specialist)
                        .param("sort", "-received")
                        .param("page", "abc")
                        .param("state", "NOSUCH"))
                .andExpect(status().isOk());
    }

    @Test
    void theInboxShowsPostsNeedingTheSpecialistFirst() throws Exception {
        InboxQuery.Page page = inboxAsSpecialist();
        // waiting for the specialist: a state of theirs, or a joint part or a п.18 flag waiting (issue 17)
        List<Boolean> waiting =
                page.rows().stream().map(InboxQuery.Row::needsOrgAction).toList();
        int lastNeeding = -1;
        int firstOther = Integer.MAX_VALUE;
        for (int i = 0; i < waiting.size(); i++) {
            if (waiting.get(i)) {
                lastNeeding = i;
            } else {
                firstOther = Math.min(firstOther, i);
            }
        }
        assertThat(lastNeeding).isLessThan(firstOther);
    }

    @Autowired
    InboxQuery inbox;

    InboxQuery.Page inboxAsSpecialist() {
        return inbox.find(new InboxQuery.Filter(null, null, null, null, null, null, null, "-received", 0));
    }

    @Test
    void theRegistrationFormShowsTheMinistryTime() throws Exception {
        mvc.perform(get("/posts/new").cookie(Sessions.login(mvc, "specialist")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + LOCAL_NOW + "\"")));
        assertThat(LocalDateTime.ofInstant(TestConfig.START, MinistryTime.ZONE).toString())
                .isEqualTo(LOCAL_NOW);
    }
    // ------------------------------------------------------------------ HIGH (п.9 ¶3–4)

    long highNotices(Post post) {
        return jdbc.sql("select count(*) from notification where recipient_id = ? and kind = 'HIGH_POST'"
                        + " and post_id = ?")
                .params(id("deputy"), post.getId())
                .query(Long.class)
                .single();
    }

    String answerRule(Post post) {
        return jdbc.sql("select rule_code from deadline_clock where post_id = ? and rule_code in ('ANSWER',"
                        + " 'ANSWER_HIGH') and stopped_at is null")
                .param(post.getId())
                .query(String.class)
                .single();
    }

    @Test
    void theCoordinatorIsToldOnceEachTimeTheSpecialistMakesAPostHigh() throws Exception {
        Cookie specialist = Sessions.login(mvc, "specialist");
        // typed by hand as HIGH: told at registration
        String externalId = "IT-" + unique();
        mvc.perform(registration(
                        specialist, externalId, "Срочно: нет отопления в доме", "https://vk.com/id" + unique(), "HIGH"))
                .andExpect(status().is3xxRedirection());
        Post typedHigh = posts.findByExternalId(externalId).orElseThrow();
        assertThat(highNotices(typedHigh)).isEqualTo(1);

        // made HIGH while routing
        Post post = register("Когда придёт компенсация за отопление?");
        assertThat(highNotices(post)).isZero();
        mvc.perform(post("/posts/" + post.getId() + "/route")
                        .cookie(specialist)
                        .with(csrf())
                        .param("version", String.valueOf(post.getVersion()))
                        .param("assignTo", families().getId() + ":" + id("executor"))
                        .param("high", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(highNotices(post)).isEqualTo(1);
        assertThat(answerRule(post)).isEqualTo("ANSWER_HIGH");

        // later, on the post's page: cleared, set again (told again), saved unchanged (not told again)
        post = reload(post);
        mvc.perform(get("/posts/" + post.getId()).cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/posts/" + post.getId() + "/importance")));
        mvc.perform(post("/posts/" + post.getId() + "/importance")
                        .cookie(specialist)
                        .with(csrf())
                        .param("version", String.valueOf(post.getVersion())))
                .andExpect(status().is3xxRedirection());
        post = reload(post);
        assertThat(post.getImportance()).isEqualTo(Importance.NORMAL);
        assertThat(answerRule(post)).isEqualTo("ANSWER");
        assertThat(highNotices(post)).isEqualTo(1);
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/posts/" + post.getId() + "/importance")
                            .cookie(specialist)
                            .with(csrf())
                            .param("version", String.valueOf(reload(post).getVersion()))
                            .param("high", "true"))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(reload(post).getImportance()).isEqualTo(Importance.HIGH);
        assertThat(answerRule(post)).isEqualTo("ANSWER_HIGH");
        assertThat(highNotices(post)).isEqualTo(2);
        assertThat(timeline(post))
                .filteredOn(line -> line.startsWith("IMPORTANCE_CHANGED"))
                .hasSize(3);

        // an executor may not change it
        mvc.perform(post("/posts/" + post.getId() + "/importance")
                        .cookie(Sessions.login(mvc, "executor"))
                        .with(csrf())
                        .param("version", String.valueOf(reload(post).getVersion())))
                .andReturn();
        assertThat(reload(post).getImportance()).isEqualTo(Importance.HIGH);
    }
}
