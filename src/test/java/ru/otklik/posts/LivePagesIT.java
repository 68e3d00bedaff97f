package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.LiveStream;
import ru.otklik.support.Sessions;

/**
 * Live pages (issue 17 point 2): an open page of the person who must act hears of a hand-off at once, without a
 * reload — a toast with the link to act and the menu's new counts — and nobody else's page does; a page that lost its
 * stream catches up on what it missed from the last event it saw.
 */
@IntegrationTest
class LivePagesIT {

    static final Duration SOON = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    AutowireCapableBeanFactory beans;

    AnswerFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = beans.createBean(AnswerFixtures.class);
    }

    @Test
    void aPostRoutedToTheExecutorShowsOnTheirOpenPageAtOnceAndOnNobodyElses() throws Exception {
        try (LiveStream executor = open("executor", null);
                LiveStream other = open("executor2", null)) {
            assertThat(executor.status()).isEqualTo(200);

            Post post = fx.routed();

            LiveStream.Event toast = executor.next(handOffAbout(post), SOON)
                    .orElseThrow(() -> new AssertionError(
                            "no toast for post " + post.getId() + " within " + SOON + "; got " + executor.seen()));
            assertThat(toast.id())
                    .as("the event carries the notification's id to catch up from")
                    .isNotBlank();
            assertThat(toast.data())
                    .contains("role=\"status\"")
                    .contains(post.getRegistrationNumber())
                    .contains("Открыть");
            assertThat(executor.next(e -> e.name().equals("counts"), SOON))
                    .as("the menu's counts come with the hand-off")
                    .hasValueSatisfying(counts -> assertThat(counts.data())
                            .contains("id=\"menu-count-assignments\"")
                            .contains("hx-swap-oob=\"true\"")
                            .contains("ждут действий"));

            assertThat(other.next(handOffAbout(post), Duration.ofSeconds(1)))
                    .as("another executor's page hears nothing of it")
                    .isEmpty();
        }
    }

    @Test
    void aPageThatLostItsStreamCatchesUpFromTheLastNotificationItSaw() throws Exception {
        String seen;
        Post first;
        try (LiveStream stream = open("executor", null)) {
            first = fx.routed();
            seen = stream.next(handOffAbout(first), SOON).orElseThrow().id();
        }

        Post missed = fx.routed(); // while the page had no stream

        try (LiveStream reconnected = open("executor", seen)) {
            assertThat(reconnected.next(handOffAbout(missed), SOON))
                    .as("the hand-off made while the stream was down")
                    .hasValueSatisfying(e -> assertThat(Long.parseLong(e.id())).isGreaterThan(Long.parseLong(seen)));
            assertThat(reconnected.seen())
                    .as("what the page already had is not sent again")
                    .noneMatch(handOffAbout(first));
            assertThat(reconnected.next(e -> e.name().equals("counts"), SOON))
                    .as("a reconnected page gets its counts again")
                    .isPresent();
        }
    }

    private LiveStream open(String login, String lastEventId) throws Exception {
        String session = Sessions.login(mvc, login).getValue();
        return LiveStream.open(URI.create("http://localhost:" + port), session, lastEventId);
    }

    static java.util.function.Predicate<LiveStream.Event> handOffAbout(Post post) {
        return e -> e.name().equals("handoff") && e.data().contains("/posts/" + post.getId() + "\"");
    }
}
