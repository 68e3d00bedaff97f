package ru.otklik.metrics;

import java.io.IOException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts form logins ({@code POST /login}) by result, local and directory alike: {@code success},
 * {@code bad_credentials}, {@code blocked} (refused because the login is throttled), {@code disabled} and
 * {@code other} refusals. Read with {@code otklik_logins_blocked}, the logins blocked right now. It reads what the
 * login page will show: the redirect and the failure kept in the session, so it sits inside Spring Session's filter
 * and outside Spring Security's.
 */
@Configuration(proxyBeanMethods = false)
class LoginMetrics {

    /** After Spring Session's filter (Integer.MIN_VALUE + 50), before Spring Security's (-100). */
    static final int ORDER = -105;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> loginCounting(MeterRegistry registry) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Counting(registry));
        registration.addUrlPatterns("/login");
        registration.setOrder(ORDER);
        return registration;
    }

    private static final class Counting extends OncePerRequestFilter {

        private final Counter success;
        private final Counter badCredentials;
        private final Counter blocked;
        private final Counter disabled;
        private final Counter other;

        Counting(MeterRegistry registry) {
            this.success = counter(registry, "success");
            this.badCredentials = counter(registry, "bad_credentials");
            this.blocked = counter(registry, "blocked");
            this.disabled = counter(registry, "disabled");
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
            HttpSession session = request.getSession(false);
            Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            if (failure instanceof LockedException) {
                blocked.increment();
            }
            else if (failure instanceof BadCredentialsException) {
                badCredentials.increment();
            }
            else if (failure instanceof DisabledException) {
                disabled.increment();
            }
            else {
                other.increment();
            }
        }

        private static Counter counter(MeterRegistry registry, String result) {
            return Counter.builder("otklik.logins").description("Попытки входа по результату").tag("result", result)
                    .register(registry);
        }
    }
}
