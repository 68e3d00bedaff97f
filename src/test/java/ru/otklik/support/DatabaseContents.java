package ru.otklik.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a database holds, in a form two databases can be compared by: one checksum of all rows per table (sessions
 * and Flyway's history left out) and the sequences' values.
 */
public final class DatabaseContents {

    private DatabaseContents() {}

    public static Map<String, String> checksums(JdbcTemplate db) {
        List<String> tables = db.queryForList("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'
                  and table_name not like 'spring_session%' and table_name <> 'flyway_schema_history'
                order by table_name""", String.class);
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : tables) {
            sums.put(
                    table,
                    db.queryForObject(
                            "select md5(coalesce(string_agg(t::text, '|' order by t::text), ''))" + " from \"" + table
                                    + "\" t",
                            String.class));
        }
        return sums;
    }

    public static Map<String, Long> sequences(JdbcTemplate db) {
        Map<String, Long> values = new LinkedHashMap<>();
        db.query(
                "select sequencename, coalesce(last_value, 0) from pg_sequences where schemaname = current_schema()"
                        + " order by sequencename",
                rs -> {
                    values.put(rs.getString(1), rs.getLong(2));
                });
        return values;
    }

    /** The JDBC address of another database on the test server. */
    public static String urlOf(String database) {
        String url = TestDatabase.get().url();
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String rest = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + rest;
    }
}
