package ru.otklik.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.otklik.api.ControlCharacters;
import ru.otklik.people.PeopleManagement;
import ru.otklik.people.Role;
import ru.otklik.people.internal.Users;
import ru.otklik.support.IntegrationTest;
import ru.otklik.web.EndpointCatalogue.Endpoint;
import ru.otklik.web.EndpointCatalogue.Input;
import tools.jackson.databind.json.JsonMapper;

/**
 * A corpus of bad values sent to every input of every endpoint of the {@link EndpointCatalogue} (and to the login
 * form and the JSON bodies of ЦУР's API), one input at a time while the others hold plausible values, as a person
 * allowed there. Nothing answers 5xx; a control character is refused with 400 before anything reads it; a refused
 * request writes no row. Each request runs in a transaction rolled back afterwards, so whatever a plausible request
 * writes never reaches the other tests.
 */
@IntegrationTest
class BadInputIT {

    static final String HUGE = "я".repeat(100_000);

    /**
     * The bad values: control characters first (always refused), then the ones a page may accept or refuse; the last
     * is a password of 40 Cyrillic letters, 80 bytes in UTF-8, past BCrypt's limit of 72.
     */
    static final List<String> CORPUS = List.of(
            "\u0000",
            "до\u0000после",
            "\u0001\u0008\u001b\u001f",
            "строка\u007f",
            "\u0085",
            HUGE,
            "-1",
            "-9223372036854775809",
            "50000000",
            "99999999999999999999",
            "abc",
            "1.5",
            "2026-02-30",
            "0000-00-00T25:61",
            "NOT_A_VALUE",
            "../../../etc/passwd",
            "\u202Egnp.exe",
            "' OR 1=1; --",
            "<script>alert(1)</script>",
            "=HYPERLINK(\"http://evil.example\")",
            "",
            "   ",
            "я".repeat(40));

    /**
     * The tables a refused request may write to as a matter of course: the schema history and the sessions of the
     * requests themselves. Every other table of the schema is counted, so a table added later is watched too.
     */
    private static final List<String> NOT_COUNTED =
            List.of("flyway_schema_history", "spring_session", "spring_session_attributes");

    private String countRows;

    private static final String CUR_TOKEN = "Bearer demo-cur-token";

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JsonMapper json;

    @Autowired
    Users users;

    @Autowired
    PeopleManagement people;

    @BeforeEach
    void aFirstDeputyMinisterExists() {
        EndpointAccessIT.firstDeputyMinisterExists(users, people);
    }

    @TestFactory
    Stream<DynamicTest> noBadValueInAnyInputOfAnyEndpointAnswers5xxOrWritesWhenRefused() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : EndpointCatalogue.endpoints(mappings)) {
            List<Input> inputs = endpoint.inputs();
            for (Input input : inputs) {
                tests.add(DynamicTest.dynamicTest(
                        endpoint.method() + " " + endpoint.pattern() + " ‹" + input.name() + "›",
                        () -> corpus(endpoint, inputs, input)));
            }
        }
        tests.add(DynamicTest.dynamicTest("POST /login ‹username›, ‹password›", this::loginForm));
        tests.add(DynamicTest.dynamicTest("POST /api/v1/messages (JSON fields)", this::messagesApi));
        tests.add(DynamicTest.dynamicTest(
                "POST /api/v1/messages/{id}/cur-decision (JSON comment)", this::curDecisionApi));
        assertThat(tests).hasSizeGreaterThan(100);
        return tests.stream();
    }

    private void corpus(Endpoint endpoint, List<Input> inputs, Input bad) {
        List<String> failures = new ArrayList<>();
        String before = rows();
        for (String value : CORPUS) {
            Map<String, String> values = new LinkedHashMap<>();
            String path = endpoint.path();
            for (Input input : inputs) {
                if (input.pathVariable()) {
                    if (input == bad) {
                        path = endpoint.path(input.name(), URLEncoder.encode(value, StandardCharsets.UTF_8));
                    }
                } else {
                    values.put(input.name(), input == bad ? value : plausible(input));
                }
            }
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(
                            endpoint.method().asHttpMethod(), path)
                    .accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, MediaType.ALL);
            values.forEach(request::param);
            if (endpoint.method() != RequestMethod.GET) {
                request.with(csrf());
            }
            Set<Role> allowed = endpoint.allowed().orElseThrow();
            if (allowed.isEmpty()) {
                request.header("Authorization", CUR_TOKEN);
            } else {
                Role role = Role.values()[0];
                for (Role candidate : Role.values()) {
                    if (allowed.contains(candidate)) {
                        role = candidate;
                        break;
                    }
                }
                request.with(user(accounts.loadUserByUsername(EndpointCatalogue.LOGINS.get(role))));
            }
            String failure = check(request, value, bad.pathVariable(), before);
            if (failure != null) {
                failures.add(describe(value) + ": " + failure);
            }
        }
        assertThat(failures)
                .as("%s %s with bad ‹%s›", endpoint.method(), endpoint.pattern(), bad.name())
                .isEmpty();
    }

    private void loginForm() {
        List<String> failures = new ArrayList<>();
        String before = rows();
        for (String field : List.of("username", "password")) {
            for (String value : CORPUS) {
                MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/login")
                        .with(csrf())
                        .param("username", field.equals("username") ? value : "specialist")
                        .param("password", field.equals("password") ? value : "wrong-password");
                String failure = check(request, value, false, before);
                if (failure != null) {
                    failures.add(field + " = " + describe(value) + ": " + failure);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private void messagesApi() throws Exception {
        List<String> failures = new ArrayList<>();
        String before = rows();
        Map<String, Object> valid = Map.of(
                "externalId",
                "corpus-1",
                "source",
                "VK",
                "url",
                "https://vk.com/wall-1_1",
                "authorName",
                "Автор",
                "authorUrl",
                "https://vk.com/id1",
                "text",
                "Текст сообщения",
                "detectedAt",
                "2026-12-01T09:00:00+07:00",
                "importance",
                "NORMAL",
                "topic",
                "Тема");
        for (String field : valid.keySet()) {
            for (String value : CORPUS) {
                Map<String, Object> body = new LinkedHashMap<>(valid);
                body.put(field, value);
                MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/api/v1/messages")
                        .header("Authorization", CUR_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body));
                String failure = check(request, value, false, before);
                if (failure != null) {
                    failures.add(field + " = " + describe(value) + ": " + failure);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private void curDecisionApi() throws Exception {
        List<String> failures = new ArrayList<>();
        String before = rows();
        for (String decision : List.of("APPROVED", "RETURNED")) {
            for (String value : CORPUS) {
                MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(
                                "/api/v1/messages/999999999/cur-decision")
                        .header("Authorization", CUR_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("decision", decision, "comment", value)));
                String failure = check(request, value, false, before);
                if (failure != null) {
                    failures.add(decision + ", comment = " + describe(value) + ": " + failure);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * Performs the request in a transaction that is rolled back, and says what is wrong with the answer: a 5xx, a
     * control character not refused with 400, or rows added or removed by a refused request ({@code before}: the
     * row counts before it, the same for every request since each is rolled back).
     */
    private String check(MockHttpServletRequestBuilder request, String value, boolean inPath, String before) {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        return transaction.execute(status -> {
            status.setRollbackOnly();
            int answer;
            try {
                answer = mvc.perform(request).andReturn().getResponse().getStatus();
            } catch (Exception ex) {
                return "failed with " + ex;
            }
            if (answer >= 500) {
                return "answered " + answer;
            }
            boolean control = ControlCharacters.firstRefused(value, true) >= 0;
            if (control && answer != 400 && !(inPath && answer == 404)) {
                return "a control character was not refused: answered " + answer;
            }
            try {
                if ((control || answer >= 400) && !rows().equals(before)) {
                    return "refused with " + answer + " but rows changed";
                }
            } catch (RuntimeException ex) {
                return "answered " + answer + " but left the database transaction failed: " + ex.getMessage();
            }
            return null;
        });
    }

    private String rows() {
        if (countRows == null) {
            List<String> tables = jdbc.sql("""
                            select table_name from information_schema.tables
                            where table_schema = current_schema() and table_type = 'BASE TABLE'
                            order by table_name""").query(String.class).list().stream()
                    .filter(t -> !NOT_COUNTED.contains(t))
                    .toList();
            assertThat(tables).as("the tables counted").contains("post", "draft", "saved_filter");
            countRows = tables.stream()
                    .map(t -> "(select count(*) from " + t + ")")
                    .collect(Collectors.joining(" || ',' || ", "select ", ""));
        }
        return jdbc.sql(countRows).query(String.class).single();
    }

    /** A value a person could have typed into the input, so that only the bad one is wrong. */
    static String plausible(Input input) {
        Class<?> type = input.type();
        String name = input.name().toLowerCase(Locale.ROOT);
        if (name.equals("dimension")) {
            return "DEPARTMENT"; // the drill-down whose key is a department id
        }
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true";
        }
        if (type == LocalDate.class) {
            return "2099-12-30";
        }
        if (type == LocalDateTime.class || type == Instant.class) {
            return "2026-11-30T10:00";
        }
        if (type == LocalTime.class) {
            return name.contains("lunchstart")
                    ? "13:00"
                    : name.contains("lunchend") ? "14:00" : name.endsWith("end") ? "18:00" : "09:00";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return name.equals("version") || name.equals("page") ? "0" : "1";
        }
        if (name.contains("url")) {
            return "https://vk.com/wall-1_" + name.length();
        }
        if (name.contains("email")) {
            return "corpus@example.org";
        }
        if (name.equals("login")) {
            return "corpus.login";
        }
        if (name.contains("password")) {
            return "Corpus-Password-2026";
        }
        if (name.equals("month")) {
            return "2026-11";
        }
        if (name.equals("from")) {
            return "2026-12-01T10:00:00+07:00";
        }
        if (name.equals("to")) {
            return "2026-12-02T10:00:00+07:00";
        }
        if (name.equals("workingminutes")) {
            return "60";
        }
        if (name.equals("decision")) {
            return "APPROVED";
        }
        if (name.equals("key")) {
            return "1";
        }
        return "Проверка корпуса";
    }

    private static String describe(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + ")" : value;
        return "«"
                + shown.codePoints()
                        .mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c))
                        .collect(Collectors.joining())
                + "»";
    }
}
