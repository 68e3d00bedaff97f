package ru.otklik.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.otklik.people.internal.Departments;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;
import ru.otklik.posts.Importance;
import ru.otklik.posts.NewPost;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.Routing;
import ru.otklik.posts.Source;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.Browser;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.MutableClock;

/**
 * Issue 17's journey of a live page: the executor looks at «Мои поручения» while the specialist routes a new post to
 * him; without a reload, the menu's count grows by one and a toast says what came, with a link to the post.
 */
@IntegrationTest
class LiveJourneyIT {

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
    void theExecutorsOpenPageShowsANewAssignmentWithoutAReload() throws Exception {
        browser.open(port).login("executor");
        browser.go("/assignments");
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(10));
        wait.until(d -> "open".equals(script("return document.body.dataset.live")));
        script("window.samePage = 'not reloaded'");
        long before = assignmentsCount();

        String externalId = "LIVE-" + System.nanoTime();
        Post routed = routedToExecutor(externalId);
        long postId = routed.getId();
        // pages name a post by the Ministry's registration number
        String number = routed.getRegistrationNumber();

        WebElement toast = wait.until(d -> d.findElements(By.cssSelector("#live-toasts .live-toast.show")).stream()
                .filter(t -> t.getText().contains(number))
                .findFirst()
                .orElse(null));
        assertThat(toast.getAttribute("role")).isEqualTo("status");
        assertThat(toast.findElement(By.linkText("Открыть")).getAttribute("href"))
                .endsWith("/posts/" + postId);
        wait.until(d -> assignmentsCount() == before + 1);
        assertThat(script("return window.samePage"))
                .as("the page was not reloaded")
                .isEqualTo("not reloaded");
        browser.screenshot("live-toast");

        toast.findElement(By.linkText("Открыть")).click();
        browser.waitForText(By.tagName("h1"), number);
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser.driver()).executeScript(code);
    }

    /** The number beside «Мои поручения» in the menu (0 when none is shown). */
    private long assignmentsCount() {
        String text = String.valueOf(
                script("return document.querySelector('#menu-count-assignments .menu-count')?.textContent || '0'"));
        return Long.parseLong(text.strip());
    }

    private Post routedToExecutor(String externalId) {
        User specialist = users.findByLogin("specialist").orElseThrow();
        User executor = users.findByLogin("executor").orElseThrow();
        Post post = posts.register(
                new NewPost(
                        externalId,
                        Source.VK,
                        "https://vk.com/wall-100_" + System.nanoTime(),
                        "Пётр Иванов",
                        null,
                        "Когда придёт выплата на ребёнка?",
                        clock.instant(),
                        clock.instant(),
                        Importance.NORMAL,
                        null),
                Set.of(),
                specialist.getId());
        long families = departments.findAllByName().stream()
                .filter(d -> d.hasExecutor(executor.getId()))
                .findFirst()
                .orElseThrow()
                .getId();
        return posts.route(
                post.getId(),
                post.getVersion(),
                List.of(new Routing(families, executor.getId())),
                Importance.NORMAL,
                posts.actor(specialist.getId(), specialist.getRoles()));
    }
}
