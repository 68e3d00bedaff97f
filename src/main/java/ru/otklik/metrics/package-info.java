/**
 * Metrics (метрики) for the people who run Otklik: Prometheus series of posts, clocks, the sweep, the e-mail outbox,
 * intake and logins at {@code /actuator/prometheus}, for the metrics user only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Metrics")
package ru.otklik.metrics;
