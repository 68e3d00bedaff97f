package ru.otklik.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.otklik.posts.Importance;
import ru.otklik.posts.Source;
import ru.otklik.posts.internal.Post;
import ru.otklik.posts.internal.Posts;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;

/**
 * The org specialist imports ЦУР's exports: preview first, then the good rows are registered, and a repeated import
 * registers nothing twice.
 */
@IntegrationTest
class ImportIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Posts posts;

    @Autowired
    JdbcClient jdbc;

    static String prefix() {
        return "IMP-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    String upload(Cookie session, String name, byte[] bytes) throws Exception {
        MvcResult result = mvc.perform(multipart("/import")
                        .file(new MockMultipartFile("file", name, "text/csv", bytes))
                        .cookie(session)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        return result.getResponse().getRedirectedUrl();
    }

    void saveAndWait(Cookie session, String page) throws Exception {
        mvc.perform(post(page + "/save").cookie(session).with(csrf())).andExpect(status().is3xxRedirection());
        UUID id = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
        for (int i = 0; i < 300; i++) {
            String state = jdbc.sql("select state from import_upload where id = ?")
                    .param(id)
                    .query(String.class)
                    .single();
            if (state.equals("DONE")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish in 30 s");
    }

    List<Long> linksOf(String externalId) {
        return jdbc.sql("select l.linked_post_id from post_link l join post p on p.id = l.post_id"
                        + " where p.external_id = ? order by 1")
                .param(externalId)
                .query(Long.class)
                .list();
    }

    long postCount() {
        return jdbc.sql("select count(*) from post").query(Long.class).single();
    }

    @Test
    void aUtf8SemicolonCsvWithRussianHeadersIsPreviewedThenItsGoodRowsAreSaved() throws Exception {
        String p = prefix();
        String csv = "\uFEFFВнешний ID;Источник;Ссылка;Автор;Ссылка на автора;Текст;Выявлено;Важность;Тема\r\n"
                + p
                + "1;VK;https://vk.com/wall-1_1;Иван И.;https://vk.com/id1;\"Вопрос; с точкой с запятой,\r\nдвумя строками и \"\"кавычками\"\"\";01.12.2026 09:00;повышенная;ЖКХ\r\n"
                + p + "2;ВКонтакте;https://vk.com/wall-1_2;;;Второй вопрос;2026-12-01T09:10:00+07:00;;\r\n"
                + p + "3;TELEGRAM;ftp://bad;;;;завтра;;\r\n";
        Cookie specialist = Sessions.login(mvc, "specialist");
        long before = postCount();
        String page = upload(specialist, "выгрузка.csv", csv.getBytes(StandardCharsets.UTF_8));

        // the preview lists every row, the bad one with each of its problems, and saves nothing
        mvc.perform(get(page).cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(p + "1")))
                .andExpect(content().string(containsString(p + "2")))
                .andExpect(content().string(containsString("Неизвестный источник «TELEGRAM»")))
                .andExpect(content().string(containsString("«Текст» (text): Поле обязательно.")))
                .andExpect(content().string(containsString("«Выявлено» (detectedAt)")))
                .andExpect(content().string(containsString("Сохранить (2 новых)")));
        assertThat(postCount()).isEqualTo(before);

        saveAndWait(specialist, page);

        Post first = posts.findByExternalId(p + "1").orElseThrow();
        assertThat(first.getText()).isEqualTo("Вопрос; с точкой с запятой,\nдвумя строками и \"кавычками\"");
        assertThat(first.getImportance()).isEqualTo(Importance.HIGH);
        assertThat(first.getDetectedAt())
                .isEqualTo(LocalDateTime.parse("2026-12-01T02:00").toInstant(java.time.ZoneOffset.UTC));
        assertThat(first.getTopic()).isEqualTo("ЖКХ");
        Post second = posts.findByExternalId(p + "2").orElseThrow();
        assertThat(second.getSource()).isEqualTo(Source.VK);
        assertThat(second.getImportance()).isEqualTo(Importance.NORMAL);
        assertThat(posts.findByExternalId(p + "3")).isEmpty();
        assertThat(postCount()).isEqualTo(before + 2);
        mvc.perform(get(page).cookie(specialist))
                .andExpect(content().string(containsString("Готово: зарегистрировано 2, уже были 0, не приняты 0.")));
        mvc.perform(get(page + "/progress").cookie(specialist).header("HX-Request", "true"))
                .andExpect(header().string("HX-Refresh", "true"));
    }

    @Test
    void aWindows1251CommaCsvWithEnglishHeadersIsRead() throws Exception {
        String p = prefix();
        String csv = "externalId,source,url,authorName,text,detectedAt,importance\n" + p
                + "1,OK,https://ok.ru/group/1,Пётр Ё.,\"Когда починят лифт, подъезд 3?\",2026-12-01T08:00:00+07:00,NORMAL\n";
        Cookie specialist = Sessions.login(mvc, "orghead");
        String page = upload(specialist, "export.csv", csv.getBytes(Charset.forName("windows-1251")));
        saveAndWait(specialist, page);
        Post post = posts.findByExternalId(p + "1").orElseThrow();
        assertThat(post.getText()).isEqualTo("Когда починят лифт, подъезд 3?");
        assertThat(post.getAuthorName()).isEqualTo("Пётр Ё.");
    }

    @Test
    void anXlsxWithADateCellIsReadAndABadRowIsReported() throws Exception {
        String p = prefix();
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Выгрузка");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy hh:mm"));
            String[] headers = {"Внешний ID", "Источник", "Ссылка", "Текст", "Выявлено", "Важность"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            Row good = sheet.createRow(1);
            good.createCell(0).setCellValue(p + "1");
            good.createCell(1).setCellValue("BLOG");
            good.createCell(2).setCellValue("https://blog.example/post");
            good.createCell(3).setCellValue("Из таблицы");
            good.createCell(4).setCellValue(LocalDateTime.parse("2026-12-01T09:30"));
            good.getCell(4).setCellStyle(date);
            good.createCell(5).setCellValue("HIGH");
            Row bad = sheet.createRow(2);
            bad.createCell(0).setCellValue(p + "2");
            bad.createCell(1).setCellValue("VK");
            bad.createCell(2).setCellValue("vk.com/no-scheme");
            bad.createCell(3).setCellValue("Без схемы в ссылке");
            bad.createCell(4).setCellValue(LocalDateTime.parse("2026-12-01T09:30"));
            bad.getCell(4).setCellStyle(date);
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        Cookie specialist = Sessions.login(mvc, "specialist");
        String page = upload(specialist, "выгрузка.xlsx", xlsx);
        mvc.perform(get(page).cookie(specialist).param("problems", "true"))
                .andExpect(content().string(containsString(p + "2")))
                .andExpect(content().string(containsString("«Ссылка» (url)")))
                .andExpect(content().string(not(containsString(p + "1"))));
        saveAndWait(specialist, page);
        Post post = posts.findByExternalId(p + "1").orElseThrow();
        assertThat(post.getDetectedAt())
                .isEqualTo(LocalDateTime.parse("2026-12-01T02:30").toInstant(java.time.ZoneOffset.UTC));
        assertThat(post.getImportance()).isEqualTo(Importance.HIGH);
        assertThat(posts.findByExternalId(p + "2")).isEmpty();
    }

    @Test
    void importingTheSameFileAgainRegistersNothingTwice() throws Exception {
        String p = prefix();
        StringBuilder csv = new StringBuilder("externalId;source;url;text;detectedAt\n");
        for (int i = 1; i <= 20; i++) {
            csv.append(p)
                    .append(i)
                    .append(";VK;https://vk.com/wall-1_")
                    .append(i)
                    .append(";Сообщение ")
                    .append(i)
                    .append(";2026-12-01T09:00:00+07:00\n");
        }
        Cookie specialist = Sessions.login(mvc, "specialist");
        saveAndWait(specialist, upload(specialist, "a.csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
        long after = postCount();

        String again = upload(specialist, "a.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        mvc.perform(get(again).cookie(specialist))
                .andExpect(content().string(containsString("Сохранить (0 новых)")))
                .andExpect(content().string(containsString("disabled")))
                .andExpect(content().string(containsString("уже зарегистрировано")));
        saveAndWait(specialist, again);
        mvc.perform(get(again).cookie(specialist))
                .andExpect(content().string(containsString("Готово: зарегистрировано 0, уже были 20, не приняты 0.")));
        assertThat(postCount()).isEqualTo(after);
    }

    @Test
    void aRowWhoseExternalIdWasTakenWithOtherContentIsAnError() throws Exception {
        String p = prefix();
        Cookie specialist = Sessions.login(mvc, "specialist");
        saveAndWait(
                specialist,
                upload(
                        specialist,
                        "a.csv",
                        ("externalId;source;url;text;detectedAt\n" + p
                                        + "1;VK;https://vk.com/1;Первый текст;2026-12-01T09:00:00+07:00\n")
                                .getBytes(StandardCharsets.UTF_8)));
        String page = upload(
                specialist,
                "b.csv",
                ("externalId;source;url;text;detectedAt\n" + p
                                + "1;VK;https://vk.com/1;Другой текст;2026-12-01T09:00:00+07:00\n")
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(get(page).cookie(specialist))
                .andExpect(content().string(containsString("Внешний ID уже занят сообщением")));
        assertThat(posts.findByExternalId(p + "1").orElseThrow().getText()).isEqualTo("Первый текст");
    }

    @Test
    void theSampleFilesUseTheAppsOwnColumnNamesAndImportAsTheyAre() throws Exception {
        Cookie specialist = Sessions.login(mvc, "specialist");
        mvc.perform(get("/import").cookie(specialist))
                .andExpect(content().string(containsString("href=\"/import/sample.csv\"")))
                .andExpect(content().string(containsString("href=\"/import/sample.xlsx\"")))
                .andExpect(content().string(not(containsString("_csrf="))));
        byte[] csv = mvc.perform(get("/import/sample.csv").cookie(specialist))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFFНомер ЦУР;Источник;Ссылка;");
        byte[] xlsx = mvc.perform(get("/import/sample.xlsx").cookie(specialist))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (Workbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Номер ЦУР");
        }
        String p = prefix();
        String own = "Номер ЦУР;Соцсеть;Ссылка на публикацию;Текст публикации;Дата\n" + p
                + "1;VK;https://vk.com/wall-1_900;Вопрос;01.12.2026 09:00\n";
        String page = upload(specialist, "свои-названия.csv", own.getBytes(StandardCharsets.UTF_8));
        mvc.perform(get(page).cookie(specialist)).andExpect(content().string(containsString("Сохранить (1 новых)")));
    }

    @Test
    void aRefusedFileIsNamedAndThePersonIsToldToChooseItAgain() throws Exception {
        mvc.perform(multipart("/import")
                        .file(new MockMultipartFile(
                                "file",
                                "выгрузка.csv",
                                "text/csv",
                                "Номер ЦУР;Ссылка\n1;https://vk.com\n".getBytes(StandardCharsets.UTF_8)))
                        .cookie(Sessions.login(mvc, "specialist"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Исправьте файл «выгрузка.csv» и выберите его ещё раз")));
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedWithTheirNames() throws Exception {
        Cookie specialist = Sessions.login(mvc, "specialist");
        mvc.perform(multipart("/import")
                        .file(new MockMultipartFile(
                                "file",
                                "x.csv",
                                "text/csv",
                                "externalId;Ссылка\n1;https://vk.com\n".getBytes(StandardCharsets.UTF_8)))
                        .cookie(specialist)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "Нет обязательных столбцов: source («Источник»), text («Текст»), detectedAt («Выявлено»).")));
        mvc.perform(multipart("/import")
                        .file(new MockMultipartFile(
                                "file",
                                "x.xlsx",
                                "application/octet-stream",
                                "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1)))
                        .cookie(specialist)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Не удалось прочитать книгу XLSX")));
        mvc.perform(multipart("/import").cookie(specialist).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Выберите файл CSV или XLSX.")));
    }

    @Test
    void tenThousandRowsArePreviewedPageByPageAndSavedWithVisibleProgress() throws Exception {
        String p = prefix();
        StringBuilder csv = new StringBuilder("externalId;source;url;text;detectedAt\n");
        for (int i = 1; i <= 10_000; i++) {
            csv.append(p)
                    .append(i)
                    .append(";OK;https://ok.ru/topic/")
                    .append(i)
                    .append(";Вопрос о пособии № ")
                    .append(i)
                    .append(";01.12.2026 08:")
                    .append(String.format("%02d", i % 60))
                    .append('\n');
        }
        Cookie specialist = Sessions.login(mvc, "specialist");
        long before = postCount();
        String page = upload(specialist, "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        mvc.perform(get(page).cookie(specialist).param("page", "49"))
                .andExpect(content().string(matchesPattern("(?s).*Сохранить \\(10[\\s\u00A0\u202F]?000 новых\\).*")))
                .andExpect(content().string(containsString(p + "10000")))
                .andExpect(content().string(not(containsString(">" + p + "9800<"))));
        mvc.perform(post(page + "/save").cookie(specialist).with(csrf()));
        // while saving, the page shows a progress bar that polls itself every second
        mvc.perform(get(page + "/progress").cookie(specialist).header("HX-Request", "true"))
                .andExpect(content().string(containsString("hx-trigger=\"every 1s\"")))
                .andExpect(content().string(matchesPattern("(?s).*из 10[\\s\u00A0\u202F]?000 строк.*")));
        // saving twice at once is refused
        mvc.perform(post(page + "/save").cookie(specialist).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("warning", "import.save.already"));
        UUID id = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
        for (int i = 0;
                i < 1800
                        && !"DONE"
                                .equals(jdbc.sql("select state from import_upload where id = ?")
                                        .param(id)
                                        .query(String.class)
                                        .single());
                i++) {
            Thread.sleep(200);
        }
        mvc.perform(get(page).cookie(specialist))
                .andExpect(
                        content()
                                .string(
                                        matchesPattern(
                                                "(?s).*Готово: зарегистрировано 10[\\s\u00A0\u202F]?000, уже были 0, не приняты 0\\..*")));
        assertThat(postCount()).isEqualTo(before + 10_000);
    }

    @Test
    void onlyOrgStaffMayImport() throws Exception {
        mvc.perform(get("/import").cookie(Sessions.login(mvc, "executor"))).andExpect(status().isForbidden());
        mvc.perform(get("/import").cookie(Sessions.login(mvc, "admin"))).andExpect(status().isForbidden());
        mvc.perform(get("/import").cookie(Sessions.login(mvc, "specialist")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ссылка на автора")))
                .andExpect(content().string(containsString("Windows-1251")));
        mvc.perform(get("/import/" + UUID.randomUUID()).cookie(Sessions.login(mvc, "specialist")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/import/not-a-uuid").cookie(Sessions.login(mvc, "specialist")))
                .andExpect(status().isNotFound());
    }

    @Test
    void anImportedPostIsLinkedAtOnceToEarlierPostsOfTheSameAuthorOrOnTheSameLink() throws Exception {
        String p = prefix();
        String author = "https://vk.com/id" + UUID.randomUUID().toString().substring(0, 8);
        String wall = "https://vk.com/wall-7_" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "externalId;source;url;authorName;authorUrl;text;detectedAt\n"
                + p + "1;VK;" + wall + ";Анна К.;" + author
                + ";Когда придёт единое пособие?;2026-12-01T08:00:00+07:00\n"
                + p + "2;VK;https://vk.com/wall-7_other" + p + ";Анна К.;" + author
                + ";Пособие так и не пришло;2026-12-01T08:30:00+07:00\n"
                + p + "3;VK;" + wall + ";Другой человек;;И у меня тот же вопрос;2026-12-01T08:40:00+07:00\n"
                + p + "4;VK;https://vk.com/wall-7_unrelated" + p + ";Третий;;Когда отремонтируют дорогу?;"
                + "2026-12-01T08:50:00+07:00\n";
        Cookie specialist = Sessions.login(mvc, "specialist");
        saveAndWait(specialist, upload(specialist, "povtory.csv", csv.getBytes(StandardCharsets.UTF_8)));

        long first = posts.findByExternalId(p + "1").orElseThrow().getId();
        // the same author's later post, and a post on the same link, are linked to the first one
        assertThat(linksOf(p + "2")).containsExactly(first);
        assertThat(linksOf(p + "3")).contains(first);
        assertThat(linksOf(p + "4")).isEmpty();
        long second = posts.findByExternalId(p + "2").orElseThrow().getId();
        mvc.perform(get("/posts/" + second).cookie(specialist))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(p + "1")))
                .andExpect(content().string(not(containsString("Связанных сообщений нет"))));
    }
}
