package ru.otklik.intake.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.otklik.intake.MessageField;

/**
 * An XLSX far over the row limit is refused while it is read: the sheet is streamed and reading stops one row past
 * the limit, so the workbook is never built in memory whatever its size.
 */
class XlsxStreamingTest {

    static final int ROWS = 150_000;
    static byte[] huge;

    @BeforeAll
    static void aWorkbookOfThreeTimesTheLimitWrittenByStreaming() throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Выгрузка");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("externalId");
            header.createCell(1).setCellValue("url");
            header.createCell(2).setCellValue("text");
            for (int r = 1; r <= ROWS; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("CUR-" + r);
                row.createCell(1).setCellValue("https://vk.com/wall-1_" + r);
                row.createCell(2).setCellValue("Сообщение номер " + r);
            }
            workbook.write(out);
            huge = out.toByteArray();
        }
    }

    @Test
    void readingStopsOneRowPastTheLimit() throws Exception {
        XlsxSheetReader.Sheet sheet = XlsxSheetReader.read(huge, ImportFile.MAX_XLSX_RECORDS);

        assertThat(sheet.tooManyRows()).isTrue();
        assertThat(sheet.records()).hasSize(ImportFile.MAX_XLSX_RECORDS + 1);
        assertThat(sheet.records().get(ImportFile.MAX_XLSX_RECORDS))
                .containsExactly(
                        "CUR-" + ImportFile.MAX_XLSX_RECORDS,
                        "https://vk.com/wall-1_" + ImportFile.MAX_XLSX_RECORDS,
                        "Сообщение номер " + ImportFile.MAX_XLSX_RECORDS);
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheMessageQuickly() {
        long started = System.nanoTime();
        ImportFile.Parsed parsed = ImportFile.read("export.xlsx", huge);

        assertThat(parsed.problem()).isEqualTo("import.file.tooManyRows");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void sharedStringsDatesAndNumbersAreReadAsTheSheetShowsThem() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Лист");
            workbook.createSheet("Второй");
            Row header = sheet.createRow(1); // a blank first row
            String[] titles = {"Внешний идентификатор", "Источник", "Ссылка", "Текст", "Дата выявления", "Число"};
            for (int c = 0; c < titles.length; c++) {
                header.createCell(c).setCellValue(titles[c]);
            }
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy hh:mm"));
            Row row = sheet.createRow(3); // a blank row between
            row.createCell(0).setCellValue("A-1");
            row.createCell(1).setCellValue("ВКонтакте");
            row.createCell(2).setCellValue("https://vk.com/wall-1_1");
            row.createCell(3).setCellValue("Первая строка\nвторая строка");
            row.createCell(4).setCellValue(LocalDateTime.of(2026, 11, 30, 9, 15));
            row.getCell(4).setCellStyle(date);
            row.createCell(5).setCellValue(42);
            workbook.write(out);
            bytes = out.toByteArray();
        }

        ImportFile.Parsed parsed = ImportFile.read("export.xlsx", bytes);

        assertThat(parsed.problem()).isNull();
        assertThat(parsed.format()).isEqualTo("XLSX, лист «Лист»");
        assertThat(parsed.lines()).hasSize(1);
        ImportFile.Line line = parsed.lines().get(0);
        assertThat(line.number()).isEqualTo(4);
        assertThat(line.values())
                .containsEntry(MessageField.EXTERNAL_ID, "A-1")
                .containsEntry(MessageField.SOURCE, "ВКонтакте")
                .containsEntry(MessageField.TEXT, "Первая строка\nвторая строка")
                .containsEntry(MessageField.DETECTED_AT, "2026-11-30T09:15:00+07:00");
        assertThat(parsed.ignoredColumns()).containsExactly("Число");
    }
}
