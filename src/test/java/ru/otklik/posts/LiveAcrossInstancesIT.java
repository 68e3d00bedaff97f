package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.otklik.posts.LivePagesIT.SOON;
import static ru.otklik.posts.LivePagesIT.handOffAbout;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.ChildApplication;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.LiveStream;
import ru.otklik.support.TestDatabase;

/**
 * Live pages behind a load balancer (README «Scaling out»): a page streaming from one instance hears of a hand-off
 * made on another, because PostgreSQL's {@code LISTEN/NOTIFY} carries the event from the changing transaction to
 * every instance. The other instance is Otklik in a process of its own on the tests' database.
 */
@IntegrationTest
class LiveAcrossInstancesIT {

    @Autowired
    AutowireCapableBeanFactory beans;

    @TempDir
    Path logs;

    AnswerFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = beans.createBean(AnswerFixtures.class);
    }

    @Test
    void aHandOffMadeOnThisInstanceReachesAPageStreamingFromTheOther() throws Exception {
        TestDatabase database = TestDatabase.get();
        try (ChildApplication other = ChildApplication.start(
                logs.resolve("other.log"),
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password())) {
            other.awaitReady(Duration.ofMinutes(3));
            String session = other.login("executor");

            try (LiveStream stream = LiveStream.open(other.uri("/"), session, null)) {
                assertThat(stream.status()).isEqualTo(200);

                Post post = fx.routed();

                assertThat(stream.next(handOffAbout(post), SOON))
                        .as("the toast for post %d on the other instance's page; got %s", post.getId(), stream.seen())
                        .isPresent();
                assertThat(stream.next(e -> e.name().equals("counts"), SOON))
                        .as("with the executor's new counts")
                        .hasValueSatisfying(e -> assertThat(e.data()).contains("menu-count-assignments"));
            }
        }
    }
}
