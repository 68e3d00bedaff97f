package ru.otklik.database;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First-start seeding (the first admin, the demo data) of several instances started together on an empty database:
 * each seeding step runs in a transaction that first takes one PostgreSQL advisory lock, so one instance seeds while
 * the others wait, then find the data there and leave it alone. Steps must check what exists after taking the lock.
 */
@Component
public class FirstStart {

    /** The advisory lock of first-start seeding: any fixed number that nothing else in Otklik locks. */
    static final long LOCK = 0x4f746b6c696b01L;

    /** The phase of the seeding steps: after the data source and the executors, before the web server. */
    public static final int PHASE = Integer.MAX_VALUE / 2 + 1000;

    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    FirstStart(PlatformTransactionManager transactionManager, DataSource dataSource) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Runs the step in a transaction holding the seeding lock, which is released when it commits or rolls back. */
    public void seed(Runnable step) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
            step.run();
        });
    }
}
