package ru.otklik.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.otklik.people.internal.Department;
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;
import ru.otklik.posts.Actor;
import ru.otklik.posts.Importance;
import ru.otklik.posts.NewPost;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.Routing;
import ru.otklik.posts.Source;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.Browser;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.MadeUpWords;
import ru.otklik.support.MutableClock;

/**
 * An executor drafting an answer starts from the earlier answer the editor suggests, in headless Chromium, and finds
 * it again in the library of answers (issue 21 point 3).
 */
@IntegrationTest
class AnswerLibraryJourneyIT {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    PostManagement posts;

    @Autowired
    Users users;

    @Autowired
    Departments departments;

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void theExecutorStartsADraftFromASuggestedEarlierAnswerAndFindsItInTheLibrary() throws Exception {
        String rare = MadeUpWords.next();
        String earlierAnswer = "Здравствуйте! Компенсация за " + rare + " перечислена 2 декабря.";
        Post earlier = routed("Когда перечислят компенсацию за " + rare + "?");
        answer(earlier, earlierAnswer);
        Post now = routed("Перечислили ли компенсацию за " + rare + " моей соседке?");
        posts.accept(now.getId(), now.getAssignments().get(0).getId(), now.getVersion(), actor("executor"));

        browser.open(port).login("executor");
        browser.go("/posts/" + now.getId());
        WebElement suggestion = browser.waitFor(By.cssSelector(".similar-answers .similar-answer"));
        assertThat(suggestion.getText())
                .contains(earlier.getRegistrationNumber())
                .contains(rare);
        browser.screenshot("journey-answer-suggested");
        browser.click(suggestion.findElement(By.linkText("Взять за основу")));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d ->
                        earlierAnswer.equals(d.findElement(By.id("draft-text")).getDomProperty("value")));
        assertThat(browser.pageText()).contains("Текст взят из ответа на " + earlier.getRegistrationNumber());
        browser.screenshot("journey-answer-started-from-earlier");

        browser.go("/answers");
        browser.type(By.id("q"), "компенсации " + rare);
        browser.click(By.cssSelector("form.answer-filters button[type=submit]"));
        browser.waitForText(By.tagName("main"), earlier.getRegistrationNumber());
        assertThat(browser.pageText()).contains(earlierAnswer);
        browser.screenshot("journey-answer-library");
        assertThat(browser.axeViolations()).isEmpty();
    }

    private Post routed(String text) {
        User specialist = users.findByLogin("specialist").orElseThrow();
        long executor = users.findByLogin("executor").orElseThrow().getId();
        Department families = departments.findAll().stream()
                .filter(d -> d.hasExecutor(executor))
                .min(java.util.Comparator.comparingLong(Department::getId))
                .orElseThrow();
        Post post = posts.register(
                new NewPost(
                        "LIB-" + System.nanoTime(),
                        Source.VK,
                        "https://vk.com/wall-300_" + System.nanoTime(),
                        "Ольга Петрова",
                        null,
                        text,
                        clock.instant(),
                        clock.instant(),
                        Importance.NORMAL,
                        null),
                Set.of(),
                specialist.getId());
        return posts.route(
                post.getId(),
                post.getVersion(),
                List.of(new Routing(families.getId(), executor)),
                Importance.NORMAL,
                actor("specialist"));
    }

    /** The post answered through every step, the answer posted with this text. */
    private void answer(Post post, String text) {
        long id = post.getId();
        Post p = posts.accept(id, post.getAssignments().get(0).getId(), post.getVersion(), actor("executor"));
        long minister = users.findByLogin("minister").orElseThrow().getId();
        p = posts.submitDraft(id, p.getVersion(), false, text, minister, actor("executor"));
        p = posts.approveDraft(id, p.getVersion(), actor("head"));
        p = posts.approveDraft(id, p.getVersion(), actor("minister"));
        p = posts.sendToCur(id, p.getVersion(), actor("specialist"));
        p = posts.recordCurDecision(id, p.getVersion(), true, null, actor("specialist"));
        posts.postAnswer(
                id, p.getVersion(), "https://vk.com/wall-300_1?reply=" + System.nanoTime(), text, actor("specialist"));
    }

    private Actor actor(String login) {
        User user = users.findByLogin(login).orElseThrow();
        return posts.actor(user.getId(), user.getRoles());
    }
}
