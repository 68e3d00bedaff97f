package ru.otklik.database;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database of {@code ./mvnw spring-boot:run}: its pool is sized to the machine and can be set like any
 * other Hikari pool.
 */
class EmbeddedDatabaseConfigurationTest {

    @TempDir
    Path dataDir;

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
                .withUserConfiguration(EmbeddedDatabaseConfiguration.class)
                .withPropertyValues("otklik.data-dir=" + dataDir, "spring.datasource.hikari.maximum-pool-size=3")
                .run(context -> {
                    HikariDataSource pool = context.getBean(HikariDataSource.class);
                    assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
                    assertThat(pool.getPoolName()).isEqualTo("otklik-embedded");
                    assertThat(new JdbcTemplate(pool).queryForObject("show server_version", String.class))
                            .startsWith("17.");
                });
    }
}
