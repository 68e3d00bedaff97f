package ru.otklik.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.otklik.support.Browser;
import ru.otklik.support.IntegrationTest;

/**
 * In a real browser: people log in, see their start page with the Ministry's clock, and read the calendar.
 */
@IntegrationTest
class LoginJourneyIT {

    @RegisterExtension
    static Browser browser = new Browser();

    @LocalServerPort
    int port;

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void theLoginPageListsTheDemoLoginsAndAWrongPasswordIsExplainedInRussian() throws Exception {
        browser.open(port).go("/login");
        assertThat(browser.pageText()).contains("Демонстрационные входы").contains("executor2");
        browser.screenshot("login");

        browser.driver().findElement(By.id("username")).sendKeys("head");
        browser.driver().findElement(By.id("password")).sendKeys("not-the-password");
        browser.driver()
                .findElement(By.cssSelector("form[action='/login'] button[type=submit]"))
                .click();
        browser.waitForText(By.cssSelector(".alert-danger"), "Неверный логин или пароль");
    }

    @Test
    void anExecutorLandsOnTheirAssignmentsWithTheClockVisible() throws Exception {
        browser.open(port).login("executor");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/assignments");
        assertThat(browser.waitFor(By.id("otklik-clock")).getText()).matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}");
        assertThat(browser.pageText()).contains("Кузнецов Андрей Павлович").contains("Мои поручения");
        browser.screenshot("executor-start");
    }

    @Test
    void theAdminOpensTheProductionCalendarAndADayToEdit() throws Exception {
        browser.open(port).login("admin");
        browser.go("/calendar?year=2026");
        assertThat(browser.pageText())
                .contains("Производственный календарь на 2026 год")
                .contains("Рабочих дней: 247");
        browser.screenshot("calendar-2026");
        browser.click(By.cssSelector("a[href='/admin/calendar/day/2026-12-31']"));
        browser.waitFor(By.cssSelector("input[value=DAY_OFF]"));
        assertThat(browser.driver()
                        .findElement(By.cssSelector("input[value=DAY_OFF]"))
                        .isSelected())
                .isTrue();
        browser.screenshot("calendar-day");
    }
}
