package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.posts.internal.Posts;
import ru.otklik.support.Browser;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;

/**
 * The post's card for the paper hand-over (issue 16, point 16; п.9, п.10 «на бумажном носителе»): the post, the answer
 * with its approvals and the clocks, for whoever may open the post, printed on one A4 page.
 */
@IntegrationTest
class PostCardIT {

    @RegisterExtension
    static Browser browser = new Browser();

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    Posts posts;

    @Test
    void theCardOfAnAnsweredPostShowsThePostTheAnswerItsApprovalsAndClocks() throws Exception {
        var post = posts.findByExternalId("IM-DEMO-0008").orElseThrow();
        long id = post.getId();
        String card = mvc.perform(get("/posts/" + id + "/card").cookie(Sessions.login(mvc, "specialist")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(card)
                .contains("Карточка сообщения " + post.getRegistrationNumber())
                .contains("IM-DEMO-0008")
                .contains("Где узнать график выплаты детских пособий в декабре?")
                .contains("В декабре пособия выплачиваются до 25 числа")
                .contains("https://ok.ru/group/3001/topic/4008#comment-1")
                .contains("Согласование")
                .contains("Направить исполнителю")
                .contains("Руководитель подразделения")
                .contains("Распечатано");
        String approvals = card.substring(card.indexOf("card-approvals"), card.indexOf("card-clocks"));
        assertThat(approvals)
                .as("the head's and the deputy's approvals, ЦУР's decision and the posting, in order")
                .containsSubsequence(
                        "Согласовано руководителем подразделения",
                        "Проект ответа согласован",
                        "ЦУР согласовал проект ответа",
                        "Ответ размещён");
    }

    @Test
    void onlyThoseWhoMayOpenThePostMayPrintItsCard() throws Exception {
        long id = posts.findByExternalId("IM-DEMO-0008").orElseThrow().getId();
        for (String login : new String[] {"specialist", "executor", "head", "deputy", "minister"}) {
            mvc.perform(get("/posts/" + id + "/card").cookie(Sessions.login(mvc, login)))
                    .andExpect(status().isOk());
        }
        Cookie otherDepartment = Sessions.login(mvc, "executor2");
        mvc.perform(get("/posts/" + id + "/card").cookie(otherDepartment)).andExpect(status().isNotFound());
        mvc.perform(get("/posts/999999999/card").cookie(Sessions.login(mvc, "specialist")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/posts/" + id + "/card")).andExpect(status().is3xxRedirection());
    }

    @Test
    void aNormalPostsCardPrintsOnOneA4PageWithoutTheMenu() throws Exception {
        long id = posts.findByExternalId("IM-DEMO-0008").orElseThrow().getId();
        browser.open(port);
        browser.login("specialist");
        browser.go("/posts/" + id);
        browser.click(By.className("post-card-link"));
        browser.waitFor(By.className("card-clocks"));
        assertThat(browser.driver().findElement(By.className("print-card")).isDisplayed())
                .isTrue();

        PrintOptions a4 = new PrintOptions();
        a4.setPageSize(new PageSize(29.7, 21.0));
        a4.setBackground(false);
        byte[] pdf = Base64.getDecoder()
                .decode(((PrintsPage) browser.driver()).print(a4).getContent());

        java.nio.file.Files.createDirectories(Browser.DOWNLOADS);
        java.nio.file.Files.write(Browser.DOWNLOADS.resolve("post-card.pdf"), pdf);
        assertThat(pageCount(pdf)).as("pages of the printed card").isEqualTo(1);
        assertThat(browser.axeViolations()).isEmpty();
    }

    /** The page count of a PDF as its page tree states it ({@code /Type /Pages … /Count n}). */
    private static int pageCount(byte[] pdf) {
        String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        Matcher count = Pattern.compile(
                        "/Type\\s*/Pages\\b[^>]*?/Count\\s+(\\d+)|/Count\\s+(\\d+)[^>]*?/Type\\s*/Pages\\b")
                .matcher(text);
        assertThat(count.find()).as("a page tree in the PDF").isTrue();
        return Integer.parseInt(count.group(1) != null ? count.group(1) : count.group(2));
    }
}
