package ru.otklik.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.people.internal.Users;
import ru.otklik.posts.Actor;
import ru.otklik.posts.Importance;
import ru.otklik.posts.NewPost;
import ru.otklik.posts.NotAuthorisedForOrgWork;
import ru.otklik.posts.PostManagement;
import ru.otklik.posts.PostState;
import ru.otklik.posts.Routing;
import ru.otklik.posts.Source;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;

/**
 * The org head authorises which org specialists route posts and post answers (Приказ п.2.2): an unauthorised one
 * has the actions hidden and refused on the server.
 */
@IntegrationTest
class OrgAuthorityIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    @Autowired
    PeopleManagement people;

    @Autowired
    PostManagement posts;

    @Autowired
    Clock clock;

    String login;
    long specialist;

    @BeforeEach
    void aNewSpecialist() {
        login = "orgspec-" + UUID.randomUUID().toString().substring(0, 8);
        specialist = people.createAccount(login, "Ершова Дарья Олеговна", null, "demo", EnumSet.of(Role.ORG_SPECIALIST))
                .id();
    }

    @Test
    void aSpecialistTheOrgHeadDidNotAuthoriseNeitherSeesNorPerformsRouting() throws Exception {
        Cookie orghead = Sessions.login(mvc, "orghead");
        mvc.perform(get("/org-authority").cookie(orghead))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ершова Дарья Олеговна")));
        mvc.perform(post("/org-authority/" + specialist)
                        .cookie(orghead)
                        .with(csrf())
                        .param("version", String.valueOf(version()))
                        .param("authorised", "false"))
                .andExpect(redirectedUrl("/org-authority"));

        Post post = registered();
        Cookie session = Sessions.login(mvc, login);
        mvc.perform(get("/posts/" + post.getId()).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("route-form"))));
        long families = people.departmentsByName().stream()
                .filter(d -> d.getName().contains("семей с детьми"))
                .findFirst()
                .orElseThrow()
                .getId();
        long executor = users.findByLogin("executor").orElseThrow().getId();
        mvc.perform(post("/posts/" + post.getId() + "/route")
                        .cookie(session)
                        .with(csrf())
                        .param("version", String.valueOf(post.getVersion()))
                        .param("assignTo", families + ":" + executor))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("не уполномочил вас направлять сообщения")));
        mvc.perform(post("/posts/" + post.getId() + "/importance")
                        .cookie(session)
                        .with(csrf())
                        .param("version", String.valueOf(post.getVersion()))
                        .param("high", "true"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("не уполномочил вас")));
        assertThat(jdbc.sql("select importance from post where id = ?")
                        .param(post.getId())
                        .query(String.class)
                        .single())
                .as("the importance is the authorised specialist's call (п.9)")
                .isEqualTo("NORMAL");
        mvc.perform(post("/posts/" + post.getId() + "/return-to-cur")
                        .cookie(session)
                        .with(csrf())
                        .param("version", String.valueOf(post.getVersion()))
                        .param("reason", "не наше"))
                .andExpect(status().isForbidden());
        Actor actor = posts.actor(specialist, Set.of(Role.ORG_SPECIALIST));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> posts.route(
                        post.getId(),
                        post.getVersion(),
                        List.of(new Routing(families, executor)),
                        Importance.NORMAL,
                        actor))
                .isInstanceOf(NotAuthorisedForOrgWork.class);
        assertThat(state(post)).isEqualTo("NEW");

        // authorised again, the same specialist routes it
        mvc.perform(post("/org-authority/" + specialist)
                        .cookie(orghead)
                        .with(csrf())
                        .param("version", String.valueOf(version()))
                        .param("authorised", "true"))
                .andExpect(redirectedUrl("/org-authority"));
        mvc.perform(get("/posts/" + post.getId()).cookie(session))
                .andExpect(content().string(containsString("route-form")));
        mvc.perform(post("/posts/" + post.getId() + "/route")
                        .cookie(session)
                        .with(csrf())
                        .param("version", String.valueOf(post.getVersion()))
                        .param("assignTo", families + ":" + executor))
                .andExpect(redirectedUrl("/posts/" + post.getId()));
        assertThat(state(post)).isEqualTo(PostState.ASSIGNED.name());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ORG_AUTHORITY_CHANGED' and subject = ?")
                        .param(login)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void onlyTheOrgHeadAuthorisesAndAStaleChoiceIsRefused() throws Exception {
        for (String other : List.of("specialist", "head", "executor", "deputy", "admin")) {
            mvc.perform(get("/org-authority").cookie(Sessions.login(mvc, other)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/org-authority/" + specialist)
                        .cookie(Sessions.login(mvc, "specialist"))
                        .with(csrf())
                        .param("version", String.valueOf(version()))
                        .param("authorised", "false"))
                .andExpect(status().isForbidden());
        Cookie orghead = Sessions.login(mvc, "orghead");
        long seen = version();
        mvc.perform(post("/org-authority/" + specialist)
                        .cookie(orghead)
                        .with(csrf())
                        .param("version", String.valueOf(seen))
                        .param("authorised", "false"))
                .andExpect(redirectedUrl("/org-authority"));
        mvc.perform(post("/org-authority/" + specialist)
                        .cookie(orghead)
                        .with(csrf())
                        .param("version", String.valueOf(seen))
                        .param("authorised", "true"))
                .andExpect(status().isConflict());
        assertThat(users.findById(specialist).orElseThrow().isOrgAuthorised()).isFalse();
    }

    private long version() {
        return users.findById(specialist).orElseThrow().getVersion();
    }

    private String state(Post post) {
        return jdbc.sql("select state from post where id = ?")
                .param(post.getId())
                .query(String.class)
                .single();
    }

    private Post registered() {
        return posts.register(
                new NewPost(
                        "AUTH-" + UUID.randomUUID(),
                        Source.VK,
                        "https://vk.com/wall-8_8",
                        null,
                        null,
                        "Куда обращаться за пособием?",
                        clock.instant(),
                        clock.instant(),
                        Importance.NORMAL,
                        null),
                Set.of(),
                null);
    }
}
