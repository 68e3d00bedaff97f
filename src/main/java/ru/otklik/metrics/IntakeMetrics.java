package ru.otklik.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the posts ЦУР sends to {@code POST /api/v1/messages} by outcome: {@code registered} (201), {@code repeated}
 * (200, the same message again), and the refusals by reason — {@code invalid} (400), {@code unauthorized} (401),
 * {@code conflict} (409), {@code too_large} (413), {@code unavailable} (503), {@code other}. Outside Spring Security
 * and the intake code, so refusals by the token check are counted too.
 */
@Configuration(proxyBeanMethods = false)
class IntakeMetrics {

    private static final Map<Integer, String> OUTCOMES = Map.of(
            201,
            "registered",
            200,
            "repeated",
            400,
            "invalid",
            401,
            "unauthorized",
            409,
            "conflict",
            413,
            "too_large",
            503,
            "unavailable");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> intakeCounting(MeterRegistry registry) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Counting(registry));
        registration.addUrlPatterns("/api/v1/messages");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static final class Counting extends OncePerRequestFilter {

        private final MeterRegistry registry;

        Counting(MeterRegistry registry) {
            this.registry = registry;
            OUTCOMES.values().forEach(this::counter);
            counter("other");
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String outcome = "other";
            try {
                chain.doFilter(request, response);
                outcome = OUTCOMES.getOrDefault(response.getStatus(), "other");
            } finally {
                counter(outcome).increment();
            }
        }

        private Counter counter(String outcome) {
            return Counter.builder("otklik.intake.messages")
                    .description("Сообщения от ЦУР через API по исходу")
                    .tag("outcome", outcome)
                    .register(registry);
        }
    }
}
