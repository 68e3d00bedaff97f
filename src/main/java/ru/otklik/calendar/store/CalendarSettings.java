package ru.otklik.calendar.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The production calendar shared by the instances, {@code otklik.calendar.*}. Here rather than beside
 * {@code WorkingTime}: the package {@code calendar} itself stays free of Spring ({@code ArchitectureTests}).
 *
 * @param refreshMs how often an instance checks whether the production calendar was changed on another instance, in
 *        milliseconds
 */
@ConfigurationProperties("otklik.calendar")
public record CalendarSettings(@DefaultValue("30000") long refreshMs) {

    /** Scheduled methods name this bean in SpEL by the name {@code @ConfigurationPropertiesScan} gives it. */
    public static final String BEAN = "@'otklik.calendar-ru.otklik.calendar.store.CalendarSettings'";
}
