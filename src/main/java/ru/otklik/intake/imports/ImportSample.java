package ru.otklik.intake.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import ru.otklik.intake.MessageField;

/**
 * The sample file offered on the import page: the main Russian header of every column and one row that imports.
 */
final class ImportSample {

    private static final Map<MessageField, String> EXAMPLE = Map.of(
            MessageField.EXTERNAL_ID, "IM-2026-000123",
            MessageField.SOURCE, "ВКонтакте",
            MessageField.URL, "https://vk.com/wall-100_123",
            MessageField.AUTHOR_NAME, "Анна Иванова",
            MessageField.AUTHOR_URL, "https://vk.com/id123",
            MessageField.TEXT, "Когда придёт выплата на ребёнка? Заявление подала три недели назад.",
            MessageField.DETECTED_AT, "01.12.2026 09:30",
            MessageField.IMPORTANCE, "обычная",
            MessageField.TOPIC, "Выплаты семьям с детьми");

    private ImportSample() {}

    static List<String> headers() {
        return List.of(MessageField.values()).stream()
                .map(f -> f.russianHeaders().get(0))
                .toList();
    }

    static List<String> row() {
        return List.of(MessageField.values()).stream()
                .map(f -> EXAMPLE.getOrDefault(f, ""))
                .toList();
    }

    static byte[] csv() {
        String text = "\uFEFF" + String.join(";", headers()) + "\r\n"
                + row().stream().map(ImportSample::quoted).collect(Collectors.joining(";")) + "\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Сообщения");
            write(sheet.createRow(0), headers());
            write(sheet.createRow(1), row());
            for (int c = 0; c < headers().size(); c++) {
                sheet.setColumnWidth(c, 24 * 256);
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void write(Row row, List<String> values) {
        for (int c = 0; c < values.size(); c++) {
            row.createCell(c).setCellValue(values.get(c));
        }
    }

    private static String quoted(String value) {
        return value.contains(";") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
