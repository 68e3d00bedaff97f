package ru.otklik.intake.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import ru.otklik.calendar.MinistryTime;

/**
 * Reads the first sheet of an XLSX workbook as rows of text while streaming its XML (POI's event API), never
 * building the workbook in memory: reading stops as soon as the sheet has more rows than allowed, so a file of
 * 700,000 rows costs no more than one of 50,001. Shared strings are looked up afterwards, and only those the rows
 * read use. The zip is opened by POI's {@link ZipSecureFile} (zip bombs refused) and the XML parsed by POI's
 * secured SAX parser (no external entities, no DTDs).
 */
final class XlsxSheetReader {

    /** The rows read, whether reading stopped at the limit, and the sheet's name. */
    record Sheet(List<List<String>> records, boolean tooManyRows, String name) {}

    /** Marks a shared string in a cell until the shared strings are read; XML cannot hold NUL, so no text can. */
    private static final char SHARED = '\0';

    private XlsxSheetReader() {}

    /**
     * The first sheet's rows (empty rows included, so that a record's index is its row number − 1), at most
     * {@code maxRecords + 1} of them.
     */
    static Sheet read(byte[] bytes, int maxRecords)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        ZipSecureFile.setMinInflateRatio(0.005);
        Path file = Files.createTempFile("otklik-import-", ".xlsx");
        try {
            Files.write(file, bytes);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                if (!sheets.hasNext()) {
                    return new Sheet(List.of(), false, "");
                }
                Rows rows = new Rows(maxRecords);
                try (InputStream sheet = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(
                            reader.getStylesTable(), null, new Deferred(), rows, new LocalDates(), false));
                    parser.parse(new InputSource(sheet));
                } catch (EnoughRows enough) {
                    // the limit is passed: the rest of the sheet is never read
                }
                resolveSharedStrings(pkg, rows.records);
                return new Sheet(rows.records, rows.records.size() > maxRecords, sheets.getSheetName());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Replaces the shared-string markers by their text, reading the shared strings only as far as needed. */
    private static void resolveSharedStrings(OPCPackage pkg, List<List<String>> records)
            throws IOException, SAXException, ParserConfigurationException {
        Map<Integer, String> wanted = new HashMap<>();
        for (List<String> record : records) {
            for (String value : record) {
                if (!value.isEmpty() && value.charAt(0) == SHARED) {
                    wanted.put(Integer.parseInt(value.substring(1)), "");
                }
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (!parts.isEmpty()) {
            try (InputStream in = parts.get(0).getInputStream()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new SharedStringsHandler(wanted));
                parser.parse(new InputSource(in));
            } catch (Enough enough) {
                // every wanted string is read
            }
        }
        for (List<String> record : records) {
            for (int i = 0; i < record.size(); i++) {
                String value = record.get(i);
                if (!value.isEmpty() && value.charAt(0) == SHARED) {
                    record.set(i, wanted.getOrDefault(Integer.parseInt(value.substring(1)), ""));
                }
            }
        }
    }

    /** Stops a SAX parse early. */
    private static final class Enough extends SAXException {
        Enough() {
            super("enough read");
        }
    }

    /** Collects rows; throws {@link Enough} once there is one more than allowed. */
    private static final class Rows implements SheetContentsHandler {

        final List<List<String>> records = new ArrayList<>();
        private final int maxRecords;
        private List<String> current;

        Rows(int maxRecords) {
            this.maxRecords = maxRecords;
        }

        @Override
        public void startRow(int rowNum) {
            // rows absent from the sheet are empty rows
            while (records.size() < rowNum && records.size() <= maxRecords) {
                records.add(new ArrayList<>());
            }
            current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (records.size() > maxRecords) {
                throw new EnoughRows();
            }
            records.add(current);
            if (records.size() > maxRecords) {
                throw new EnoughRows();
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? current.size() : new CellReference(reference).getCol();
            while (current.size() < column) {
                current.add("");
            }
            current.add(value == null ? "" : value);
        }
    }

    /** Thrown from a row callback, which may not throw the checked {@link Enough}; unwrapped by the parser. */
    private static final class EnoughRows extends RuntimeException {
        EnoughRows() {
            super(null, null, false, false);
        }
    }

    /** Hands out markers for shared strings; their text is read later, only for the rows kept. */
    private static final class Deferred implements SharedStrings {

        @Override
        public RichTextString getItemAt(int idx) {
            return new Marker(SHARED + Integer.toString(idx));
        }

        @Override
        public int getCount() {
            return 0;
        }

        @Override
        public int getUniqueCount() {
            return 0;
        }
    }

    /** A shared string's place-holder: only its text is ever asked for. */
    private record Marker(String text) implements RichTextString {

        @Override
        public String getString() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public void applyFont(int startIndex, int endIndex, short fontIndex) {}

        @Override
        public void applyFont(int startIndex, int endIndex, Font font) {}

        @Override
        public void applyFont(Font font) {}

        @Override
        public void applyFont(short fontIndex) {}

        @Override
        public void clearFormatting() {}

        @Override
        public int numFormattingRuns() {
            return 0;
        }

        @Override
        public int getIndexOfFormattingRun(int index) {
            return 0;
        }
    }

    /** Numbers as the sheet shows them, but a date cell as ISO-8601 in the Ministry's time (a date has no zone). */
    private static final class LocalDates extends DataFormatter {

        LocalDates() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(
                double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime local = DateUtil.getLocalDateTime(value, use1904Windowing, true);
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local.atZone(MinistryTime.ZONE));
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    /** Reads the text of the wanted shared strings ({@code <si>}, runs joined, phonetic runs skipped). */
    private static final class SharedStringsHandler extends DefaultHandler {

        private final Map<Integer, String> wanted;
        private final int last;
        private final StringBuilder text = new StringBuilder();
        private int index = -1;
        private boolean inText;
        private boolean inPhonetic;

        SharedStringsHandler(Map<Integer, String> wanted) {
            this.wanted = wanted;
            this.last =
                    wanted.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "si" -> {
                    index++;
                    text.setLength(0);
                }
                case "rPh" -> inPhonetic = true;
                case "t" -> inText = !inPhonetic;
                default -> {}
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "si" -> {
                    if (wanted.containsKey(index)) {
                        wanted.put(index, text.toString());
                    }
                    if (index >= last) {
                        throw new Enough();
                    }
                }
                case "rPh" -> inPhonetic = false;
                case "t" -> inText = false;
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                text.append(ch, start, length);
            }
        }
    }
}
