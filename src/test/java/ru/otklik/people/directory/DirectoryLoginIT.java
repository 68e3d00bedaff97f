package ru.otklik.people.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFReader;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import ru.otklik.support.HttpBrowser;
import ru.otklik.support.IntegrationTest;

/**
 * Directory login against a real LDAP server: UnboundID's in-memory directory, loaded with the demo Ministry's
 * people and groups ({@code directory/ministry.ldif}), reached over LDAP on a free port — no mock. Every login goes
 * through the real login form.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "otklik.ldap.enabled=true",
            "otklik.ldap.base=dc=ministry,dc=local",
            "otklik.ldap.user-search-base=ou=people",
            "otklik.ldap.group-search-base=ou=groups",
            "otklik.ldap.group-roles[Отклик\\ исполнители]=EXECUTOR",
            "otklik.ldap.group-roles[Отклик\\ руководители\\ отделов]=DEPT_HEAD",
            "otklik.ldap.group-roles[Отклик\\ орготдел]=ORG_SPECIALIST",
            "otklik.ldap.group-departments[Отдел\\ семей]=Отдел социальной поддержки семей с детьми",
            "otklik.ldap.group-departments[Отдел\\ занятости]=Отдел содействия занятости населения"
        })
class DirectoryLoginIT {

    private static final String GROUPS = ",ou=groups,dc=ministry,dc=local";
    private static final String FAMILIES = "Отдел социальной поддержки семей с детьми";
    private static final String EMPLOYMENT = "Отдел содействия занятости населения";

    private static final InMemoryDirectoryServer DIRECTORY = start();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) {
        registry.add("otklik.ldap.url", () -> "ldap://localhost:" + DIRECTORY.getListenPort());
    }

    @AfterAll
    static void stop() {
        DIRECTORY.shutDown(true);
    }

    @BeforeEach
    void noThrottle() {
        jdbc.sql("delete from login_throttle").update();
    }

    @Test
    void aDirectoryPersonLogsInThroughTheFormAndIsCreatedWithTheRoleAndDepartmentOfTheirGroups() throws Exception {
        HttpBrowser browser = new HttpBrowser(port);

        assertThat(browser.login("orlova", "secret-orlova")).endsWith("/");

        assertThat(browser.get("/").headers().firstValue("Location").orElse("")).endsWith("/assignments");
        HttpResponse<String> assignments = browser.get("/assignments");
        assertThat(assignments.statusCode()).isEqualTo(200);
        assertThat(assignments.body()).contains("Орлова Мария Петровна");
        assertThat(jdbc.sql("select from_directory from app_user where login = 'orlova'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(rolesOf("orlova")).containsExactly("EXECUTOR");
        assertThat(departmentsOf("orlova")).containsExactly(FAMILIES);
        assertThat(jdbc.sql("select email from app_user where login = 'orlova'")
                        .query(String.class)
                        .single())
                .isEqualTo("orlova@ministry.local");
    }

    @Test
    void aGroupChangeChangesTheRoleAndDepartmentAtTheNextLogin() throws Exception {
        assertThat(new HttpBrowser(port).login("petrov", "secret-petrov")).endsWith("/");
        assertThat(rolesOf("petrov")).containsExactly("EXECUTOR");
        assertThat(departmentsOf("petrov")).containsExactly(EMPLOYMENT);

        String petrov = "uid=petrov,ou=people,dc=ministry,dc=local";
        DIRECTORY.modify("cn=Отклик исполнители" + GROUPS, new Modification(ModificationType.DELETE, "member", petrov));
        DIRECTORY.modify("cn=Отклик орготдел" + GROUPS, new Modification(ModificationType.ADD, "member", petrov));
        try {
            HttpBrowser browser = new HttpBrowser(port);
            assertThat(browser.login("petrov", "secret-petrov")).endsWith("/");

            assertThat(browser.get("/").headers().firstValue("Location").orElse(""))
                    .endsWith("/inbox");
            assertThat(browser.get("/assignments").statusCode()).isEqualTo(403);
            assertThat(rolesOf("petrov")).containsExactly("ORG_SPECIALIST");
            assertThat(departmentsOf("petrov")).isEmpty();
        } finally {
            DIRECTORY.modify(
                    "cn=Отклик орготдел" + GROUPS, new Modification(ModificationType.DELETE, "member", petrov));
            DIRECTORY.modify(
                    "cn=Отклик исполнители" + GROUPS, new Modification(ModificationType.ADD, "member", petrov));
        }
    }

    @Test
    void aWrongDirectoryPasswordIsRefusedAndTheTenthBlocksTheLoginLikeALocalOne() throws Exception {
        assertThat(new HttpBrowser(port).login("sidorov", "secret-sidorov")).endsWith("/");
        HttpBrowser browser = new HttpBrowser(port);

        assertThat(browser.login("sidorov", "wrong")).contains("/login?error");
        assertThat(browser.get("/login?error").body()).contains("Неверный логин или пароль");
        assertThat(browser.get("/").headers().firstValue("Location").orElse("")).endsWith("/login");

        for (int i = 1; i < 10; i++) {
            assertThat(browser.login("sidorov", "wrong-" + i)).contains("/login?error");
        }
        String blocked = browser.login("sidorov", "secret-sidorov");
        assertThat(blocked).contains("/login?error");
        assertThat(browser.get(blocked.substring(blocked.indexOf("/login"))).body())
                .contains("заблокирован на 15 минут");
    }

    @Test
    void theLocalAdminStillLogsInAndADirectoryEntryOfTheSameLoginCannotTakeItOver() throws Exception {
        assertThat(new HttpBrowser(port).login("admin", "demo")).endsWith("/");

        HttpBrowser intruder = new HttpBrowser(port);
        assertThat(intruder.login("admin", "directory-admin")).contains("/login?error");
        assertThat(intruder.get("/admin/users").statusCode()).isEqualTo(302);
        assertThat(rolesOf("admin")).containsExactly("ADMIN");
        assertThat(jdbc.sql("select from_directory from app_user where login = 'admin'")
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    void aDirectoryPersonInNoMappedGroupIsRefusedWithAReasonAndNotCreated() throws Exception {
        HttpBrowser browser = new HttpBrowser(port);

        String refused = browser.login("kozlova", "secret-kozlova");
        assertThat(refused).contains("/login?error");

        assertThat(browser.get(refused.substring(refused.indexOf("/login"))).body())
                .contains("не входит ни в одну группу");
        assertThat(jdbc.sql("select count(*) from app_user where login = 'kozlova'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private List<String> rolesOf(String login) {
        return jdbc.sql(
                        "select r.role from user_role r join app_user u on u.id = r.user_id where u.login = ? order by 1")
                .param(login)
                .query(String.class)
                .list();
    }

    private List<String> departmentsOf(String login) {
        return jdbc.sql("""
                select d.name from department d join department_executor e on e.department_id = d.id
                join app_user u on u.id = e.user_id where u.login = ? order by 1""").param(login).query(String.class).list();
    }

    private static InMemoryDirectoryServer start() {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=ministry,dc=local");
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            try (LDIFReader ldif =
                    new LDIFReader(DirectoryLoginIT.class.getResourceAsStream("/directory/ministry.ldif"))) {
                server.importFromLDIF(true, ldif);
            }
            server.startListening();
            return server;
        } catch (Exception ex) {
            throw new IllegalStateException("the in-memory directory did not start", ex);
        }
    }
}
