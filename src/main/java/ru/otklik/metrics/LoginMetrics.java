package ru.otklik.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts form logins ({@code POST /login}) by result, local and directory alike: {@code success},
 * {@code bad_credentials} (a wrong password, an unknown login or a disabled account, which read alike),
 * {@code blocked} (refused because the login is throttled) and {@code other} refusals (the directory's). Read with
 * {@code otklik_logins_blocked}, the logins blocked right now. It reads what the login page will show: the redirect
 * and the reason in its address.
 */
@Configuration(proxyBeanMethods = false)
class LoginMetrics {

    /** After Spring Session's filter (Integer.MIN_VALUE + 50), before Spring Security's (-100). */
    static final int ORDER = -105;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> loginCounting(MeterRegistry registry) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Counting(registry));
        registration.addUrlPatterns("/login");
        registration.setOrder(ORDER);
        return registration;
    }

    private static final class Counting extends OncePerRequestFilter {

        private final Counter success;
        private final Counter badCredentials;
        private final Counter blocked;
        private final Counter other;

        Counting(MeterRegistry registry) {
            this.success = counter(registry, "success");
            this.badCredentials = counter(registry, "bad_credentials");
            this.blocked = counter(registry, "blocked");
            this.other = counter(registry, "other");
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, response);
            String location = response.getHeader("Location");
            if (response.getStatus() / 100 != 3 || location == null) {
                return; // not a login attempt (a refused CSRF token, an error page)
            }
            if (!location.contains("/login?error")) {
                success.increment();
                return;
            }
            // the login page's reason is in the address: /login?error=throttled, /login?error=directory-…, or none
            // (a wrong password, an unknown login and a disabled account read alike, on purpose)
            String reason = location.substring(location.indexOf("/login?error") + "/login?error".length());
            if (reason.startsWith("=throttled")) {
                blocked.increment();
            } else if (reason.isEmpty() || reason.startsWith("&")) {
                badCredentials.increment();
            } else {
                other.increment();
            }
        }

        private static Counter counter(MeterRegistry registry, String result) {
            return Counter.builder("otklik.logins")
                    .description("Попытки входа по результату")
                    .tag("result", result)
                    .register(registry);
        }
    }
}
