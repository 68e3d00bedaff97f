package ru.otklik.web;

import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login sessions kept in PostgreSQL, so that any instance serves any request (README, «Scaling out»). The JDBC store
 * is Spring Session's, declared here rather than by Spring Boot so that the session filter uses it through
 * {@link SessionTouches}, which writes a session only when it changed; expired sessions are deleted by
 * {@link ExpiredSessions}.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionStore {

    @Bean
    JdbcIndexedSessionRepository jdbcSessions(
            JdbcTemplate jdbc, PlatformTransactionManager transactions, SessionTimeout timeout) {
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(jdbc, own);
        sessions.setDefaultMaxInactiveInterval(timeout.getTimeout());
        // expired sessions are deleted by ExpiredSessions, on its schedule and with a line instead of a stack trace
        // while the database is down; the store's own scheduler would delete them a second time every minute
        sessions.setCleanupCron(Scheduled.CRON_DISABLED);
        return sessions;
    }

    /** The store the session filter and the people module use. */
    @Bean
    @Primary
    SessionTouches<?> sessionTouches(JdbcIndexedSessionRepository sessions) {
        return new SessionTouches<>(sessions);
    }
}
