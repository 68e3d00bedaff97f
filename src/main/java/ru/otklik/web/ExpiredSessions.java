package ru.otklik.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Deletes expired sessions every minute, in place of Spring Session's own job (which {@link SessionStore} does not schedule),
 * which logs a stack trace each minute while the database is down; this one logs a line.
 */
@Component
class ExpiredSessions {

    private static final Logger log = LoggerFactory.getLogger(ExpiredSessions.class);

    private final JdbcIndexedSessionRepository sessions;

    ExpiredSessions(JdbcIndexedSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Scheduled(cron = "#{" + SessionSettings.BEAN + ".cleanupCron()}")
    void cleanUp() {
        try {
            sessions.cleanUpExpiredSessions();
        } catch (DataAccessException | TransactionException ex) {
            log.warn(
                    "Истёкшие сеансы не удалены, следующая попытка через минуту: {}",
                    NestedExceptionUtils.getMostSpecificCause(ex).toString());
        }
    }
}
