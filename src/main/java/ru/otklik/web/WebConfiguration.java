package ru.otklik.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import ru.otklik.api.ApiProblemWriter;
import ru.otklik.database.DatabaseOutage;

/**
 * Servlet filters of the web layer that sit outside Spring Security, and how forms bind the Ministry's moments.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** A form's {@link java.time.Instant} is typed in the Ministry's local time ({@link MinistryInstantFormatter}). */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatter(new MinistryInstantFormatter());
    }

    /** Before the session store's filter (order {@code HIGHEST_PRECEDENCE + 50}), which needs the database too. */
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(
            ApiProblemWriter problems, DatabaseOutage outage) {
        FilterRegistrationBean<DatabaseOutageFilter> registration =
                new FilterRegistrationBean<>(new DatabaseOutageFilter(problems, outage));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
