package ru.otklik.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import ru.otklik.people.PeopleManagement;
import ru.otklik.people.Role;
import ru.otklik.people.Users;
import ru.otklik.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Every endpoint × every role: each mapped endpoint must have an explicit rule here, the roles it names get past
 * security, every other role gets 403, and an anonymous visitor is sent to the login page (401 on the API).
 * Path variables are ids that do not exist, so no request changes anything that other tests rely on.
 */
@IntegrationTest
class EndpointAccessTest {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> ORG = EnumSet.of(Role.ORG_SPECIALIST, Role.ORG_HEAD);
    private static final Set<Role> LEADERS = EnumSet.of(Role.DEPUTY_MINISTER, Role.FIRST_DEPUTY_MINISTER, Role.MINISTER);
    private static final Set<Role> APPROVERS = EnumSet.of(Role.DEPT_HEAD, Role.DEPUTY_MINISTER,
            Role.FIRST_DEPUTY_MINISTER, Role.MINISTER);
    private static final Set<Role> REPORT_READERS = EnumSet.of(Role.ORG_SPECIALIST, Role.ORG_HEAD, Role.DEPT_HEAD,
            Role.DEPUTY_MINISTER, Role.FIRST_DEPUTY_MINISTER, Role.MINISTER);
    /** ЦУР's system only: no person's role opens these. */
    private static final Set<Role> NOBODY = EnumSet.noneOf(Role.class);

    /** The access rules, first match wins; a mapped endpoint missing here fails the test. */
    private static final List<Map.Entry<Pattern, Set<Role>>> RULES = List.of(
            rule("/login", ALL),
            rule("/admin/.*", EnumSet.of(Role.ADMIN)),
            rule("/reports/.*", REPORT_READERS),
            rule("/inbox(/.*)?", ORG),
            rule("/import(/.*)?", ORG),
            rule("/assignments(/.*)?", EnumSet.of(Role.EXECUTOR)),
            rule("/approvals(/.*)?", APPROVERS),
            rule("/escalations(/.*)?", LEADERS),
            rule("/absences(/.*)?", EnumSet.of(Role.ADMIN, Role.DEPT_HEAD)),
            rule("/legislation(/.*)?", REPORT_READERS),
            rule("/notifications(/.*)?", ALL),
            rule("/clocks/.*", ALL),
            rule("/posts(/new|/repeats)?", ORG),
            rule("/posts/templates(/.*)?", EnumSet.of(Role.DEPT_HEAD)),
            rule("/posts/.*", ALL),
            rule("/api/v1/messages(/.*)?", NOBODY),
            rule("/api/v1/calendar/.*", ALL),
            rule("/v3/api-docs.*", EnumSet.of(Role.ADMIN)),
            rule("/swagger-ui(\\.html|/.*)?", EnumSet.of(Role.ADMIN)),
            rule("/", ALL),
            rule("/help", ALL),
            rule("/calendar(/.*)?", ALL),
            // The monitoring system's metrics user only (HTTP basic): no person's role opens it
            rule("/actuator/prometheus", NOBODY));

    private static final Map<Role, String> LOGINS = new EnumMap<>(Map.of(
            Role.ORG_SPECIALIST, "specialist", Role.ORG_HEAD, "orghead", Role.EXECUTOR, "executor",
            Role.DEPT_HEAD, "head", Role.DEPUTY_MINISTER, "deputy2", Role.FIRST_DEPUTY_MINISTER, "firstdeputy",
            Role.MINISTER, "minister", Role.ADMIN, "admin"));

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
        synchronized (EndpointAccessTest.class) {
            if (users.findByLogin("firstdeputy").isEmpty()) {
                people.createAccount("firstdeputy", "Первый заместитель министра", null, "Matrix-2026",
                        EnumSet.of(Role.FIRST_DEPUTY_MINISTER));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersExactlyTheRolesItsRuleNames() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of(RequestMethod.GET) : info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/error")) {
                    continue; // Spring Boot's error dispatch target, not an endpoint of its own
                }
                for (RequestMethod method : methods) {
                    String path = concrete(pattern);
                    tests.add(DynamicTest.dynamicTest(method + " " + pattern, () -> check(method, pattern, path)));
                }
            }
        }
        // Actuator endpoints are not in the MVC mappings: the exposed ones are listed here
        tests.add(DynamicTest.dynamicTest("GET /actuator/prometheus",
                () -> check(RequestMethod.GET, "/actuator/prometheus", "/actuator/prometheus")));
        assertThat(tests).hasSizeGreaterThan(30);
        return tests.stream();
    }

    @Test
    void onlyTheMetricsUserScrapesPrometheus() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/actuator/prometheus")
                        .with(httpBasic("prometheus", IntegrationTest.METRICS_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("otklik_posts_open")));
        mvc.perform(MockMvcRequestBuilders.get("/actuator/prometheus").with(httpBasic("prometheus", "guess")))
                .andExpect(status().isUnauthorized());
        mvc.perform(MockMvcRequestBuilders.get("/actuator/prometheus").with(httpBasic("admin", "demo")))
                .andExpect(status().isUnauthorized());
    }

    private void check(RequestMethod method, String pattern, String path) throws Exception {
        Set<Role> allowed = RULES.stream().filter(r -> r.getKey().matcher(path).matches()).findFirst()
                .map(Map.Entry::getValue)
                .orElseThrow(() -> new AssertionError("no explicit access rule for " + method + " " + pattern));
        boolean api = path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator/");
        boolean open = path.equals("/login");
        if (!open) {
            int anonymous = mvc.perform(request(method, path)).andReturn().getResponse().getStatus();
            assertThat(anonymous).as("anonymous %s %s", method, path).isEqualTo(api ? 401 : 302);
        }
        for (Role role : Role.values()) {
            UserDetails person = accounts.loadUserByUsername(LOGINS.get(role));
            int status = mvc.perform(request(method, path).with(user(person))).andReturn().getResponse().getStatus();
            if (allowed.contains(role)) {
                assertThat(status).as("%s %s as %s", method, path, role).isNotEqualTo(403).isLessThan(500);
            }
            else {
                assertThat(status).as("%s %s as %s", method, path, role).isEqualTo(403);
            }
        }
    }

    private static MockHttpServletRequestBuilder request(RequestMethod method, String path) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method.asHttpMethod(), path);
        return method == RequestMethod.GET ? request : request.with(csrf());
    }

    /** A pattern with its variables filled by values that exist nowhere. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{date}", "2099-12-31")
                .replaceAll("\\{year}", "2099")
                .replaceAll("\\{[^}/]*\\*\\*?[^}]*}", "x")
                .replaceAll("\\{[^}]+}", "999999999")
                .replace("/**", "/x");
    }

    private static Map.Entry<Pattern, Set<Role>> rule(String regex, Set<Role> roles) {
        return Map.entry(Pattern.compile(regex), roles);
    }
}
