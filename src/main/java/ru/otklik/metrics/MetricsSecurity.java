package ru.otklik.metrics;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/prometheus} answers the metrics user only, by HTTP basic authentication (what Prometheus's
 * {@code basic_auth} sends), without a session. A person's login, the admin's included, does not open it: the
 * metrics are for the monitoring system, and its password is not a person's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsSettings.class)
class MetricsSecurity {

    static final String SCRAPE = "METRICS_SCRAPE";

    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, MetricsSettings settings, PasswordEncoder encoder) throws Exception {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        if (settings.scrapingAllowed()) {
            String password =
                    settings.password().startsWith("{") ? settings.password() : encoder.encode(settings.password());
            users.createUser(User.withUsername(settings.username())
                    .password(password)
                    .authorities(SCRAPE)
                    .build());
        }
        DaoAuthenticationProvider scraper = new DaoAuthenticationProvider(users);
        scraper.setPasswordEncoder(encoder);
        http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(SCRAPE))
                .httpBasic(basic -> basic.realmName("Otklik metrics"))
                .authenticationManager(new ProviderManager(scraper))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
