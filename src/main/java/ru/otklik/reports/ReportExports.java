package ru.otklik.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.reports.MonthlyReport.Breakdown;
import ru.otklik.reports.MonthlyReport.PerformerRow;
import ru.otklik.reports.MonthlyReport.RuleRow;
import ru.otklik.reports.MonthlyReport.SpecialistRow;

/**
 * The monthly report as tables, and the posts received during the month by registration number: one XLSX sheet per table (Russian headers, formatted), or one CSV with the same
 * tables one after another (UTF-8 with a BOM and «;» separators, as Excel in Russian expects).
 */
@Component
class ReportExports {

    /** A table of the report: its name, headers and rows of text or numbers. */
    record Table(String name, List<String> headers, List<List<Object>> rows) {}

    private final Labels labels;

    ReportExports(Labels labels) {
        this.labels = labels;
    }

    /** The report's tables, then the month's posts by registration number. */
    List<Table> tables(MonthlyReport report, List<ReportDrillDown.PostLine> posts) {
        List<Table> tables = new ArrayList<>();
        List<List<Object>> totals = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            totals.add(List.<Object>of(labels.measure(measure), report.total(measure)));
        }
        tables.add(new Table(
                labels.get("report.sheet.totals"),
                List.of(labels.get("report.column.measure"), labels.get("report.column.count")),
                totals));
        for (Dimension dimension : List.of(Dimension.SOURCE, Dimension.DEPARTMENT, Dimension.IMPORTANCE)) {
            Breakdown breakdown = report.breakdown(dimension);
            List<String> headers = new ArrayList<>();
            headers.add(labels.get("report.column." + dimension.name()));
            for (Measure measure : Measure.values()) {
                headers.add(labels.measure(measure));
            }
            List<List<Object>> rows = new ArrayList<>();
            for (MonthlyReport.Row row : breakdown.rows()) {
                List<Object> cells = new ArrayList<>();
                cells.add(row.label());
                for (Measure measure : Measure.values()) {
                    cells.add(row.count(measure));
                }
                rows.add(cells);
            }
            tables.add(new Table(labels.dimension(dimension), headers, rows));
        }
        List<List<Object>> rules = new ArrayList<>();
        for (RuleRow rule : report.rules()) {
            rules.add(List.<Object>of(
                    labels.rule(rule.code()),
                    rule.clause(),
                    rule.started(),
                    rule.met(),
                    rule.breached(),
                    rule.running(),
                    rule.cancelled(),
                    percent(rule.shareOnTime()),
                    rule.medianMinutes() == null ? "" : rule.medianMinutes(),
                    labels.get("report.clockKind." + rule.clockKind())));
        }
        tables.add(new Table(
                labels.get("report.sheet.rules"),
                List.of(
                        labels.get("report.column.rule"),
                        labels.get("report.column.clause"),
                        labels.get("report.column.started"),
                        labels.get("report.column.met"),
                        labels.get("report.column.breached"),
                        labels.get("report.column.running"),
                        labels.get("report.column.cancelled"),
                        labels.get("report.column.share"),
                        labels.get("report.column.median"),
                        labels.get("report.column.units")),
                rules));
        tables.add(performers(
                labels.get("report.sheet.executors"), labels.get("report.column.executor"), report.executors()));
        tables.add(performers(
                labels.get("report.sheet.departments"), labels.get("report.column.DEPARTMENT"), report.departments()));
        List<List<Object>> specialists = new ArrayList<>();
        for (SpecialistRow p : report.specialists()) {
            specialists.add(List.<Object>of(p.name(), p.onTime(), p.late(), percent(p.shareOnTime())));
        }
        tables.add(new Table(
                labels.get("report.sheet.specialists"),
                List.of(
                        labels.get("report.performers.specialists.name"),
                        labels.get("report.specialists.onTime"),
                        labels.get("report.specialists.late"),
                        labels.get("report.column.share")),
                specialists));
        tables.add(posts(posts));
        return tables;
    }

    /** The posts received during the month, each named by its registration number and ЦУР's id. */
    private Table posts(List<ReportDrillDown.PostLine> posts) {
        List<List<Object>> rows = new ArrayList<>();
        for (ReportDrillDown.PostLine p : posts) {
            rows.add(List.<Object>of(
                    p.registrationNumber(),
                    p.externalId(),
                    MinistryTime.format(p.receivedAt()),
                    labels.source(p.source()),
                    labels.importance(p.importance()),
                    labels.get("posts.state." + p.state()),
                    p.excerpt()));
        }
        return new Table(
                labels.get("report.sheet.posts"),
                List.of(
                        labels.get("report.drill.registrationNumber"),
                        labels.get("report.drill.externalId"),
                        labels.get("report.drill.received"),
                        labels.get("report.column.SOURCE"),
                        labels.get("report.column.IMPORTANCE"),
                        labels.get("report.drill.state"),
                        labels.get("report.drill.text")),
                rows);
    }

    byte[] xlsx(MonthlyReport report, List<ReportDrillDown.PostLine> posts) {
        try (Workbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            for (Table table : tables(report, posts)) {
                Sheet sheet = workbook.createSheet(sheetName(table.name()));
                org.apache.poi.ss.usermodel.Row title = sheet.createRow(0);
                title.createCell(0)
                        .setCellValue(formulaSafe(
                                labels.get("report.export.title", report.month().toString())));
                org.apache.poi.ss.usermodel.Row head = sheet.createRow(1);
                for (int i = 0; i < table.headers().size(); i++) {
                    Cell cell = head.createCell(i);
                    cell.setCellValue(formulaSafe(table.headers().get(i)));
                    cell.setCellStyle(header);
                }
                int r = 2;
                for (List<Object> values : table.rows()) {
                    org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
                    for (int i = 0; i < values.size(); i++) {
                        Object value = values.get(i);
                        Cell cell = row.createCell(i);
                        if (value instanceof Number number) {
                            cell.setCellValue(number.doubleValue());
                        } else if (value instanceof Share share) {
                            cell.setCellValue(share.value());
                            cell.setCellStyle(percent);
                        } else {
                            cell.setCellValue(formulaSafe(String.valueOf(value)));
                        }
                    }
                }
                sheet.createFreezePane(0, 2);
                for (int i = 0; i < table.headers().size(); i++) {
                    sheet.setColumnWidth(i, i == 0 ? 45 * 256 : 18 * 256);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    byte[] csv(MonthlyReport report, List<ReportDrillDown.PostLine> posts) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(cell(labels.get("report.export.title", report.month().toString())))
                .append("\r\n\r\n");
        for (Table table : tables(report, posts)) {
            csv.append(cell(table.name())).append("\r\n");
            csv.append(String.join(
                            ";",
                            table.headers().stream().map(ReportExports::cell).toList()))
                    .append("\r\n");
            for (List<Object> row : table.rows()) {
                csv.append(String.join(
                                ";", row.stream().map(ReportExports::csvValue).toList()))
                        .append("\r\n");
            }
            csv.append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A share on time, kept as a number for XLSX and written as «87,5 %» in CSV. */
    record Share(double value) {

        String text() {
            return String.format(Labels.RU, "%.1f %%", value * 100);
        }
    }

    private List<List<Object>> performerRows(List<PerformerRow> performers) {
        List<List<Object>> rows = new ArrayList<>();
        for (PerformerRow p : performers) {
            rows.add(List.<Object>of(
                    p.name(), p.assignments(), p.answers(), p.onTime(), p.late(), percent(p.shareOnTime())));
        }
        return rows;
    }

    private Table performers(String name, String first, List<PerformerRow> performers) {
        return new Table(
                name,
                List.of(
                        first,
                        labels.get("report.column.assignments"),
                        labels.get("report.column.answers"),
                        labels.get("report.column.onTime"),
                        labels.get("report.column.late"),
                        labels.get("report.column.share")),
                performerRows(performers));
    }

    private static Object percent(Double share) {
        return share == null ? "" : new Share(share);
    }

    private static String sheetName(String name) {
        String clean = name.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return clean.length() > 31 ? clean.substring(0, 31) : clean;
    }

    private static String csvValue(Object value) {
        if (value instanceof Share share) {
            return share.text();
        }
        return value instanceof Number ? String.valueOf(value) : cell(String.valueOf(value));
    }

    /**
     * Text that a spreadsheet would read as a formula (it begins with {@code = + - @}, a tab or a carriage return)
     * gets a leading apostrophe, so a name an admin typed as {@code =HYPERLINK(…)} stays text (OWASP, CSV
     * injection). Every text cell of every export goes through here; numbers do not.
     */
    static String formulaSafe(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    /** A CSV field: formula-safe, and quoted when it holds the separator, a quote or a line break. */
    private static String cell(String text) {
        String value = formulaSafe(text);
        if (value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
