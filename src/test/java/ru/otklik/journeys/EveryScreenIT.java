package ru.otklik.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.otklik.posts.internal.Posts;
import ru.otklik.support.Browser;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.MutableClock;
import ru.otklik.support.TestConfig;

/**
 * Every role's main pages on an office screen (1366 px) and on a phone (390 px): nothing scrolls sideways and
 * axe-core finds no WCAG 2.1 AA violation. With {@code -Dotklik.help.screenshots=true} the help page's pictures
 * (the desktop screenshots listed in {@link #HELP}) are written to {@code src/main/resources/static/help/}.
 */
@IntegrationTest
class EveryScreenIT {

    static final Path HELP_PICTURES = Path.of("src", "main", "resources", "static", "help");

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    Posts posts;

    @Autowired
    MutableClock clock;

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @AfterEach
    void resetTheClock() {
        clock.set(TestConfig.START);
    }

    @Test
    void theOrgSpecialistsPages() throws IOException {
        check(
                "specialist",
                List.of(
                        "/inbox",
                        "/import",
                        "/posts/new",
                        post("IM-DEMO-0001"),
                        post("IM-DEMO-0008"),
                        "/reports/monthly",
                        "/reports/monthly/posts?measure=RECEIVED",
                        "/legislation",
                        "/notifications",
                        "/notifications/settings",
                        "/help",
                        "/calendar",
                        "/no-such-page"));
    }

    @Test
    void theOrgHeadsPages() throws IOException {
        check("orghead", List.of("/org-authority", "/inbox"));
    }

    @Test
    void theExecutorsPages() throws IOException {
        check(
                "executor",
                List.of(
                        "/assignments",
                        post("IM-DEMO-0005"),
                        post("IM-DEMO-0006"),
                        "/legislation",
                        "/answers",
                        "/help"));
    }

    @Test
    void theDepartmentHeadsPages() throws IOException {
        check(
                "head",
                List.of(
                        "/approvals",
                        "/department-posts",
                        post("IM-DEMO-0007"),
                        "/posts/templates",
                        "/staff",
                        "/absences",
                        "/reports/monthly",
                        "/legislation",
                        "/help"));
    }

    @Test
    void theDeputysAndTheMinistersPages() throws IOException {
        check("deputy", List.of("/today", "/approvals", "/escalations", post("IM-DEMO-0007"), "/help"));
        check("deputy2", List.of("/today", "/escalations", "/department-posts"));
        check("minister", List.of("/today", "/approvals", "/escalations", "/reports/monthly", "/department-posts"));
    }

    @Test
    void theAdministratorsPages() throws IOException {
        check(
                "admin",
                List.of(
                        "/admin/users",
                        "/admin/users/new",
                        "/admin/departments",
                        "/admin/deadline-rules",
                        "/admin/tokens",
                        "/admin/calendar/hours",
                        "/admin/backups",
                        "/admin/audit",
                        "/account/password",
                        "/calendar",
                        "/help"));
    }

    @Test
    void onAPhoneTheOpenMenuReachesTheUsersButtonAndLogOut() {
        browser.open(port);
        browser.width(Browser.DESKTOP);
        browser.login("deputy");
        browser.width(Browser.PHONE);
        try {
            browser.go("/escalations");
            browser.click(By.cssSelector("button.navbar-toggler"));
            browser.click(By.cssSelector(".otklik-user-area button.dropdown-toggle"));
            WebElement logout = browser.waitFor(By.cssSelector(".user-menu form[action='/logout'] button"));
            Object right = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript(
                            "const r = arguments[0].getBoundingClientRect(); return r.right <= window.innerWidth && r.left >= 0;",
                            logout);
            assertThat(right).as("«Выйти» lies inside the phone's screen").isEqualTo(Boolean.TRUE);
            assertThat(browser.horizontalOverflow()).isZero();
        } finally {
            browser.width(Browser.DESKTOP);
        }
    }

    @Test
    void aFlashMessageFadesAwayButItsPageStays() {
        browser.open(port);
        browser.width(Browser.DESKTOP);
        browser.login("admin");
        browser.go("/admin/deadline-rules/LEGISLATION_NOTICE");
        browser.click(By.cssSelector("form[action='/admin/deadline-rules/LEGISLATION_NOTICE'] button[type=submit]"));
        assertThat(browser.waitFor(By.cssSelector(".alert.flash")).getText()).contains("Правило сохранено");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(12))
                .until(d -> d.findElements(By.cssSelector(".alert.flash")).isEmpty());
        assertThat(browser.pageText()).contains("Правила сроков");
    }

    @Test
    void theLoginPage() throws IOException {
        browser.open(port);
        browser.driver().manage().deleteAllCookies();
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {Browser.DESKTOP, Browser.PHONE}) {
            browser.width(width);
            browser.go("/login");
            inspect("anonymous", "/login", width, problems);
        }
        assertThat(problems).isEmpty();
    }

    private String post(String externalId) {
        return "/posts/" + posts.findByExternalId(externalId).orElseThrow().getId();
    }

    private void check(String login, List<String> paths) throws IOException {
        browser.open(port);
        browser.width(Browser.DESKTOP);
        browser.login(login);
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {Browser.DESKTOP, Browser.PHONE}) {
            browser.width(width);
            for (String path : paths) {
                browser.go(path);
                browser.waitFor(By.id("main"));
                inspect(login, path, width, problems);
            }
        }
        browser.width(Browser.DESKTOP);
        assertThat(problems).as("problems on %s's pages", login).isEmpty();
    }

    private void inspect(String login, String path, int width, List<String> problems) throws IOException {
        long overflow = browser.horizontalOverflow();
        if (overflow > 0) {
            problems.add(
                    width + " px " + path + ": scrolls sideways by " + overflow + " px: " + browser.widestElements());
        }
        for (String violation : browser.axeViolations()) {
            problems.add(width + " px " + path + ": " + violation);
        }
        String name = login + "-"
                + (path.equals("/") ? "home" : path.substring(1).replaceAll("[^a-zA-Z0-9]+", "-")) + "-" + width;
        browser.screenshot("every-screen-" + name);
        if (Boolean.getBoolean("otklik.help.screenshots")
                && width == Browser.DESKTOP
                && HELP.containsKey(login + " " + path)) {
            Files.createDirectories(HELP_PICTURES);
            Files.write(
                    HELP_PICTURES.resolve(HELP.get(login + " " + path) + "-" + width + ".png"),
                    ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        }
    }

    /** The pictures the help page shows: who, which page, and the picture's name. */
    static final Map<String, String> HELP = Map.of(
            "specialist /inbox", "inbox",
            "executor /assignments", "assignments",
            "head /approvals", "approvals",
            "deputy /escalations", "escalations");
}
