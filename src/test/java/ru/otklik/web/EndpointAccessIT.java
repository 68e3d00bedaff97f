package ru.otklik.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.Role;
import ru.otklik.people.internal.Users;
import ru.otklik.support.IntegrationTest;
import ru.otklik.web.EndpointCatalogue.Endpoint;

/**
 * Every endpoint × every role: each mapped endpoint must have an explicit rule in the {@link EndpointCatalogue}, the
 * roles it names get past security, every other role gets 403, and an anonymous visitor is sent to the login page
 * (401 on the API). Path variables are ids that do not exist, so no request changes anything that other tests rely on.
 */
@IntegrationTest
class EndpointAccessIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    Users users;

    @Autowired
    PeopleManagement people;

    @BeforeEach
    void aFirstDeputyMinisterExists() {
        firstDeputyMinisterExists(users, people);
    }

    /** The catalogue names a first deputy minister, whom the demo data does not have. */
    static void firstDeputyMinisterExists(Users users, PeopleManagement people) {
        synchronized (EndpointAccessIT.class) {
            if (users.findByLogin("firstdeputy").isEmpty()) {
                people.createAccount(
                        "firstdeputy",
                        "Первый заместитель министра",
                        null,
                        "Matrix-2026",
                        EnumSet.of(Role.FIRST_DEPUTY_MINISTER));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersExactlyTheRolesItsRuleNames() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : EndpointCatalogue.endpoints(mappings)) {
            tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.pattern(), () -> check(endpoint)));
        }
        // Actuator endpoints are not in the MVC mappings: the exposed ones are listed here
        tests.add(DynamicTest.dynamicTest(
                "GET /actuator/prometheus",
                () -> check(new Endpoint(RequestMethod.GET, "/actuator/prometheus", null))));
        assertThat(tests).hasSizeGreaterThan(30);
        return tests.stream();
    }

    private void check(Endpoint endpoint) throws Exception {
        RequestMethod method = endpoint.method();
        String path = endpoint.path();
        Set<Role> allowed = endpoint.allowed()
                .orElseThrow(
                        () -> new AssertionError("no explicit access rule for " + method + " " + endpoint.pattern()));
        boolean open = path.equals("/login");
        if (!open) {
            int anonymous =
                    mvc.perform(request(method, path)).andReturn().getResponse().getStatus();
            assertThat(anonymous).as("anonymous %s %s", method, path).isEqualTo(endpoint.api() ? 401 : 302);
        }
        for (Role role : Role.values()) {
            UserDetails person = accounts.loadUserByUsername(EndpointCatalogue.LOGINS.get(role));
            int status = mvc.perform(request(method, path).with(user(person)))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            if (allowed.contains(role)) {
                assertThat(status)
                        .as("%s %s as %s", method, path, role)
                        .isNotEqualTo(403)
                        .isLessThan(500);
            } else {
                assertThat(status).as("%s %s as %s", method, path, role).isEqualTo(403);
            }
        }
    }

    private static MockHttpServletRequestBuilder request(RequestMethod method, String path) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method.asHttpMethod(), path);
        return method == RequestMethod.GET ? request : request.with(csrf());
    }
}
