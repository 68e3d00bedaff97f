package ru.otklik.support;

import java.time.Instant;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives the application a clock the tests control, and a pool whose statements a test can count.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

    /** A working Tuesday morning in Novokuznetsk: 2026-12-01 10:00 +07. */
    public static final Instant START = Instant.parse("2026-12-01T03:00:00Z");

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(START);
    }

    /** Lets a test count the SQL statements a request sends ({@link StatementCount}). */
    @Bean
    static BeanPostProcessor countingPool() {
        return StatementCount.countingPool();
    }
}
