package ru.otklik.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives and how the database is reached, backed up and restored: {@code otklik.data-dir},
 * {@code otklik.demo}, {@code otklik.restore-from}, {@code otklik.embedded-db.*}, {@code otklik.database.*} and
 * {@code otklik.backup.*}.
 *
 * @param dataDir where the embedded PostgreSQL keeps its files ({@code <dir>/postgres}), its password
 *        ({@code <dir>/postgres.password}) and, by default, the backups ({@code <dir>/backups})
 * @param demo seed the demo on an empty database and list the demo logins on the login page; default: true on the
 *        embedded database, false on an external one
 * @param restoreFrom path of a backup made by Otklik (.zip) to restore into an empty database at start; remove it
 *        once the log says 'Восстановлено из'
 * @param embeddedDb the embedded PostgreSQL
 * @param database waiting for the database at start
 * @param backup the nightly backups
 */
@ConfigurationProperties("otklik")
public record DatabaseSettings(
        @DefaultValue("./data") String dataDir,
        Boolean demo,
        @DefaultValue("") String restoreFrom,
        @DefaultValue EmbeddedDb embeddedDb,
        @DefaultValue Database database,
        @DefaultValue Backup backup) {

    /** Scheduled methods name this bean in SpEL by the name {@code @ConfigurationPropertiesScan} gives it. */
    static final String BEAN = "@'otklik-ru.otklik.database.DatabaseSettings'";

    /**
     * The embedded PostgreSQL, {@code otklik.embedded-db.*}.
     *
     * @param port port of the embedded PostgreSQL; 0 picks any free port
     */
    public record EmbeddedDb(@DefaultValue("0") int port) {}

    /**
     * Waiting for the database at start, {@code otklik.database.*}.
     *
     * @param startupRetry at start, how often to try an unreachable database again
     * @param startupTimeout at start, how long to wait for an unreachable database before giving up
     */
    public record Database(
            @DefaultValue("5s") Duration startupRetry,
            @DefaultValue("30m") Duration startupTimeout) {}

    /**
     * The nightly backups, {@code otklik.backup.*}.
     *
     * @param dir directory of the nightly backups; default: {@code <otklik.data-dir>/backups} on the embedded
     *        database, none on an external one (use pg_dump, e.g. the backup service of docker-compose.yml)
     * @param cron when the nightly backup is made (Spring cron, Novokuznetsk time)
     * @param keep how many backups to keep in otklik.backup.dir; older ones are deleted
     */
    public record Backup(
            @DefaultValue("") String dir,
            @DefaultValue("0 0 2 * * *") String cron,
            @DefaultValue("14") int keep) {}
}
