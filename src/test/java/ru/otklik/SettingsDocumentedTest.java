package ru.otklik;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator can trust the list of settings: every {@code otklik.*} setting is a component of a typed settings record
 * ({@code @ConfigurationProperties}), so the configuration metadata that {@code --help} prints and IDEs complete is
 * written from the code itself; the code reads none by name; and README's Configuration table names exactly those
 * settings, with their defaults.
 */
class SettingsDocumentedTest {

    /** A setting read by name: a placeholder, an {@code Environment} look-up or a condition on a property. */
    private static final Pattern READ = Pattern.compile(
            "(\\$\\{|getProperty\\(\"|Property\\((?:name = )?\"|Property\\(value = \")(otklik\\.[a-z0-9.-]+[a-z0-9])");

    private static final Pattern TYPED =
            Pattern.compile("@ConfigurationProperties\\(\"(otklik(?:\\.[a-z0-9.-]+)?)\"\\)");
    /** How a scheduled method names a settings bean in SpEL. */
    private static final Pattern BEAN = Pattern.compile("String BEAN = \"@'([^']+)'\"");

    private static final Pattern NAME = Pattern.compile("`(otklik\\.[a-z0-9.-]*[a-z0-9])(?:\\[…])?`");

    private final Map<Path, String> sources = new TreeMap<>();

    SettingsDocumentedTest() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.put(file, Files.readString(file));
            }
        }
    }

    @Test
    void everySettingIsInATypedRecordAndTheCodeReadsNoneByName() throws IOException {
        Set<String> described = metadataNames();
        Set<String> typed = new TreeSet<>();
        sources.values().forEach(code -> TYPED.matcher(code).results().forEach(m -> typed.add(m.group(1))));
        assertThat(typed).as("the typed settings records").contains("otklik", "otklik.sweep", "otklik.session");

        JsonNode metadata = metadata();
        Map<String, String> sourceTypes = new TreeMap<>();
        metadata.get("properties")
                .valueStream()
                .filter(p -> p.get("name").asString().startsWith("otklik."))
                .forEach(p -> sourceTypes.put(
                        p.get("name").asString(),
                        p.has("sourceType") ? p.get("sourceType").asString() : ""));
        assertThat(sourceTypes)
                .as("each setting comes from a record of Otklik's (no hand-written metadata)")
                .allSatisfy((name, sourceType) -> assertThat(sourceType).startsWith("ru.otklik."));

        for (Map.Entry<Path, String> source : sources.entrySet()) {
            Matcher read = READ.matcher(source.getValue());
            while (read.find()) {
                if (read.group(1).startsWith("Property(")) {
                    assertThat(described)
                            .as("%s conditions on a setting of a typed record", source.getKey())
                            .contains(read.group(2));
                } else {
                    throw new AssertionError(source.getKey() + " reads " + read.group(2)
                            + " by name: inject the settings record that holds it instead");
                }
            }
        }
    }

    /** {@code @Scheduled} methods name a settings bean in SpEL, by the name {@code @ConfigurationPropertiesScan} gives it. */
    @Test
    void theBeanNamesInScheduledExpressionsAreThoseOfTheRecords() {
        int checked = 0;
        for (Map.Entry<Path, String> source : sources.entrySet()) {
            Matcher bean = BEAN.matcher(source.getValue());
            if (bean.find()) {
                Matcher prefix = TYPED.matcher(source.getValue());
                assertThat(prefix.find()).isTrue();
                String className = Path.of("src/main/java")
                        .relativize(source.getKey())
                        .toString()
                        .replace(".java", "")
                        .replace('/', '.')
                        .replace('\\', '.');
                assertThat(bean.group(1)).as(source.getKey().toString()).isEqualTo(prefix.group(1) + "-" + className);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    @Test
    void readmeListsExactlyTheSettingsWithTheirDefaults() throws IOException {
        Map<String, String> defaults = new TreeMap<>();
        SettingsHelp.settings().forEach(setting -> defaults.put(setting.name(), setting.defaultValue()));

        Map<String, String> readme = readmeTable();
        assertThat(readme.keySet())
                .as("the otklik.* settings in README's Configuration table")
                .containsExactlyInAnyOrderElementsOf(defaults.keySet());
        assertThat(defaults).allSatisfy((name, defaultValue) -> {
            if (!defaultValue.isEmpty()) {
                assertThat(readme.get(name)).as("README's default of %s", name).contains("`" + defaultValue + "`");
            }
        });
    }

    @Test
    void helpPrintsEverySettingWithItsDefaultAndMeaning() {
        String help = SettingsHelp.text();
        assertThat(metadataNames()).allSatisfy(name -> assertThat(help).contains("  " + name));
        assertThat(help).contains("otklik.ldap.url").contains("otklik.metrics.password");
        assertThat(help)
                .contains("otklik.sweep.delay-ms (default 30000)")
                .contains("Directory of the nightly backups")
                .doesNotContain("{@code")
                .doesNotContain("{@link");
    }

    /**
     * The {@code otklik.*} rows of README's Configuration table: each setting of the first column with its part of the
     * second (a row of several settings gives one default each, separated by commas).
     */
    private static Map<String, String> readmeTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## Configuration");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line :
                section.lines().filter(l -> l.startsWith("| `otklik.")).toList()) {
            String[] cells = line.split(" \\| ");
            List<String> names = new ArrayList<>();
            NAME.matcher(cells[0]).results().forEach(m -> names.add(m.group(1)));
            List<String> defaults = names.size() == 1 ? List.of(cells[1]) : List.of(cells[1].split(", "));
            assertThat(defaults).as("one default for each setting of %s", line).hasSameSizeAs(names);
            for (int i = 0; i < names.size(); i++) {
                assertThat(rows.put(names.get(i), defaults.get(i)))
                        .as("README names %s once", names.get(i))
                        .isNull();
            }
        }
        return rows;
    }

    private static Set<String> metadataNames() {
        return SettingsHelp.settings().stream()
                .map(SettingsHelp.Setting::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode metadata() throws IOException {
        try (var in = new ClassPathResource(SettingsHelp.METADATA).getInputStream()) {
            return JsonMapper.shared().readTree(in);
        }
    }
}
