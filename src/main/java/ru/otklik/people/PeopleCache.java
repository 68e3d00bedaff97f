package ru.otklik.people;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the pages read about people and departments again and again — the logged-in person's departments and
 * substitutions, the department and executor lists — kept in memory until the people change (issue 20), as the
 * calendar is kept until its revision moves.
 *
 * <p>V74's triggers count {@code people_revision} up and say {@code p} on {@code otklik_live} in every transaction
 * that changes a person, a role, a department, its staff or subjects, or an absence, whoever makes it. This instance
 * forgets everything:
 * <ul>
 * <li>when the live listener hears {@code p} (another instance, SQL by hand) or has lost its connection
 * ({@link #forget});</li>
 * <li>when a change made on this instance commits or rolls back (the notification may come a moment after the
 * next page); meanwhile the changing transaction reads past the cache, so it sees its own change;</li>
 * <li>when a transaction that reads from the cache finds the revision moved: each such transaction reads it
 * once (one row), so a change is seen by the next transaction whoever made it, even before its notification;</li>
 * <li>at the latest {@value #RECHECK_SECONDS} seconds after a change nobody announced to it: every
 * {@value #RECHECK_SECONDS} seconds it reads the revision (one row) and forgets all if it moved.</li>
 * </ul>
 * Values that depend on the day (who stands in for whom) carry the day in their key, so an absence that begins or
 * ends at midnight takes effect without any change in the tables.
 */
@Component
public class PeopleCache {

    static final long RECHECK_SECONDS = 10;

    /** How many values one snapshot keeps at most; past it the cache starts again. */
    private static final int MAX_VALUES = 50_000;

    private static final Logger log = LoggerFactory.getLogger(PeopleCache.class);
    private static final Object CHANGING = new Object();
    private static final Object CHECKED = new Object();

    /**
     * What was read since the revision was; a snapshot that has been forgotten is never filled again, so a value read
     * before a change but stored after it cannot outlive the change.
     */
    private record Snapshot(long revision, Map<Object, Object> values) {}

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;
    private volatile boolean failing;

    PeopleCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The value kept under the key, read with {@code reader} if this instance has not kept it since the last change.
     * The key names what is read and everything it depends on but the people tables (the day, for substitutions).
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> reader) {
        if (TransactionSynchronizationManager.hasResource(CHANGING)) {
            return reader.get();
        }
        checkOncePerTransaction();
        Snapshot current = current();
        Object kept = current.values().get(key);
        if (kept != null) {
            return (T) kept;
        }
        T read = reader.get();
        if (read != null && snapshot == current) {
            if (current.values().size() >= MAX_VALUES) {
                // the day's substitutions of every person, day after day without a change: start again
                forget();
            } else {
                current.values().putIfAbsent(key, read);
            }
        }
        return read;
    }

    /** Forgets everything kept: the next reads go to the database. */
    public void forget() {
        snapshot = null;
    }

    /**
     * Marks the current transaction as changing people: it reads past the cache from now on, and once it commits or
     * rolls back, this instance forgets what it kept. Whatever changes the people tables on this instance calls it.
     */
    void changing() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(CHANGING)) {
            forget();
            return;
        }
        TransactionSynchronizationManager.bindResource(CHANGING, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(CHANGING);
                forget();
            }
        });
        forget();
    }

    /**
     * Reads the revision once per transaction (one row) and forgets what was kept if it moved: so whatever changed the
     * people — this instance, another one, SQL by hand — is seen by the next transaction, not only once the
     * notification has arrived. Outside a transaction every read checks.
     */
    private void checkOncePerTransaction() {
        boolean inTransaction = TransactionSynchronizationManager.isSynchronizationActive();
        if (inTransaction && TransactionSynchronizationManager.hasResource(CHECKED)) {
            return;
        }
        Snapshot current = snapshot;
        if (current != null && revision() != current.revision()) {
            forget();
        }
        if (inTransaction) {
            TransactionSynchronizationManager.bindResource(CHECKED, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CHECKED);
                }
            });
        }
    }

    /** Forgets what was kept if the revision moved without this instance hearing of it (a lost notification). */
    @Scheduled(
            fixedDelay = RECHECK_SECONDS,
            initialDelay = RECHECK_SECONDS,
            timeUnit = java.util.concurrent.TimeUnit.SECONDS)
    void recheck() {
        Snapshot current = snapshot;
        if (current == null) {
            return;
        }
        try {
            if (revision() != current.revision()) {
                log.debug("People changed without a notification: forgetting the kept lists");
                forget();
            }
            failing = false;
        } catch (DataAccessException | TransactionException ex) {
            // the database is down: what was kept stays in use; said once, not every 10 s
            if (!failing) {
                log.warn(
                        "Не удалось проверить, менялись ли сотрудники; попытки каждые {}: {}",
                        Duration.ofSeconds(RECHECK_SECONDS),
                        NestedExceptionUtils.getMostSpecificCause(ex).toString());
            }
            failing = true;
        }
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                current = snapshot;
                if (current == null) {
                    // the revision is read before anything kept under it, so a change committed in between is
                    // noticed by the next recheck at the latest
                    current = new Snapshot(revision(), new ConcurrentHashMap<>());
                    snapshot = current;
                }
            }
        }
        return current;
    }

    private long revision() {
        // a database loaded from a copy that predates the row counts as revision 0 until the next change
        return jdbc.sql("select coalesce(max(revision), 0) from people_revision")
                .query(Long.class)
                .single();
    }
}
