package ru.otklik.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.TestDatabase;

/**
 * README names the PostgreSQL versions Otklik supports; each is a claim only because the whole suite runs on it
 * ({@code ./mvnw verify} on 17, {@code -Ppostgres15} and {@code -Ppostgres16}). This test makes sure a run is on the
 * version it claims to be, so that a green run on 15 really was on 15.
 */
@IntegrationTest
class SupportedPostgresIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSuiteRunsOnThePostgresVersionTheBuildNames() {
        int versionNum = jdbc.queryForObject("select current_setting('server_version_num')::int", Integer.class);
        assertThat(versionNum / 10000).isEqualTo(TestDatabase.expectedMajor());
    }
}
