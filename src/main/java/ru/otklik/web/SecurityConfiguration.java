package ru.otklik.web;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerMapping;
import ru.otklik.api.ApiProblemWriter;
import ru.otklik.intake.ApiTokens;
import ru.otklik.people.Role;

/**
 * Who may open what. Every path has an explicit rule; anything not listed is refused.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /** Swagger UI (admins only) needs inline styles; every other page keeps the strict policy. */
    static final String SWAGGER_UI_CONTENT_SECURITY_POLICY =
            CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    private static final RequestMatcher SWAGGER_UI = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"));

    /**
     * The JSON API: ЦУР's token or a logged-in session; refusals are problem+json. No CSRF here: writing
     * endpoints need the ЦУР role, which only a token carries, and a token is not sent by browsers on their own.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ApiProblemWriter problems) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests
                        // The OpenAPI description: for ЦУР's integrators (token) and for admins (Swagger UI, session).
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**")
                        .hasAnyAuthority(ApiTokenFilter.CUR_ROLE, Role.ADMIN.authority())
                        .requestMatchers(HttpMethod.GET, "/api/v1/calendar/**")
                        .authenticated()
                        .requestMatchers("/api/v1/messages", "/api/v1/messages/**")
                        .hasAuthority(ApiTokenFilter.CUR_ROLE)
                        .anyRequest()
                        .denyAll())
                .addFilterBefore(new ControlCharacterFilter(problems), CsrfFilter.class)
                .addFilterBefore(new ApiTokenFilter(tokens, problems), AuthorizationFilter.class)
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, ex) -> problems.unauthorized(
                                        response,
                                        "Нужен ключ доступа ЦУР в заголовке Authorization: Bearer <ключ> или вход в Отклик."))
                        .accessDeniedHandler((request, response, ex) -> problems.forbidden(
                                response, "Этот адрес API доступен только системе ЦУР по её ключу доступа.")))
                .headers(
                        headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    /**
     * The pages. Sessions are opened by a login only: the CSRF token of the login form lives in a cookie and no
     * request is remembered for after the login (everyone starts on their start page anyway), so an anonymous visit
     * stores nothing. A session ends on logout, after {@code spring.session.timeout} idle, and after
     * {@code otklik.session.absolute-timeout} from the login whatever the activity ({@link SessionRulesFilter}).
     */
    @Bean
    @Order(2)
    SecurityFilterChain web(
            HttpSecurity http,
            ApiProblemWriter problems,
            Clock clock,
            SessionSettings sessionSettings,
            ObjectProvider<HandlerMapping> mappings)
            throws Exception {
        LoginOutcomes outcomes = new LoginOutcomes(clock);
        // Form login authenticates through the global AuthenticationManager, built from the people module's
        // throttled AuthenticationProvider bean; registering it here too would count each failure twice.
        // Control characters are refused before the login form or any page reads a parameter.
        http.addFilterBefore(new ControlCharacterFilter(problems), CsrfFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // the dispatch that ends a live stream (SseEmitter) belongs to a request already authorised
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers(
                                "/login",
                                "/error",
                                "/assets/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/actuator/health",
                                "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers("/reports/**")
                        .hasAnyRole(Role.names(Role.REPORT_READERS))
                        .requestMatchers("/inbox/**")
                        .hasAnyRole(Role.names(Role.ORG_STAFF))
                        .requestMatchers("/department-posts", "/department-posts/**")
                        .hasAnyRole(Role.names(Role.DEPARTMENT_LEADS))
                        .requestMatchers("/assignments/**")
                        .hasRole(Role.EXECUTOR.name())
                        .requestMatchers("/approvals/**")
                        .hasAnyRole(Role.names(Role.APPROVERS))
                        .requestMatchers("/escalations/**")
                        .hasAnyRole(Role.names(Role.LEADERS))
                        // «Сегодня»: the overview of the deputy ministers, the first deputy and the minister
                        .requestMatchers("/today", "/today/**")
                        .hasAnyRole(Role.names(Role.LEADERS))
                        .requestMatchers("/absences/**")
                        .hasAnyRole(Role.names(Role.ABSENCE_KEEPERS))
                        // the department head's own lists (Приказ п.2.3, п.5): each head's departments, checked in code
                        .requestMatchers("/staff", "/staff/**")
                        .hasRole(Role.DEPT_HEAD.name())
                        // the org head authorises the org specialists (Приказ п.2.2)
                        .requestMatchers("/org-authority", "/org-authority/**")
                        .hasRole(Role.ORG_HEAD.name())
                        .requestMatchers("/answers", "/answers/**")
                        .hasAnyRole(Role.names(Role.ANSWER_READERS))
                        .requestMatchers("/legislation/**")
                        .hasAnyRole(Role.names(Role.LEGISLATION_READERS))
                        // Notifications and the live stream are the person's own; clocks are checked per post in code.
                        .requestMatchers("/notifications", "/notifications/**", "/clocks/**", "/live")
                        .authenticated()
                        // Registering a post by hand: org staff. A post's page and actions: checked per post in code.
                        .requestMatchers("/posts", "/posts/new", "/posts/repeats")
                        .hasAnyRole(Role.names(Role.ORG_STAFF))
                        .requestMatchers("/posts/templates", "/posts/templates/**")
                        .hasRole(Role.DEPT_HEAD.name())
                        .requestMatchers("/posts/**")
                        .authenticated()
                        // Bulk import of ЦУР's exports: org staff. Swagger UI of the API: admins.
                        .requestMatchers("/import", "/import/**")
                        .hasAnyRole(Role.names(Role.ORG_STAFF))
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers("/", "/help", "/calendar", "/calendar/**")
                        .authenticated()
                        // One's own password: everyone logged in.
                        .requestMatchers("/account/password")
                        .authenticated()
                        // an address nothing answers: «Страница не найдена»; a handled one without a rule: refused
                        .anyRequest()
                        .access(new UnmappedPaths(mappings)))
                .formLogin(form ->
                        form.loginPage("/login").successHandler(outcomes).failureHandler(outcomes))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .addFilterAfter(
                        new SessionRulesFilter(clock, sessionSettings.absoluteTimeout()),
                        SecurityContextHolderFilter.class)
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        // Swagger UI's bundle sets inline styles: only its own pages get that relaxation
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(SWAGGER_UI),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                SWAGGER_UI, new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }
}
