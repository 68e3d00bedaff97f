package ru.otklik.intake.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.otklik.intake.MessageField;

/**
 * Reads an export of ЦУР's system: a CSV file (UTF-8 with or without BOM, or Windows-1251; separated by {@code ;},
 * {@code ,} or tab; fields may be quoted) or the first sheet of an XLSX workbook, streamed by {@link XlsxSheetReader}
 * so that the row limit is checked while reading. The first non-empty row holds the column headers (English field
 * names or Russian, see {@link MessageField}); unknown columns are ignored. No Spring, no database.
 */
final class ImportFile {

    /** The most rows one file may hold. */
    static final int MAX_ROWS = 50_000;

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    /** A data row: its number as the person sees it in the file (the header is row 1) and its values by field. */
    record Line(int number, Map<MessageField, String> values) {}

    /** What was read: rows, or a problem with the whole file (a message code of i18n/intake and its argument). */
    record Parsed(
            List<Line> lines, List<String> ignoredColumns, String format, String problem, String problemArgument) {

        static Parsed failed(String problem, String argument) {
            return new Parsed(List.of(), List.of(), null, problem, argument);
        }

        boolean ok() {
            return problem == null;
        }
    }

    private ImportFile() {}

    static Parsed read(String fileName, byte[] bytes) {
        if (bytes.length == 0) {
            return Parsed.failed("import.file.empty", null);
        }
        boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (zip) {
            return xlsx(bytes);
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            return Parsed.failed("import.file.notXlsx", null);
        }
        return csv(bytes);
    }

    // ---------------------------------------------------------------- CSV

    private static Parsed csv(byte[] bytes) {
        String content;
        String encoding;
        int offset =
                bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                        ? 3
                        : 0;
        try {
            content = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
            encoding = "UTF-8";
        } catch (CharacterCodingException ex) {
            // not valid UTF-8: the other encoding Russian spreadsheets are saved in
            content = new String(bytes, WINDOWS_1251);
            encoding = "Windows-1251";
        }
        if (content.indexOf('\0') >= 0) {
            return Parsed.failed("import.file.binary", null);
        }
        char separator = separator(content);
        List<List<String>> records = new ArrayList<>();
        String problem = parseCsv(content, separator, records);
        if (problem != null) {
            return Parsed.failed(problem, null);
        }
        String separatorName = separator == '\t' ? "табуляция" : String.valueOf(separator);
        return table(records, "CSV, " + encoding + ", разделитель «" + separatorName + "»");
    }

    /** The separator of the header line: the most frequent of ';', ',' and tab outside quotes. */
    private static char separator(String content) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (semicolons + commas + tabs > 0) {
                    break;
                }
            } else if (!quoted) {
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons >= commas ? ';' : ',';
    }

    /** RFC 4180 with any line ends: quoted fields may hold separators, doubled quotes and line breaks. */
    private static String parseCsv(String content, char separator, List<List<String>> records) {
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        int n = content.length();
        while (i < n) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && content.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                field.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else if (c == separator) {
                record.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                records.add(record);
                record = new ArrayList<>();
                if (c == '\r' && i + 1 < n && content.charAt(i + 1) == '\n') {
                    i++;
                }
                if (records.size() > MAX_ROWS + 1) {
                    return "import.file.tooManyRows";
                }
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            return "import.file.unclosedQuote";
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return null;
    }

    // ---------------------------------------------------------------- XLSX

    /** The most rows of a sheet read: the header, a blank row above it, and one row more than allowed. */
    static final int MAX_XLSX_RECORDS = MAX_ROWS + 2;

    /** Streams the first sheet and stops past the row limit; the workbook is never built in memory. */
    private static Parsed xlsx(byte[] bytes) {
        try {
            XlsxSheetReader.Sheet sheet = XlsxSheetReader.read(bytes, MAX_XLSX_RECORDS);
            if (sheet.tooManyRows()) {
                return Parsed.failed("import.file.tooManyRows", null);
            }
            if (sheet.records().isEmpty() && sheet.name().isEmpty()) {
                return Parsed.failed("import.file.empty", null);
            }
            return table(sheet.records(), "XLSX, лист «" + sheet.name() + "»");
        } catch (Exception ex) {
            // POI reports a damaged or hostile file (zip bomb, external entities, not a workbook) in various ways
            return Parsed.failed("import.file.badXlsx", null);
        }
    }

    // ---------------------------------------------------------------- both

    private static Parsed table(List<List<String>> records, String format) {
        int header = 0;
        while (header < records.size() && blank(records.get(header))) {
            header++;
        }
        if (header == records.size()) {
            return Parsed.failed("import.file.empty", null);
        }
        List<String> headers = records.get(header);
        MessageField[] columns = new MessageField[headers.size()];
        List<String> ignored = new ArrayList<>();
        Map<MessageField, Integer> seen = new EnumMap<>(MessageField.class);
        for (int c = 0; c < headers.size(); c++) {
            String title = headers.get(c).strip();
            var field = MessageField.byHeader(title);
            if (field.isEmpty()) {
                if (!title.isEmpty()) {
                    ignored.add(title);
                }
                continue;
            }
            if (seen.put(field.get(), c) != null) {
                return Parsed.failed("import.file.duplicateColumn", title);
            }
            columns[c] = field.get();
        }
        List<String> missing = new ArrayList<>();
        for (MessageField field : MessageField.values()) {
            if (field.required() && !seen.containsKey(field)) {
                missing.add(field.json() + " («" + field.russianHeaders().get(0) + "»)");
            }
        }
        if (!missing.isEmpty()) {
            return Parsed.failed("import.file.missingColumns", String.join(", ", missing));
        }
        List<Line> lines = new ArrayList<>();
        for (int r = header + 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            if (blank(record)) {
                continue;
            }
            if (lines.size() == MAX_ROWS) {
                return Parsed.failed("import.file.tooManyRows", null);
            }
            Map<MessageField, String> values = new EnumMap<>(MessageField.class);
            for (int c = 0; c < Math.min(record.size(), columns.length); c++) {
                if (columns[c] != null) {
                    values.put(columns[c], record.get(c));
                }
            }
            lines.add(new Line(r + 1, values));
        }
        if (lines.isEmpty()) {
            return Parsed.failed("import.file.noRows", null);
        }
        return new Parsed(lines, ignored, format, null, null);
    }

    private static boolean blank(List<String> record) {
        return record.stream().allMatch(v -> v == null || v.isBlank());
    }
}
