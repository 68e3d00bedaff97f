package ru.otklik.intake.imports;

import jakarta.annotation.PreDestroy;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.api.ApiProblems.FieldError;
import ru.otklik.intake.Intake;
import ru.otklik.intake.MessageField;
import ru.otklik.intake.MessageValidator;
import ru.otklik.intake.Receipt;

/**
 * Bulk import (загрузка выгрузки ЦУР): an upload is parsed and validated into rows kept in the database (a preview
 * nothing is registered from), then saved in the background through {@link Intake}, the API's own idempotent path,
 * so importing a file again registers nothing twice.
 */
@Service
class Imports {

    private static final Logger log = LoggerFactory.getLogger(Imports.class);
    /** An import whose worker has been silent this long was interrupted (a restart): it may be resumed. */
    static final Duration STALE = Duration.ofMinutes(2);

    private static final int CHUNK = 200;
    private static final String ERROR_SEPARATOR = "\n";

    enum State {
        PREVIEW,
        SAVING,
        DONE
    }

    enum Outcome {
        REGISTERED,
        REPEATED,
        FAILED
    }

    /** An upload and its counts. */
    record Upload(
            UUID id,
            String fileName,
            Instant createdAt,
            String createdBy,
            State state,
            int total,
            int invalid,
            int known,
            int processed,
            int registered,
            int repeated,
            int failed,
            Instant heartbeatAt) {

        /** Rows that will be registered when saved. */
        public int fresh() {
            return total - invalid - known;
        }

        /** Whole per cent of the rows done while saving. */
        public int percent() {
            int todo = total - invalid;
            return todo <= 0 ? 100 : (int) Math.min(100, Math.round(processed * 100.0 / todo));
        }

        public boolean interrupted(Instant now) {
            return state == State.SAVING && heartbeatAt != null && heartbeatAt.isBefore(now.minus(STALE));
        }
    }

    /** One row as shown in the preview and after saving. */
    record RowView(
            int number,
            String externalId,
            String source,
            String detectedAt,
            String text,
            List<String> errors,
            Outcome outcome,
            Long postId,
            String postNumber) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Intake intake;
    private final Clock clock;
    private final MessageValidator validator = MessageValidator.lenient();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "otklik-import");
        thread.setDaemon(true);
        return thread;
    });

    Imports(JdbcClient jdbc, JdbcTemplate template, Intake intake, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.intake = intake;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    // ---------------------------------------------------------------- upload and preview

    /** Validates every line and keeps the upload as a preview; nothing is registered yet. */
    @Transactional
    UUID preview(String fileName, long userId, List<ImportFile.Line> lines) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        List<Object[]> rows = new ArrayList<>(lines.size());
        Map<String, Integer> firstRowOf = new HashMap<>();
        Map<String, String> hashOf = new HashMap<>();
        List<Row> valid = new ArrayList<>();
        for (ImportFile.Line line : lines) {
            Map<MessageField, String> values = clean(line.values());
            MessageValidator.Result result = validator.validate(line.values(), List.of(), now);
            List<String> errors = new ArrayList<>(
                    result.errors().stream().map(Imports::describe).toList());
            if (result.valid()) {
                String externalId = result.message().externalId();
                String hash = result.message().contentHash();
                Integer first = firstRowOf.putIfAbsent(externalId, line.number());
                if (first != null && !hash.equals(hashOf.get(externalId))) {
                    errors.add("Внешний ID уже встречается в строке " + first + " с другим содержанием.");
                }
                hashOf.putIfAbsent(externalId, hash);
                if (errors.isEmpty()) {
                    valid.add(new Row(line.number(), externalId, hash));
                }
            }
            rows.add(new Object[] {
                id,
                line.number(),
                values.get(MessageField.EXTERNAL_ID),
                values.get(MessageField.SOURCE),
                values.get(MessageField.URL),
                values.get(MessageField.AUTHOR_NAME),
                values.get(MessageField.AUTHOR_URL),
                values.get(MessageField.TEXT),
                values.get(MessageField.DETECTED_AT),
                values.get(MessageField.IMPORTANCE),
                values.get(MessageField.TOPIC),
                errors.isEmpty() ? null : String.join(ERROR_SEPARATOR, errors)
            });
        }
        Map<Integer, Long> known = new HashMap<>();
        Map<Integer, String> conflicts = new HashMap<>();
        matchRegistered(valid, known, conflicts);
        for (Object[] row : rows) {
            String conflict = conflicts.get((Integer) row[1]);
            if (conflict != null) {
                row[11] = conflict;
            }
        }
        int invalid = (int) rows.stream().filter(r -> r[11] != null).count();
        jdbc.sql(
                        "insert into import_upload (id, file_name, created_by, created_at, state, total, invalid) values (?, ?, ?, ?, 'PREVIEW', ?, ?)")
                .params(id, shorten(fileName), userId, Timestamp.from(now), rows.size(), invalid)
                .update();
        template.batchUpdate(
                "insert into import_row (upload_id, row_no, external_id, source, url, author_name, author_url, "
                        + "text, detected_at, importance, topic, errors) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        List<Object[]> knownRows = known.entrySet().stream()
                .map(e -> new Object[] {e.getValue(), id, e.getKey()})
                .toList();
        template.batchUpdate("update import_row set post_id = ? where upload_id = ? and row_no = ?", knownRows);
        return id;
    }

    private record Row(int number, String externalId, String hash) {}

    /** Rows whose external id was received before: the same content is "already there", other content an error. */
    private void matchRegistered(List<Row> rows, Map<Integer, Long> known, Map<Integer, String> conflicts) {
        for (int from = 0; from < rows.size(); from += 1000) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + 1000));
            Map<String, List<Row>> byId = chunk.stream().collect(Collectors.groupingBy(Row::externalId));
            String[] ids = byId.keySet().toArray(String[]::new);
            jdbc.sql(
                            "select p.external_id, p.id, c.content_hash from post p left join cur_message c on c.external_id = p.external_id "
                                    + "where p.external_id = any(?)")
                    .param(sqlArray(ids))
                    .query(rs -> {
                        for (Row row : byId.getOrDefault(rs.getString(1), List.of())) {
                            long postId = rs.getLong(2);
                            if (row.hash().equals(rs.getString(3))) {
                                known.put(row.number(), postId);
                            } else {
                                conflicts.put(
                                        row.number(),
                                        "Внешний ID уже занят сообщением № " + postId + " с другим содержанием.");
                            }
                        }
                    });
        }
    }

    private Array sqlArray(String[] values) {
        return template.execute((java.sql.Connection connection) -> connection.createArrayOf("text", values));
    }

    Optional<Upload> upload(UUID id) {
        return jdbc.sql("select u.*, coalesce(p.full_name, p.login) as created_by_name, "
                        + "(select count(*) from import_row r where r.upload_id = u.id and r.errors is null and r.post_id is not null and r.outcome is null) as known "
                        + "from import_upload u join app_user p on p.id = u.created_by where u.id = ?")
                .param(id)
                .query((rs, n) -> new Upload(
                        rs.getObject("id", UUID.class),
                        rs.getString("file_name"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("created_by_name"),
                        State.valueOf(rs.getString("state")),
                        rs.getInt("total"),
                        rs.getInt("invalid"),
                        rs.getInt("known"),
                        rs.getInt("processed"),
                        rs.getInt("registered"),
                        rs.getInt("repeated"),
                        rs.getInt("failed"),
                        instant(rs.getTimestamp("heartbeat_at"))))
                .optional();
    }

    List<Upload> recent() {
        List<UUID> ids = jdbc.sql("select id from import_upload order by created_at desc limit 10")
                .query(UUID.class)
                .list();
        return ids.stream().map(this::upload).flatMap(Optional::stream).toList();
    }

    /** A page of rows; {@code onlyProblems}: the rows with errors (before or after saving). */
    List<RowView> rows(UUID id, boolean onlyProblems, int page, int size) {
        String filter = onlyProblems ? " and (r.errors is not null or r.outcome = 'FAILED')" : "";
        return jdbc.sql(
                        // the post named by its registration number (read from the posts module's table)
                        "select r.row_no, r.external_id, r.source, r.detected_at, left(r.text, 200) as excerpt,"
                                + " r.errors, r.outcome, r.post_id, p.registration_number"
                                + " from import_row r left join post p on p.id = r.post_id where r.upload_id = ?"
                                + filter + " order by r.row_no limit ? offset ?")
                .params(id, size, (long) page * size)
                .query((rs, n) -> new RowView(
                        rs.getInt("row_no"),
                        rs.getString("external_id"),
                        rs.getString("source"),
                        rs.getString("detected_at"),
                        rs.getString("excerpt"),
                        rs.getString("errors") == null
                                ? List.of()
                                : List.of(rs.getString("errors").split(ERROR_SEPARATOR)),
                        rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                        (Long) rs.getObject("post_id"),
                        rs.getString("registration_number")))
                .list();
    }

    int countRows(UUID id, boolean onlyProblems) {
        String filter = onlyProblems ? " and (errors is not null or outcome = 'FAILED')" : "";
        return jdbc.sql("select count(*) from import_row where upload_id = ?" + filter)
                .param(id)
                .query(Integer.class)
                .single();
    }

    // ---------------------------------------------------------------- saving

    /**
     * Starts saving the good rows in the background; {@code false} when it is already being saved or done. An
     * import interrupted by a restart is resumed: rows already saved are skipped, and the rest are idempotent anyway.
     */
    boolean save(UUID id) {
        Instant now = clock.instant();
        int claimed = jdbc.sql(
                        "update import_upload set state = 'SAVING', started_at = coalesce(started_at, ?), heartbeat_at = ? "
                                + "where id = ? and (state = 'PREVIEW' or state = 'SAVING' and heartbeat_at < ?)")
                .params(Timestamp.from(now), Timestamp.from(now), id, Timestamp.from(now.minus(STALE)))
                .update();
        if (claimed == 0) {
            return false;
        }
        worker.submit(() -> {
            try {
                run(id);
            } catch (RuntimeException ex) {
                log.error("Import {} stopped; it can be resumed from its page", id, ex);
            }
        });
        return true;
    }

    private void run(UUID id) {
        while (!Thread.currentThread().isInterrupted()) {
            List<PendingRow> pending = jdbc.sql(
                            "select row_no, external_id, source, url, author_name, author_url, text, "
                                    + "detected_at, importance, topic from import_row where upload_id = ? and errors is null and outcome is null "
                                    + "order by row_no limit ?")
                    .params(id, CHUNK)
                    .query((rs, n) -> {
                        Map<MessageField, String> values = new EnumMap<>(MessageField.class);
                        for (MessageField field : MessageField.values()) {
                            values.put(field, rs.getString(column(field)));
                        }
                        return new PendingRow(rs.getInt("row_no"), values);
                    })
                    .list();
            if (pending.isEmpty()) {
                jdbc.sql("update import_upload set state = 'DONE', finished_at = ?, heartbeat_at = ? where id = ?")
                        .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), id)
                        .update();
                return;
            }
            List<Object[]> outcomes = new ArrayList<>();
            int registered = 0;
            int repeated = 0;
            int failed = 0;
            for (PendingRow row : pending) {
                MessageValidator.Result result = validator.validate(row.values(), List.of(), clock.instant());
                if (!result.valid()) {
                    failed++;
                    outcomes.add(new Object[] {
                        "FAILED",
                        null,
                        String.join(
                                ERROR_SEPARATOR,
                                result.errors().stream().map(Imports::describe).toList()),
                        id,
                        row.number()
                    });
                    continue;
                }
                Receipt receipt = intake.receive(result.message());
                switch (receipt.kind()) {
                    case CREATED -> {
                        registered++;
                        outcomes.add(new Object[] {"REGISTERED", receipt.postId(), null, id, row.number()});
                    }
                    case REPEATED -> {
                        repeated++;
                        outcomes.add(new Object[] {"REPEATED", receipt.postId(), null, id, row.number()});
                    }
                    case CONFLICT -> {
                        failed++;
                        outcomes.add(new Object[] {
                            "FAILED",
                            receipt.postId(),
                            "Внешний ID уже занят сообщением № " + receipt.postId() + " с другим содержанием.",
                            id,
                            row.number()
                        });
                    }
                }
            }
            template.batchUpdate(
                    "update import_row set outcome = ?, post_id = ?, errors = coalesce(?, errors) "
                            + "where upload_id = ? and row_no = ?",
                    outcomes);
            jdbc.sql(
                            "update import_upload set processed = processed + ?, registered = registered + ?, repeated = repeated + ?, "
                                    + "failed = failed + ?, heartbeat_at = ? where id = ?")
                    .params(pending.size(), registered, repeated, failed, Timestamp.from(clock.instant()), id)
                    .update();
        }
    }

    private record PendingRow(int number, Map<MessageField, String> values) {}

    private static String column(MessageField field) {
        return switch (field) {
            case EXTERNAL_ID -> "external_id";
            case SOURCE -> "source";
            case URL -> "url";
            case AUTHOR_NAME -> "author_name";
            case AUTHOR_URL -> "author_url";
            case TEXT -> "text";
            case DETECTED_AT -> "detected_at";
            case IMPORTANCE -> "importance";
            case TOPIC -> "topic";
        };
    }

    /** The database refuses NUL in text; the validator refuses control characters anyway, so nothing is lost. */
    private static Map<MessageField, String> clean(Map<MessageField, String> values) {
        Map<MessageField, String> cleaned = new EnumMap<>(MessageField.class);
        values.forEach((field, value) -> cleaned.put(field, value == null ? null : value.replace('\0', '\uFFFD')));
        return cleaned;
    }

    private static String describe(FieldError error) {
        String column = MessageField.byJsonName(error.field())
                .map(f -> "«" + f.russianHeaders().get(0) + "» (" + f.json() + ")")
                .orElse(error.field());
        return column + ": " + error.message();
    }

    private static String shorten(String value) {
        String name = value == null || value.isBlank() ? "файл" : value.strip();
        return name.length() > 300 ? name.substring(0, 300) : name;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
