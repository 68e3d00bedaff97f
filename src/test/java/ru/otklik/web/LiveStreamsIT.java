package ru.otklik.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.LiveStream;
import ru.otklik.support.Sessions;

/**
 * Live streams do not pile up: a page that closes leaves the registry by the next heartbeat, whatever it was doing,
 * and streaming leaves the person's login session as it was.
 */
@IntegrationTest
class LiveStreamsIT {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    LiveStreams streams;

    @Test
    void closedPagesLeaveNoStreamBehindAndTheSessionGoesOn() throws Exception {
        String session = Sessions.login(mvc, "executor").getValue();
        URI base = URI.create("http://localhost:" + port);
        int before = streams.size();

        LiveStream first = LiveStream.open(base, session, null);
        LiveStream second = LiveStream.open(base, session, null);
        assertThat(streams.size()).as("two open pages, two streams").isEqualTo(before + 2);

        first.close();
        second.close();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (streams.size() > before && System.nanoTime() < deadline) {
            streams.heartbeat(); // a closed page is noticed when a write to it fails
            Thread.sleep(100);
        }
        assertThat(streams.size()).as("the closed pages' streams are gone").isEqualTo(before);

        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve("/assignments"))
                                .header("Cookie", Sessions.COOKIE + "=" + session)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("still logged in after streaming").isEqualTo(200);
        assertThat(page.body()).contains("sse-connect=\"/live?since=");
    }

    @Test
    void withoutALoginThereIsNoStream() throws Exception {
        HttpResponse<String> refused = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/live"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isIn(302, 401, 403);
    }
}
