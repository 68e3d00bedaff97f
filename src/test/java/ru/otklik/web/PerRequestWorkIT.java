package ru.otklik.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.otklik.support.HttpBrowser;
import ru.otklik.support.IntegrationTest;

/**
 * Work a page used to repeat on every request though nothing had changed (issue 20): the browser fetched the styles
 * and scripts again after every deploy-free day, and every page wrote the session's row.
 */
@IntegrationTest
class PerRequestWorkIT {

    private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"(/(?:assets|webjars)/[^\"]+)\"");
    private static final Pattern HASHED = Pattern.compile(".+-[0-9a-f]{32}\\.(?:css|js|svg)$");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesLinkStylesAndScriptsUnderContentHashedNamesThatTheBrowserKeepsForAYear() throws Exception {
        HttpBrowser browser = new HttpBrowser(port);
        String page = browser.get("/login").body();
        List<String> linked = new ArrayList<>();
        Matcher m = LINKED.matcher(page);
        while (m.find()) {
            linked.add(m.group(1));
        }
        assertThat(linked)
                .as("the stylesheets, scripts and icon the login page links")
                .anySatisfy(path -> assertThat(path).startsWith("/assets/css/otklik"))
                .anySatisfy(path -> assertThat(path).startsWith("/webjars/bootstrap/"))
                .allSatisfy(path -> assertThat(path).matches(HASHED));

        HttpClient client = HttpClient.newHttpClient();
        for (String path : linked) {
            HttpResponse<byte[]> file = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).as(path).isEqualTo(200);
            assertThat(file.body()).as(path).isNotEmpty();
            assertThat(file.headers().firstValue("Cache-Control"))
                    .as(path)
                    .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
        }
    }

    @Test
    void aPageThatChangesNothingInTheSessionDoesNotWriteTheSessionsRow() throws Exception {
        HttpBrowser browser = new HttpBrowser(port);
        browser.login("specialist", "demo");
        String session = browser.cookie("SESSION");
        assertThat(session).as("the session cookie").isNotNull();
        long written = lastAccess();
        Thread.sleep(1_200);

        assertThat(browser.get("/inbox").statusCode()).isEqualTo(200);
        assertThat(browser.get("/assignments").statusCode()).isIn(200, 403);

        assertThat(lastAccess())
                .as("the session row is not written again within a minute of its last write")
                .isEqualTo(written);
        assertThat(browser.get("/inbox").body()).as("still logged in").contains("Входящие");
    }

    /** The newest last-access time of the specialist's sessions, as stored. */
    private long lastAccess() {
        return jdbc.sql("select max(last_access_time) from spring_session where principal_name = 'specialist'")
                .query(Long.class)
                .single();
    }
}
