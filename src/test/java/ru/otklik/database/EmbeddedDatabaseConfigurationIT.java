package ru.otklik.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import ru.otklik.support.TestDatabase;

/**
 * The embedded database of {@code ./mvnw spring-boot:run}: durable, protected by a password of its own, and its pool
 * sized to the machine and set like any other Hikari pool.
 */
class EmbeddedDatabaseConfigurationIT {

    @TempDir
    Path dataDir;

    /** What {@code @ConfigurationPropertiesScan} registers in the application. */
    @EnableConfigurationProperties(DatabaseSettings.class)
    static class Settings {}

    @Test
    void aTwoCoreMachineGetsFiveConnectionsAndAnEightCoreOneSeventeen() {
        assertThat(EmbeddedDatabaseConfiguration.poolSizeFor(2)).isEqualTo(5);
        assertThat(EmbeddedDatabaseConfiguration.poolSizeFor(8)).isEqualTo(17);
        assertThat(EmbeddedDatabaseConfiguration.poolSizeFor(0)).isEqualTo(3);
    }

    @Test
    void theUsualHikariSettingsApplyToTheEmbeddedPool() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
                .withUserConfiguration(EmbeddedDatabaseConfiguration.class, Settings.class)
                .withPropertyValues("otklik.data-dir=" + dataDir, "spring.datasource.hikari.maximum-pool-size=3")
                .run(context -> {
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
                    assertThat(pool.getPoolName()).isEqualTo("otklik-embedded");
                    assertThat(new JdbcTemplate(pool).queryForObject("show server_version", String.class))
                            .startsWith(TestDatabase.expectedMajor() + ".");
                });
    }

    @Test
    void theEmbeddedDatabaseWritesDurablyAndLetsInOnlyWhoKnowsItsPassword() throws Exception {
        try (EmbeddedServer.Started server = EmbeddedServer.start(dataDir, 0)) {
            JdbcTemplate sql = new JdbcTemplate(
                    new SingleConnectionDataSource(server.jdbcUrl(), server.username(), server.password(), true));
            for (String setting : EmbeddedServer.DURABILITY) {
                assertThat(sql.queryForObject("show " + setting, String.class))
                        .as(setting)
                        .isEqualTo("on");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "")
                            .close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "wrong")
                            .close())
                    .isInstanceOf(SQLException.class);
            Path passwordFile = dataDir.resolve("postgres.password");
            assertThat(Files.readString(passwordFile))
                    .isEqualTo(server.password())
                    .hasSizeGreaterThanOrEqualTo(32);
            assertThat(Files.getPosixFilePermissions(passwordFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        try (EmbeddedServer.Started again = EmbeddedServer.start(dataDir, 0)) {
            assertThat(again.password())
                    .as("the same password after a restart")
                    .isEqualTo(Files.readString(dataDir.resolve("postgres.password")));
            assertThat(new JdbcTemplate(new SingleConnectionDataSource(
                                    again.jdbcUrl(), again.username(), again.password(), true))
                            .queryForObject("select 1", Integer.class))
                    .isEqualTo(1);
        }
    }
}
