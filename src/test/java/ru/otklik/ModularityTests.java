package ru.otklik;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries are part of the build: a forbidden dependency between modules fails it. The module diagram that
 * README links ({@code docs/modules/}) is written by Spring Modulith's {@link Documenter} and must match the code.
 */
class ModularityTests {

    /** Where README's module diagram lives; run with {@code -Dotklik.docs.write=true} to renew it. */
    static final Path DIAGRAMS = Path.of("docs/modules");

    private final ApplicationModules modules = ApplicationModules.of(OtklikApplication.class);

    @Test
    void modulesOnlyDependOnEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void theModuleDiagramInDocsMatchesTheCode() throws IOException {
        Path generated = Path.of("target/spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        List<String> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".puml")).sorted().toList()) {
                Path committed = DIAGRAMS.resolve(file.getFileName());
                if (Boolean.getBoolean("otklik.docs.write")) {
                    Files.createDirectories(DIAGRAMS);
                    Files.copy(file, committed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } else if (!Files.exists(committed) || !sortedLines(file).equals(sortedLines(committed))) {
                    stale.add(committed.toString());
                }
            }
        }
        assertThat(stale)
                .as("module diagrams that differ from the code; renew them with "
                        + "./mvnw test -Dtest=ModularityTests -Dotklik.docs.write=true")
                .isEmpty();
    }

    /** The Documenter writes the same lines in an order that varies from run to run: compare them as a set. */
    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .sorted()
                .toList();
    }
}
