package ru.otklik.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts a real PostgreSQL 17 from the binaries shipped as a Maven artifact when no
 * {@code spring.datasource.url} is given, so {@code ./mvnw spring-boot:run} needs no setup.
 * Its files live under {@code otklik.data-dir}/postgres and survive restarts; it stops with the application.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(Environment environment) throws IOException {
        Path dir = Path.of(environment.getProperty("otklik.data-dir", "./data"), "postgres").toAbsolutePath();
        Files.createDirectories(dir);
        int port = environment.getProperty("otklik.embedded-db.port", Integer.class, 0);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "100");
        if (port > 0) {
            builder.setPort(port);
        }
        try {
            EmbeddedPostgres postgres = builder.start();
            log.info("Встроенная PostgreSQL запущена: порт {}, данные в {}", postgres.getPort(), dir);
            return postgres;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Не удалось запустить встроенную PostgreSQL в " + dir
                    + ". Проверьте, что папка доступна для записи и не занята другим экземпляром Отклика.", ex);
        }
    }

    /**
     * The pool of the embedded database; {@code spring.datasource.hikari.*} settings apply to it as to any other.
     * By default it holds {@link #poolSizeFor(int) two connections per core and one}: the embedded PostgreSQL shares
     * this machine's cores, and more connections than that only queue inside it.
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(poolSizeFor(Runtime.getRuntime().availableProcessors()));
        dataSource.setPoolName("otklik-embedded");
        return dataSource;
    }

    /**
     * HikariCP's rule of thumb for a database on local disks, {@code cores × 2 + 1}. With the intake benchmark on
     * 2 cores, 5 connections did as well as 20 (docs/PERFORMANCE.md) and leave PostgreSQL fewer backends to juggle.
     */
    static int poolSizeFor(int cores) {
        return Math.max(1, cores) * 2 + 1;
    }
}
