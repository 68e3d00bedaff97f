package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.posts.internal.Draft;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;

/**
 * Two saves of one draft at the same instant (two tabs of the executor): one is saved, the other gets the same
 * «изменено другим пользователем» message as any stale edit, with the typed text kept in the form; never a 500.
 */
@IntegrationTest
class ConcurrentDraftSavesIT {

    private static final int ROUNDS = 12;

    @Autowired
    MockMvc mvc;

    @Autowired
    AutowireCapableBeanFactory beans;

    AnswerFixtures fx;
    ExecutorService tabs;

    @BeforeEach
    void setUp() {
        fx = beans.createBean(AnswerFixtures.class);
        tabs = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        tabs.shutdownNow();
    }

    @Test
    void twoSimultaneousSavesOfOneDraftSaveOneAndTellTheOtherWithItsTextKept() throws Exception {
        long id = fx.inWork().getId();
        Cookie first = Sessions.login(mvc, "executor");
        Cookie second = Sessions.login(mvc, "executor");
        int conflicts = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String version = String.valueOf(fx.reload(id).getVersion());
            int versionsBefore = versions(id);
            CyclicBarrier together = new CyclicBarrier(2);
            String textA = "Первая вкладка, раунд " + round;
            String textB = "Вторая вкладка, раунд " + round;
            Future<MockHttpServletResponse> a = tabs.submit(() -> save(first, id, version, textA, together));
            Future<MockHttpServletResponse> b = tabs.submit(() -> save(second, id, version, textB, together));
            List<MockHttpServletResponse> answers = List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
            List<String> texts = List.of(textA, textB);

            assertThat(answers)
                    .extracting(MockHttpServletResponse::getStatus)
                    .as("round %d", round)
                    .containsExactlyInAnyOrder(302, 409);
            int loser = answers.get(0).getStatus() == 409 ? 0 : 1;
            String page = answers.get(loser).getContentAsString();
            assertThat(page).contains("уже изменил другой пользователь").contains(texts.get(loser));
            assertThat(versions(id)).isEqualTo(versionsBefore + 1);
            assertThat(fx.reload(id).openDraft().latest().getText()).isEqualTo(texts.get(1 - loser));
            conflicts++;
        }
        assertThat(conflicts).isEqualTo(ROUNDS);
    }

    private MockHttpServletResponse save(Cookie session, long id, String version, String text, CyclicBarrier together)
            throws Exception {
        together.await(10, TimeUnit.SECONDS);
        return mvc.perform(post("/posts/" + id + "/draft")
                        .cookie(session)
                        .with(csrf())
                        .param("version", version)
                        .param("intermediate", "false")
                        .param("text", text)
                        .param("action", "save"))
                .andReturn()
                .getResponse();
    }

    private int versions(long id) {
        Draft draft = fx.reload(id).openDraft();
        return draft == null ? 0 : draft.getVersions().size();
    }
}
