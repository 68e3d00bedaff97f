package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.internal.Department;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.MadeUpWords;
import ru.otklik.support.Sessions;
import ru.otklik.support.ThirdDepartment;

/**
 * The library of posted answers (issue 21 point 3): search in Russian word forms over past answers and their posts,
 * filtered by department, topic and date; the earlier answers most like a post offered beside its draft, one click to
 * start from one; an answer older than the latest change in legislation of its department marked «проверьте
 * актуальность».
 */
@IntegrationTest
class AnswerLibraryIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    AutowireCapableBeanFactory beans;

    @Autowired
    PeopleManagement people;

    AnswerFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = beans.createBean(AnswerFixtures.class);
    }

    @Test
    void wordsInAnyFormFindTheAnswerAndTheFiltersNarrowIt() throws Exception {
        String mark = number();
        Answered families = answered(
                fx.families(),
                "executor",
                "head",
                "Когда придёт выплата на первенца? " + mark,
                "Единовременное пособие при рождении ребёнка перечислено 3 декабря, номер обращения " + mark + ".");
        Answered employment = answered(
                fx.employment(),
                "executor2",
                "head2",
                "Где встать на учёт как безработный? " + mark,
                "Встать на учёт можно в центре занятости, номер обращения " + mark + ".");
        Cookie executor = Sessions.login(mvc, "executor");

        String byWordForm = library(executor, "q=пособия " + mark);
        assertThat(byWordForm)
                .as("«пособия» finds the answer that says «пособие»")
                .contains(families.label())
                .doesNotContain(employment.label());
        assertThat(library(executor, "q=" + mark))
                .as("words of the post are searched too")
                .contains(families.label())
                .contains(employment.label());
        assertThat(library(
                        executor, "q=" + mark + "&department=" + fx.employment().getId()))
                .contains(employment.label())
                .doesNotContain(families.label());
        assertThat(library(executor, "q=" + mark + "&topic=" + families.topic()))
                .contains(families.label())
                .doesNotContain(employment.label());
        LocalDate postedOn = LocalDate.ofInstant(fx.clock.instant(), MinistryTime.ZONE);
        assertThat(library(executor, "q=" + mark + "&from=" + postedOn.plusDays(1)))
                .doesNotContain(families.label())
                .contains("Ничего не найдено");
        assertThat(library(executor, "q=" + mark + "&from=" + postedOn + "&to=" + postedOn))
                .contains(families.label())
                .contains(employment.label());
        assertThat(byWordForm)
                .as("the executor may open the post of his department, not the other one's: a link only where it opens")
                .contains("href=\"/posts/" + families.post().getId() + "\"")
                .doesNotContain("href=\"/posts/" + employment.post().getId() + "\"");
    }

    @Test
    void aDateThatIsNotADateIsAFormErrorNotAFailure() throws Exception {
        String page = mvc.perform(get("/answers?from=32.13.2026&to=вчера").cookie(Sessions.login(mvc, "specialist")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Поле «Размещён с»: дата не понята").contains("Поле «по»: дата не понята");
    }

    @Test
    void anAnswerGivenBeforeTheLatestChangeInLegislationOfItsDepartmentIsMarked() throws Exception {
        Department pensions = ThirdDepartment.ensure(people, fx.users, fx.departments);
        String mark = number();
        Answered old = answered(
                pensions,
                ThirdDepartment.EXECUTOR,
                "head-pensions",
                "Как пересчитают пенсию? " + mark,
                "Пенсию пересчитают с 1 января, номер " + mark + ".");
        Answered current = answered(
                fx.families(),
                "executor",
                "head",
                "Когда пособие? " + mark,
                "Пособие придёт до 25 числа, номер " + mark + ".");
        LocalDate actDate =
                LocalDate.ofInstant(fx.clock.instant(), MinistryTime.ZONE).plusDays(1);
        long change = fx.jdbc
                .sql("""
                        insert into legislation_notice (author_id, title, act_date, body, created_at)
                        values (?, 'Изменения в порядке пересчёта пенсий', ?, 'Новый порядок', now()) returning id""")
                .param(fx.id("orghead"))
                .param(actDate)
                .query(Long.class)
                .single();
        fx.jdbc
                .sql("insert into legislation_notice_department (notice_id, department_id) values (?, ?)")
                .param(change)
                .param(pensions.getId())
                .update();

        String page = library(Sessions.login(mvc, "head"), "q=" + mark);
        String staleMark = "Проверьте актуальность: законодательство изменилось " + actDate.format(MinistryTime.DATE);
        assertThat(cardOf(page, old.label())).contains(staleMark);
        assertThat(cardOf(page, current.label())).doesNotContain("Проверьте актуальность");
    }

    @Test
    void theDraftEditorOffersTheMostSimilarEarlierAnswerAndStartsFromItInOneClick() throws Exception {
        String rare1 = MadeUpWords.next();
        String rare2 = MadeUpWords.next();
        String rare3 = MadeUpWords.next();
        Answered earlier = answered(
                fx.families(),
                "executor",
                "head",
                "Когда придёт " + rare1 + " пособие на " + rare2 + " ребёнка " + rare3 + "?",
                "Пособие на ребёнка (" + rare1 + ") перечислено 3 декабря.");
        Post now = fx.inWork(
                "Подскажите, O'Brien \\ когда " + rare2 + " пособие " + rare1 + " и " + rare3 + " придёт?",
                java.util.Set.of());
        Cookie executor = Sessions.login(mvc, "executor");

        String similar = mvc.perform(get("/answers/similar")
                        .param("post", String.valueOf(now.getId()))
                        .cookie(executor))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String startLink = "/posts/" + now.getId() + "?from=" + earlier.draftId() + "#draft-text";
        assertThat(similar)
                .as("the earlier answer first, with the link that starts the draft from it")
                .contains(earlier.label())
                .contains(rare1)
                .contains(startLink);
        String first = similar.substring(similar.indexOf("similar-answer\""));
        int second = first.indexOf("similar-answer\"", 1);
        assertThat(second < 0 ? first : first.substring(0, second))
                .as("the most similar is offered first")
                .contains(earlier.label());

        String editor = mvc.perform(get("/posts/" + now.getId())
                        .param("from", String.valueOf(earlier.draftId()))
                        .cookie(executor))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(editor)
                .as("the editor holds the earlier answer's text, and says where it came from")
                .contains("Пособие на ребёнка (" + rare1 + ") перечислено 3 декабря.")
                .contains("Текст взят из ответа на " + earlier.label())
                .contains("hx-get=\"/answers/similar?post=" + now.getId() + "\"");

        // a post the person may not see: no suggestions, as no page
        mvc.perform(get("/answers/similar")
                        .param("post", String.valueOf(now.getId()))
                        .cookie(Sessions.login(mvc, "executor2")))
                .andExpect(status().isNotFound());
    }

    /** A post answered and posted, through every step of the regulation. */
    private Answered answered(Department department, String executor, String head, String text, String answer) {
        String topic = "Тема " + number();
        long postId = fx.tx.execute(s -> {
            Post post = fx.registered(text, java.util.Set.of());
            post = fx.management.route(
                    post.getId(),
                    fx.posts.findById(post.getId()).orElseThrow().getVersion(),
                    List.of(new Routing(department.getId(), fx.id(executor))),
                    Importance.NORMAL,
                    fx.actor("specialist"));
            post = fx.management.accept(
                    post.getId(), post.getAssignments().get(0).getId(), post.getVersion(), fx.actor(executor));
            post = fx.management.submitDraft(
                    post.getId(),
                    post.getVersion(),
                    false,
                    AnswerFixtures.DRAFT,
                    fx.id("minister"),
                    fx.actor(executor));
            post = fx.management.approveDraft(post.getId(), post.getVersion(), fx.actor(head));
            post = fx.management.approveDraft(post.getId(), post.getVersion(), fx.actor("minister"));
            post = fx.management.sendToCur(post.getId(), post.getVersion(), fx.actor("specialist"));
            post = fx.management.recordCurDecision(post.getId(), post.getVersion(), true, null, fx.actor("specialist"));
            post = fx.management.postAnswer(
                    post.getId(),
                    post.getVersion(),
                    "https://vk.com/wall-7_1?reply=" + number(),
                    answer,
                    fx.actor("specialist"));
            return post.getId();
        });
        // the topic ЦУР gives a post (the registration form has none)
        fx.jdbc
                .sql("update post set topic = ? where id = ?")
                .param(topic)
                .param(postId)
                .update();
        Post post = fx.reload(postId);
        long draftId = fx.jdbc
                .sql("select id from draft where post_id = ? and posted_at is not null")
                .param(postId)
                .query(Long.class)
                .single();
        return new Answered(post, draftId, topic);
    }

    private record Answered(Post post, long draftId, String topic) {
        String label() {
            return post.getRegistrationNumber();
        }
    }

    private String library(Cookie session, String query) throws Exception {
        var request = get("/answers").cookie(session);
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            request = request.param(kv[0], kv[1]);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The library's card of the answer to the post with this label. */
    private static String cardOf(String page, String label) {
        int at = page.indexOf(">" + label + "<");
        assertThat(at).as(label).isPositive();
        int from = page.lastIndexOf("<article", at);
        return page.substring(from, page.indexOf("</article>", at));
    }

    private static String number() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
    }
}
