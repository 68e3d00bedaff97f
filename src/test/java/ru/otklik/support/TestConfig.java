package ru.otklik.support;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives the application a clock the tests control.
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
}
