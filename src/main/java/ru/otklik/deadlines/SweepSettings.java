package ru.otklik.deadlines;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The deadline sweep, {@code otklik.sweep.*}.
 *
 * @param enabled run the deadline sweep on this instance (every instance may: each due clock is acted on once)
 * @param delayMs pause between two deadline sweeps, in milliseconds
 * @param initialDelayMs pause before the first deadline sweep after start, in milliseconds
 * @param batchSize due clocks claimed per transaction of the sweep
 */
@ConfigurationProperties("otklik.sweep")
public record SweepSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30000") long delayMs,
        @DefaultValue("5000") long initialDelayMs,
        @DefaultValue("500") int batchSize) {

    /** Scheduled methods name this bean in SpEL by the name {@code @ConfigurationPropertiesScan} gives it. */
    public static final String BEAN = "@'otklik.sweep-ru.otklik.deadlines.SweepSettings'";
}
