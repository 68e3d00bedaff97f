package ru.otklik;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator can trust the list of settings: every {@code otklik.*} setting the code reads is in the configuration
 * metadata that {@code --help} prints and IDEs complete, nothing there is stale, and README's table names each.
 */
class SettingsDocumentedTest {

    private static final Pattern READ = Pattern.compile("(?:\\$\\{|getProperty\\(\")(otklik\\.[a-z0-9.-]+[a-z0-9])");
    /** A typed settings record: every one of its settings is in the metadata by the build's annotation processor. */
    private static final Pattern TYPED = Pattern.compile("@ConfigurationProperties\\(\"(otklik\\.[a-z0-9.-]+)\"\\)");

    @Test
    void everySettingTheCodeReadsIsDescribedForHelpAndInReadme() throws IOException {
        Set<String> read = new TreeSet<>();
        Set<String> typed = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                Matcher m = READ.matcher(code);
                while (m.find()) {
                    read.add(m.group(1));
                }
                Matcher t = TYPED.matcher(code);
                while (t.find()) {
                    typed.add(t.group(1) + ".");
                }
            }
        }
        Set<String> described = SettingsHelp.settings().stream().map(SettingsHelp.Setting::name)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> untyped = described.stream().filter(name -> typed.stream().noneMatch(name::startsWith))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(untyped).as("settings read by name, in the metadata").isEqualTo(read);
        assertThat(typed).allSatisfy(prefix -> assertThat(described).anyMatch(name -> name.startsWith(prefix)));

        String readme = Files.readString(Path.of("README.md"));
        assertThat(untyped).allSatisfy(name -> assertThat(readme).as("README names %s", name).contains("`" + name + "`"));
        assertThat(typed).allSatisfy(prefix -> assertThat(readme).as("README names %s", prefix).contains("`" + prefix));

        String help = SettingsHelp.text();
        assertThat(described).allSatisfy(name -> assertThat(help).contains(name));
        assertThat(help).contains("otklik.ldap.url").contains("otklik.metrics.password");
        assertThat(help).contains("default 30000").contains("Directory of the nightly backups");
    }
}
