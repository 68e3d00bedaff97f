package ru.otklik.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through {@code /usr/bin/chromedriver}; Selenium never downloads a browser.
 * Register with {@code @RegisterExtension} on a static field and {@link #close()} it after all tests: a failing test leaves a screenshot and the page source under
 * {@code target/browser-failures/}. Without Chromium the tests are skipped with a message, except in CI
 * ({@code OTKLIK_REQUIRE_BROWSER=true}), where a missing browser fails them.
 */
public final class Browser implements TestWatcher {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Where the browser saves downloaded files. */
    public static final Path DOWNLOADS = Path.of("target", "browser-downloads");

    private WebDriver driver;
    private String base;

    /** Starts the browser against the application on {@code port}, or skips the test when there is none. */
    public Browser open(int port) {
        boolean present = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        if (!present && Boolean.parseBoolean(System.getenv("OTKLIK_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("CI requires Chromium and chromedriver: install the Debian packages "
                    + "chromium and chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(
                present,
                "Chromium is not installed (apt-get install chromium chromium-driver): "
                        + "real-browser journeys skipped on this machine");
        if (driver == null) {
            try {
                Files.createDirectories(DOWNLOADS);
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(List.of(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--window-size=1400,1000",
                    "--lang=ru-RU"));
            options.setExperimentalOption(
                    "prefs",
                    java.util.Map.of(
                            "download.default_directory",
                            DOWNLOADS.toAbsolutePath().toString(),
                            "download.prompt_for_download",
                            false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        }
        base = "http://localhost:" + port;
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(base + path);
    }

    public void login(String login) {
        driver.manage().deleteAllCookies();
        go("/login");
        driver.findElement(By.id("username")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]"))
                .click();
        waitFor(By.id("otklik-bell"));
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Scrolls the element into the middle of the window, then clicks it as a person would. */
    public void click(By by) {
        click(waitFor(by));
    }

    /** Scrolls the element into the middle of the window, then clicks it as a person would. */
    public void click(WebElement element) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(element))
                .click();
    }

    /** Fills a field as a person types: clears it, then types. */
    public void type(By by, String text) {
        WebElement field = waitFor(by);
        field.clear();
        field.sendKeys(text);
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves what the browser shows, for a person to look at. */
    public Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "browser-screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        try {
            Path dir = Path.of("target", "browser-failures");
            Files.createDirectories(dir);
            String name = context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName();
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException ex) {
            cause.addSuppressed(ex);
        }
    }

    /** The width of a phone (iPhone 12–15) and of a common office screen. */
    public static final int PHONE = 390;

    public static final int DESKTOP = 1366;

    /** Shows pages as a screen {@code width} CSS pixels wide: a phone (touch, viewport meta honoured) below 600. */
    public void width(int width) {
        ChromeDriver chrome = (ChromeDriver) driver;
        if (width < 600) {
            chrome.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    java.util.Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        } else {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
        }
    }

    /** How many CSS pixels the page is wider than the window (0 when nothing scrolls sideways). */
    public long horizontalOverflow() {
        Object over = ((JavascriptExecutor) driver)
                .executeScript("return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);");
        return ((Number) over).longValue();
    }

    /** The elements that stick out on the right, for a readable failure message. */
    public String widestElements() {
        Object found = ((JavascriptExecutor) driver).executeScript("""
                const w = window.innerWidth; const out = [];
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect();
                  if (r.right > w + 1 && out.length < 5) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                      + ' right=' + Math.round(r.right));
                }
                return out.join('; ');""");
        return String.valueOf(found);
    }

    private static String axeSource;

    /**
     * Runs axe-core (WCAG 2.0/2.1 A and AA, and 2.2's 24 px target size) on the page; returns one line per violation,
     * empty when there is none.
     */
    public List<String> axeViolations() {
        try {
            if (axeSource == null) {
                try (var in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                    axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                   rules: {'target-size': {enabled: true}}})
                  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
                      + v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' [' + (n.failureSummary || '').replace(/\\s+/g, ' ') + ']').join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) result;
        return lines;
    }

    /** Closes the browser. */
    public void close() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
