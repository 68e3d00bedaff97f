package ru.otklik;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The table of docs/REGULATION.md stays true: each clause of Приказ № 198 and of its Положение has a row, and every
 * class, method, deadline rule, template and test the table names exists. The reference syntax is described at the
 * top of the document: in the column «Как выполняет Otklik» {@code `Class`}, {@code `Class#method`} (optionally
 * {@code `package.Class#method`} under {@code ru.otklik}) name main code, {@code `RULE_CODE`} a deadline rule seeded
 * by a migration, {@code `folder/page.html`} a template and {@code `/address`} a page (not checked); in the column
 * «Тесты» {@code `TestClass`} or {@code `TestClass#method`} name a test.
 */
class RegulationTableTest {

    private static final Path TABLE = Path.of("docs/REGULATION.md");
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path TESTS = Path.of("src/test/java");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern CLASS_REF =
            Pattern.compile("((?:[a-z][a-z0-9]*\\.)*)(\\p{Lu}[\\p{L}\\p{N}_]*)(?:#([\\p{L}_][\\p{L}\\p{N}_]*))?");
    private static final Pattern RULE_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern TEMPLATE = Pattern.compile("[a-z][\\w-]*(?:/[\\w-]+)+\\.html");
    private static final Pattern DECLARATION =
            Pattern.compile("\\b(?:class|record|enum|interface)\\s+(\\p{Lu}[\\p{L}\\p{N}_]*)");
    private static final Pattern CLAUSE = Pattern.compile("^п\\.(\\d+(?:\\.\\d+)?)");
    private static final List<String> STATUSES = List.of("полностью", "частично", "в работе", "не применимо");

    /** A row of one of the document's tables: the section it is in and its five cells. */
    record Row(String section, int line, String clause, String carried, String tests, String status) {

        String where() {
            return "docs/REGULATION.md:" + line + " (" + section + " " + clause + ")";
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, List<Path>> mainTypes;
    private final Map<String, List<Path>> testTypes;

    RegulationTableTest() throws IOException {
        assertThat(TABLE).as("the clause-to-test table").exists();
        List<String> lines = Files.readAllLines(TABLE);
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("## ")) {
                section = line.substring(3).strip();
            } else if (line.startsWith("|") && !line.startsWith("| ---") && !line.startsWith("| Пункт")) {
                String[] cells = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length())
                        .split("\\|", -1);
                assertThat(cells)
                        .as("docs/REGULATION.md:%d has five cells: %s", i + 1, line)
                        .hasSize(5);
                rows.add(new Row(
                        section, i + 1, cells[0].strip(), cells[2].strip(), cells[3].strip(), cells[4].strip()));
            }
        }
        mainTypes = types(MAIN);
        testTypes = types(TESTS);
    }

    @Test
    void everyClauseOfThePolozhenieHasARow() {
        Set<String> clauses = clausesOf("Положение");
        assertThat(clauses)
                .as("the Положение's points п.1–п.21 each have a row")
                .containsAll(
                        IntStream.rangeClosed(1, 21).mapToObj(String::valueOf).toList());
    }

    @Test
    void everyPointOfThePrikazHasARow() {
        assertThat(clausesOf("Приказ"))
                .as("the Приказ's points 1–9 and 2.1–2.4 each have a row")
                .containsAll(List.of("1", "2.1", "2.2", "2.3", "2.4", "3", "4", "5", "6", "7", "8", "9"));
    }

    @Test
    void everyTestTheTableNamesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Row row : rows) {
            for (String ref : ticked(row.tests())) {
                Matcher m = CLASS_REF.matcher(ref);
                if (!m.matches() || !m.group(1).isEmpty()) {
                    missing.add(row.where() + ": `" + ref + "` is not `TestClass` or `TestClass#method`");
                    continue;
                }
                List<Path> files = testTypes.getOrDefault(m.group(2), List.of());
                if (files.isEmpty()) {
                    missing.add(row.where() + ": no test class " + m.group(2) + " in src/test/java");
                } else if (m.group(3) != null && !declares(files, "void\\s+" + Pattern.quote(m.group(3)) + "\\s*\\(")) {
                    missing.add(row.where() + ": no test method " + ref);
                }
            }
        }
        assertThat(missing)
                .as("tests named in docs/REGULATION.md that do not exist")
                .isEmpty();
    }

    @Test
    void everyClassRuleAndTemplateTheTableNamesExists() throws IOException {
        String migrations = migrations();
        List<String> missing = new ArrayList<>();
        for (Row row : rows) {
            for (String ref : ticked(row.carried())) {
                if (ref.startsWith("/")) {
                    continue; // a page's address
                }
                if (TEMPLATE.matcher(ref).matches()) {
                    if (!Files.isRegularFile(TEMPLATES.resolve(ref))) {
                        missing.add(row.where() + ": no template " + ref);
                    }
                    continue;
                }
                if (RULE_CODE.matcher(ref).matches()) {
                    if (!migrations.contains("'" + ref + "'")) {
                        missing.add(row.where() + ": no deadline rule " + ref + " in db/migration");
                    }
                    continue;
                }
                Matcher m = CLASS_REF.matcher(ref);
                if (!m.matches()) {
                    missing.add(row.where() + ": `" + ref + "` is not a class, rule, template or address");
                    continue;
                }
                List<Path> files = mainTypes.getOrDefault(m.group(2), List.of()).stream()
                        .filter(f -> m.group(1).isEmpty() || inPackage(f, m.group(1)))
                        .toList();
                if (files.isEmpty()) {
                    missing.add(row.where() + ": no class " + m.group(1) + m.group(2) + " in src/main/java");
                } else if (m.group(3) != null && !declares(files, "\\b" + Pattern.quote(m.group(3)) + "\\s*\\(")) {
                    missing.add(row.where() + ": no method " + ref);
                }
            }
        }
        assertThat(missing)
                .as("code named in docs/REGULATION.md that does not exist")
                .isEmpty();
    }

    @Test
    void everyRowSaysHowFarTheClauseIsCarriedAndWhatCarriesItNamesATest() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            if (STATUSES.stream().noneMatch(row.status()::startsWith)) {
                wrong.add(row.where() + ": the status does not start with one of " + STATUSES);
            }
            boolean carried =
                    row.status().startsWith("полностью") || row.status().startsWith("частично");
            if (carried && ticked(row.tests()).isEmpty()) {
                wrong.add(row.where() + ": carried (" + row.status() + ") but names no test");
            }
        }
        assertThat(wrong).isEmpty();
    }

    private Set<String> clausesOf(String section) {
        Set<String> clauses = new LinkedHashSet<>();
        for (Row row : rows) {
            if (row.section().startsWith(section)) {
                Matcher m = CLAUSE.matcher(row.clause());
                if (m.find()) {
                    String number = m.group(1);
                    clauses.add(number);
                }
            }
        }
        assertThat(clauses).as("rows under «## %s»", section).isNotEmpty();
        return clauses;
    }

    private static List<String> ticked(String cell) {
        return TICKED.matcher(cell).results().map(r -> r.group(1)).toList();
    }

    /** Every type declared in the sources under {@code root}, by simple name (nested types too). */
    private static Map<String, List<Path>> types(Path root) throws IOException {
        Map<String, List<Path>> types = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                DECLARATION
                        .matcher(code)
                        .results()
                        .forEach(r -> types.computeIfAbsent(r.group(1), k -> new ArrayList<>())
                                .add(file));
            }
        }
        return types;
    }

    private static boolean inPackage(Path file, String packagePrefix) {
        Path expected = Path.of("ru", "otklik").resolve(packagePrefix.replace('.', '/'));
        return MAIN.relativize(file.getParent()).equals(expected);
    }

    private static boolean declares(List<Path> files, String regex) throws IOException {
        Pattern pattern = Pattern.compile(regex);
        for (Path file : files) {
            if (pattern.matcher(Files.readString(file)).find()) {
                return true;
            }
        }
        return false;
    }

    private static String migrations() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }
}
