package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.Role;
import ru.otklik.people.internal.User;
import ru.otklik.people.internal.Users;
import ru.otklik.posts.internal.Post;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.MutableClock;
import ru.otklik.support.Sessions;
import ru.otklik.support.TestConfig;

/**
 * Issue 21 point 5: «Сообщения подразделения» — a department head sees the current posts of the departments he heads,
 * a deputy minister those of the departments he curates, the minister every department's; with the inbox's filters
 * and clocks and no routing actions; executors and the org department get 403.
 */
@IntegrationTest
class DepartmentPostsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    PostManagement management;

    @Autowired
    PeopleManagement people;

    @Autowired
    Users users;

    @Autowired
    MutableClock clock;

    /** Two departments of this test alone: their heads, executors and curating deputies, and a post in each. */
    String tag;

    String headA;
    String deputyA;
    long departmentA;
    long departmentB;
    long executorA;
    Post postA;
    Post postB;
    Post postA2;

    @BeforeEach
    void twoDepartmentsWithAPostEach() {
        clock.set(TestConfig.START);
        tag = UUID.randomUUID().toString().substring(0, 8);
        headA = "dp-head-a-" + tag;
        deputyA = "dp-deputy-a-" + tag;
        User head = account(headA, Role.DEPT_HEAD);
        User deputy = account(deputyA, Role.DEPUTY_MINISTER);
        User execA = account("dp-exec-a-" + tag, Role.EXECUTOR);
        User headB = account("dp-head-b-" + tag, Role.DEPT_HEAD);
        User execB = account("dp-exec-b-" + tag, Role.EXECUTOR);
        long deputy2 = users.findByLogin("deputy2").orElseThrow().getId();
        executorA = execA.getId();
        departmentA = people.createDepartment("Отдел А " + tag, head.getId(), deputy.getId(), Set.of(execA.getId()))
                .id();
        departmentB = people.createDepartment("Отдел Б " + tag, headB.getId(), deputy2, Set.of(execB.getId()))
                .id();
        postA = routed("пособие " + tag + " первое", departmentA, execA.getId());
        postA2 = routed("выплата " + tag + " вторая", departmentA, execA.getId());
        postB = routed("пособие " + tag + " другого отдела", departmentB, execB.getId());
    }

    private User account(String login, Role role) {
        return users.findById(people.createAccount(login, "Тестов " + login, null, "demo", EnumSet.of(role))
                        .id())
                .orElseThrow();
    }

    private Post routed(String text, long department, long executor) {
        User specialist = users.findByLogin("specialist").orElseThrow();
        Post post = management.register(
                new NewPost(
                        null,
                        Source.VK,
                        "https://vk.com/wall-5_" + UUID.randomUUID(),
                        null,
                        null,
                        "Когда придёт " + text + "?",
                        clock.instant().minusSeconds(600),
                        clock.instant(),
                        Importance.NORMAL,
                        null),
                Set.of(),
                specialist.getId());
        return management.route(
                post.getId(),
                post.getVersion(),
                List.of(new Routing(department, executor)),
                Importance.NORMAL,
                management.actor(specialist.getId(), specialist.getRoles()));
    }

    private String page(String login, String... params) throws Exception {
        var request = get("/department-posts").cookie(Sessions.login(mvc, login));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String link(Post post) {
        return "/posts/" + post.getId() + "\"";
    }

    @Test
    void aHeadSeesHisDepartmentsPostsAndNotAnothersWithTheirClocksAndNoActions() throws Exception {
        String page = page(headA);
        assertThat(page)
                .contains("Сообщения подразделения")
                .contains("Отдел А " + tag)
                .contains(link(postA))
                .contains(link(postA2))
                .contains(postA.getRegistrationNumber())
                .doesNotContain(link(postB))
                // the inbox's clocks, live
                .contains("id=\"clock-post-" + postA.getId() + "\"")
                .contains("/clocks/posts?ids=");
        // read-only: nothing to pick and route
        assertThat(page).doesNotContain("/inbox/route").doesNotContain("name=\"posts\"");
        // and the page links open: the head may see his department's post
        mvc.perform(get("/posts/" + postA.getId()).cookie(Sessions.login(mvc, headA)))
                .andExpect(status().isOk());
    }

    @Test
    void aDeputySeesTheDepartmentsHeCuratesAndTheMinisterSeesAll() throws Exception {
        assertThat(page(deputyA)).contains(link(postA)).contains(link(postA2)).doesNotContain(link(postB));
        assertThat(page("deputy2")).contains(link(postB)).doesNotContain(link(postA));
        assertThat(page("minister", "q", tag)).contains(link(postA)).contains(link(postB));
    }

    @Test
    void theInboxFiltersWork() throws Exception {
        // words of the text, in their forms
        assertThat(page(headA, "q", "выплаты " + tag)).contains(link(postA2)).doesNotContain(link(postA));
        // the registration number
        assertThat(page(headA, "q", postA.getRegistrationNumber()))
                .contains(link(postA))
                .doesNotContain(link(postA2));
        // the state: both are with the executor, not yet accepted
        assertThat(page(headA, "state", "ASSIGNED")).contains(link(postA)).contains(link(postA2));
        assertThat(page(headA, "state", "IN_WORK")).doesNotContain(link(postA));
        // the executor, and a department out of his reach shows nothing of it
        assertThat(page(headA, "executor", String.valueOf(executorA))).contains(link(postA));
        assertThat(page(headA, "department", String.valueOf(departmentB))).doesNotContain(link(postB));
        // the importance
        assertThat(page(headA, "importance", "HIGH")).doesNotContain(link(postA));
    }

    @Test
    void executorsAndTheOrgDepartmentAreRefused() throws Exception {
        for (String login : List.of("executor", "specialist", "admin")) {
            mvc.perform(get("/department-posts").cookie(Sessions.login(mvc, login)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void theMenuLinksToItForHeadsAndDeputiesOnly() throws Exception {
        assertThat(mvc.perform(get("/approvals").cookie(Sessions.login(mvc, headA)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("href=\"/department-posts\"");
        assertThat(mvc.perform(get("/assignments").cookie(Sessions.login(mvc, "executor")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("href=\"/department-posts\"");
    }
}
