package ru.otklik.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A consistent copy of Otklik's data that needs no PostgreSQL tools (the embedded binaries ship none): every table of
 * the schema, read in one {@code REPEATABLE READ} snapshot with {@code COPY … TO STDOUT (FORMAT csv)}, in one ZIP with
 * a manifest of the schema version, the row counts and the sequences' values. Sessions are left out.
 *
 * <p>A copy is restored into an empty database only, before Otklik starts on it ({@code otklik.restore-from}): the
 * schema is migrated to the copy's version, the rows are loaded with foreign keys checked at the end, the sequences are
 * set to where they were (so no number is ever given out twice), then the schema is migrated to the current version.
 */
public final class Backups {

    /** Written by this version of Otklik; a copy of another format is refused. */
    static final String FORMAT = "otklik-backup-1";

    static final String MANIFEST = "manifest.properties";
    private static final String HISTORY = "flyway_schema_history";

    private Backups() {}

    /** What a copy holds, from its manifest. */
    public record Manifest(
            String schemaVersion, Instant createdAt, Map<String, Long> rows, Map<String, Long> sequences) {

        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Writes a copy of the database to {@code out} (a ZIP) and says what it holds. */
    public static Manifest write(DataSource dataSource, OutputStream out, Instant now) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return write(connection, out, now);
            } finally {
                connection.rollback();
            }
        } catch (SQLException ex) {
            throw new IOException("Не удалось прочитать базу данных для резервной копии: " + ex.getMessage(), ex);
        }
    }

    private static Manifest write(Connection connection, OutputStream out, Instant now)
            throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Long> rows = new LinkedHashMap<>();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (String table : tables(connection)) {
            zip.putNextEntry(new ZipEntry(table + ".csv"));
            long count = copy.copyOut(
                    "copy (select " + columns(connection, table) + " from " + quote(table)
                            + ") to stdout with (format csv, header true)",
                    new NonClosing(zip));
            zip.closeEntry();
            rows.put(table, count);
        }
        Manifest manifest = new Manifest(schemaVersion(connection), now, rows, sequences(connection));
        zip.putNextEntry(new ZipEntry(MANIFEST));
        toProperties(manifest).store(new NonClosing(zip), "Отклик: резервная копия данных");
        zip.closeEntry();
        zip.finish();
        return manifest;
    }

    /** Reads the manifest of a copy without loading it. */
    public static Manifest manifest(InputStream in) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals(MANIFEST)) {
                    Properties properties = new Properties();
                    properties.load(new InputStreamReader(zip, StandardCharsets.ISO_8859_1));
                    return fromProperties(properties);
                }
            }
        }
        throw new IOException("Это не резервная копия Отклика: в архиве нет " + MANIFEST);
    }

    /**
     * Loads a copy into a database whose schema is at the copy's version: every table is emptied and filled from the
     * copy in one transaction, and the sequences are set.
     */
    static Manifest load(DataSource dataSource, InputStream in) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Manifest manifest = load(connection, in);
                connection.commit();
                return manifest;
            } catch (SQLException | IOException | RuntimeException ex) {
                connection.rollback();
                throw ex;
            }
        } catch (SQLException ex) {
            throw new IOException("Резервная копия не загружена: " + ex.getMessage(), ex);
        }
    }

    private static Manifest load(Connection connection, InputStream in) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<String> tables = tables(connection);
        try (Statement sql = connection.createStatement()) {
            // V74's triggers would count the people's revision up past the copy's own while the people are loaded
            sql.execute("set local otklik.restoring = 'on'");
        }
        // Only what the migrations filled is emptied: an append-only table (the audit log) refuses TRUNCATE even empty.
        List<String> filled = new ArrayList<>();
        try (Statement sql = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = sql.executeQuery("select exists (select 1 from " + quote(table) + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        filled.add(quote(table));
                    }
                }
            }
            if (!filled.isEmpty()) {
                sql.execute("truncate " + String.join(", ", filled) + " cascade");
            }
        }
        Manifest manifest = null;
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (name.equals(MANIFEST)) {
                    Properties properties = new Properties();
                    properties.load(new InputStreamReader(zip, StandardCharsets.ISO_8859_1));
                    manifest = fromProperties(properties);
                    continue;
                }
                String table = name.substring(0, name.length() - ".csv".length());
                if (!name.endsWith(".csv") || !tables.contains(table)) {
                    throw new IOException("В резервной копии лишний файл: " + name);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
                String header = reader.readLine();
                if (header == null) {
                    throw new IOException("Пустой файл таблицы " + table + " в резервной копии");
                }
                String columns = String.join(
                        ", ",
                        java.util.Arrays.stream(header.split(","))
                                .map(Backups::quote)
                                .toList());
                copy.copyIn(
                        "copy " + quote(table) + " (" + columns + ") from stdin with (format csv)", (Reader) reader);
            }
        }
        if (manifest == null) {
            throw new IOException("Это не резервная копия Отклика: в архиве нет " + MANIFEST);
        }
        try (Statement sql = connection.createStatement()) {
            for (Map.Entry<String, Long> sequence : manifest.sequences().entrySet()) {
                sql.execute("select setval('" + quote(sequence.getKey()).replace("'", "''") + "', "
                        + sequence.getValue() + ", true)");
            }
        }
        return manifest;
    }

    /** Whether the database has no Otklik schema yet (a copy can be restored into it). */
    static boolean empty(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("select count(*) from information_schema.tables"
                        + " where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    /**
     * The schema's tables, sessions and Flyway's history left out (the history is rebuilt by the migration), each
     * after the tables its foreign keys point to, so that a copy loads in this order with every key checked.
     */
    private static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'
                  and table_name not like 'spring_session%' and table_name <> 'flyway_schema_history'
                order by table_name""")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        Map<String, java.util.Set<String>> parents = new LinkedHashMap<>();
        names.forEach(name -> parents.put(name, new java.util.HashSet<>()));
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("""
                select c.conrelid::regclass::text, c.confrelid::regclass::text from pg_constraint c
                where c.contype = 'f' and c.connamespace = current_schema()::regnamespace""")) {
            while (rs.next()) {
                String child = rs.getString(1).replace("\"", "");
                String parent = rs.getString(2).replace("\"", "");
                if (parents.containsKey(child) && parents.containsKey(parent) && !child.equals(parent)) {
                    parents.get(child).add(parent);
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < names.size()) {
            String next = names.stream()
                    .filter(name -> !ordered.contains(name))
                    .filter(name -> ordered.containsAll(parents.get(name)))
                    .findFirst()
                    .orElseThrow(() -> new SQLException("внешние ключи таблиц образуют цикл"));
            ordered.add(next);
        }
        return ordered;
    }

    /** The columns a row can be written with: generated ones are computed again on load. */
    private static String columns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var statement = connection.prepareStatement("""
                select column_name from information_schema.columns
                where table_schema = current_schema() and table_name = ? and is_generated = 'NEVER'
                order by ordinal_position""")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(quote(rs.getString(1)));
                }
            }
        }
        return String.join(", ", columns);
    }

    private static Map<String, Long> sequences(Connection connection) throws SQLException {
        Map<String, Long> sequences = new LinkedHashMap<>();
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("""
                select sequencename, last_value from pg_sequences
                where schemaname = current_schema() and last_value is not null order by sequencename""")) {
            while (rs.next()) {
                sequences.put(rs.getString(1), rs.getLong(2));
            }
        }
        return sequences;
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("select version from " + HISTORY
                        + " where success and version is not null order by installed_rank desc limit 1")) {
            if (!rs.next()) {
                throw new SQLException("в базе нет схемы Отклика (" + HISTORY + " пуста)");
            }
            return rs.getString(1);
        }
    }

    private static Properties toProperties(Manifest manifest) {
        Properties properties = new Properties();
        properties.setProperty("format", FORMAT);
        properties.setProperty("schema-version", manifest.schemaVersion());
        properties.setProperty("created-at", manifest.createdAt().toString());
        manifest.rows().forEach((table, count) -> properties.setProperty("rows." + table, String.valueOf(count)));
        manifest.sequences()
                .forEach((sequence, value) -> properties.setProperty("sequence." + sequence, String.valueOf(value)));
        return properties;
    }

    private static Manifest fromProperties(Properties properties) throws IOException {
        if (!FORMAT.equals(properties.getProperty("format"))) {
            throw new IOException("Неизвестный формат резервной копии: " + properties.getProperty("format"));
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Long> sequences = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
            if (key.startsWith("rows.")) {
                rows.put(key.substring(5), Long.parseLong(properties.getProperty(key)));
            } else if (key.startsWith("sequence.")) {
                sequences.put(key.substring(9), Long.parseLong(properties.getProperty(key)));
            }
        }
        return new Manifest(
                properties.getProperty("schema-version"),
                Instant.parse(properties.getProperty("created-at")),
                rows,
                sequences);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The ZIP stays open when a writer of one entry closes its stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {

        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
