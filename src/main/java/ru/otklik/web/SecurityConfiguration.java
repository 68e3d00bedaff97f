package ru.otklik.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may open what. Every path has an explicit rule; anything not listed is refused.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    private static final String[] APPROVERS = {"DEPT_HEAD", "DEPUTY_MINISTER", "FIRST_DEPUTY_MINISTER", "MINISTER"};

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        // Form login authenticates through the global AuthenticationManager, built from the people module's
        // throttled AuthenticationProvider bean; registering it here too would count each failure twice.
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/inbox/**").hasAnyRole("ORG_SPECIALIST", "ORG_HEAD")
                        .requestMatchers("/assignments/**").hasRole("EXECUTOR")
                        .requestMatchers("/approvals/**").hasAnyRole(APPROVERS)
                        .requestMatchers("/escalations/**").hasAnyRole("DEPUTY_MINISTER", "FIRST_DEPUTY_MINISTER", "MINISTER")
                        .requestMatchers("/", "/help", "/calendar/**").authenticated()
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).failureUrl("/login?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }
}
