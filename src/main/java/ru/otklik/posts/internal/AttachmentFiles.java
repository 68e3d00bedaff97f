package ru.otklik.posts.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ru.otklik.posts.AttachmentKind;
import ru.otklik.posts.AttachmentSettings;

/**
 * The attachments' rows ({@code attachment}) and their bytes: in PostgreSQL ({@code attachment_content}) by default,
 * or one file per attachment under {@code otklik.attachments.directory}. Each row says where its bytes are, so
 * changing the setting keeps the older attachments readable. The bytes are streamed both ways: written from the
 * upload's file with a known length, read back a megabyte at a time, never held whole in memory.
 *
 * <p>A file written to the directory belongs to its transaction: removed again if the transaction rolls back, and a
 * removed attachment's file is deleted once the removal has committed.
 */
@Component
public class AttachmentFiles {

    /** How much of a file one read of {@code attachment_content} fetches. */
    static final int CHUNK = 1024 * 1024;

    /** Where an attachment's bytes are kept. */
    public enum StoredIn {
        DATABASE,
        DIRECTORY
    }

    /** One attachment as stored. */
    public record Row(
            long id,
            long postId,
            Long draftId,
            AttachmentKind kind,
            String fileName,
            String mediaType,
            long size,
            Long uploadedBy,
            Instant uploadedAt,
            StoredIn storedIn) {}

    /** What a post's attachments hold together. */
    public record Totals(int count, long bytes) {}

    private static final String COLUMNS = """
            select id, post_id, draft_id, kind, file_name, media_type, size_bytes, uploaded_by, uploaded_at, stored_in
            from attachment""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AttachmentSettings settings;

    AttachmentFiles(JdbcClient jdbc, JdbcTemplate template, AttachmentSettings settings) throws IOException {
        this.jdbc = jdbc;
        this.template = template;
        this.settings = settings;
        if (settings.inDirectory()) {
            Files.createDirectories(settings.directory());
            if (!Files.isWritable(settings.directory())) {
                throw new IllegalStateException("otklik.attachments.directory is not writable: "
                        + settings.directory().toAbsolutePath());
            }
        }
    }

    public List<Row> ofPost(long postId) {
        return jdbc.sql(COLUMNS + " where post_id = :post order by id")
                .param("post", postId)
                .query(AttachmentFiles::row)
                .list();
    }

    public Optional<Row> find(long postId, long id) {
        return jdbc.sql(COLUMNS + " where post_id = :post and id = :id")
                .param("post", postId)
                .param("id", id)
                .query(AttachmentFiles::row)
                .optional();
    }

    /** The post's attachments together, with the post's row locked, so two uploads at once cannot both pass a limit. */
    public Totals lockTotals(long postId) {
        jdbc.sql("select id from post where id = :post for no key update")
                .param("post", postId)
                .query(Long.class)
                .optional();
        return jdbc.sql("select count(*), coalesce(sum(size_bytes), 0) from attachment where post_id = :post")
                .param("post", postId)
                .query((rs, n) -> new Totals(rs.getInt(1), rs.getLong(2)))
                .single();
    }

    /** Keeps a checked file: its row, then its bytes where the settings say. Runs in the caller's transaction. */
    public Row store(
            long postId,
            Long draftId,
            AttachmentKind kind,
            String fileName,
            FileType type,
            Path file,
            String sha256,
            Long uploadedBy,
            Instant now)
            throws IOException {
        long size = Files.size(file);
        StoredIn storedIn = settings.inDirectory() ? StoredIn.DIRECTORY : StoredIn.DATABASE;
        long id = jdbc.sql("""
                        insert into attachment (post_id, draft_id, kind, file_name, media_type, size_bytes, sha256,
                                                uploaded_by, uploaded_at, stored_in)
                        values (:post, :draft, :kind, :name, :type, :size, :sha, :by, :at, :storedIn)
                        returning id""")
                .param("post", postId)
                .param("draft", draftId)
                .param("kind", kind.name())
                .param("name", fileName)
                .param("type", type.mediaType())
                .param("size", size)
                .param("sha", sha256)
                .param("by", uploadedBy)
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("storedIn", storedIn.name())
                .query(Long.class)
                .single();
        if (storedIn == StoredIn.DATABASE) {
            try (InputStream in = Files.newInputStream(file)) {
                template.update("insert into attachment_content (attachment_id, content) values (?, ?)", ps -> {
                    ps.setLong(1, id);
                    ps.setBinaryStream(2, in, size); // PgJDBC sends it from the stream, with its length
                });
            }
        } else {
            Path target = pathOf(id);
            Files.createDirectories(target.getParent());
            Path part = target.resolveSibling(id + ".part");
            Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            afterCompletion(target, false);
        }
        return new Row(id, postId, draftId, kind, fileName, type.mediaType(), size, uploadedBy, now, storedIn);
    }

    /** Removes the row (and its bytes in PostgreSQL); a file in the directory goes once the removal has committed. */
    public void delete(Row row) {
        jdbc.sql("delete from attachment where id = :id").param("id", row.id()).update();
        if (row.storedIn() == StoredIn.DIRECTORY) {
            afterCompletion(pathOf(row.id()), true);
        }
    }

    /** Writes the attachment's bytes to {@code out}, a megabyte at a time. */
    public void copyTo(Row row, OutputStream out) throws IOException {
        if (row.storedIn() == StoredIn.DIRECTORY) {
            Files.copy(pathOf(row.id()), out);
            return;
        }
        for (int offset = 1; offset <= row.size(); offset += CHUNK) {
            byte[] chunk = jdbc.sql("""
                            select substring(content from cast(:from as integer) for cast(:len as integer)) from attachment_content
                            where attachment_id = :id""")
                    .param("from", offset)
                    .param("len", CHUNK)
                    .param("id", row.id())
                    .query(byte[].class)
                    .optional()
                    .orElse(null);
            if (chunk == null || chunk.length == 0) {
                return; // removed meanwhile
            }
            out.write(chunk);
        }
    }

    /** Where an attachment kept in the directory lives: a sub-directory per thousand ids. */
    Path pathOf(long id) {
        if (!settings.inDirectory()) {
            throw new IllegalStateException(
                    "attachment " + id + " is kept in a directory, but otklik.attachments.directory is not set");
        }
        return settings.directory().resolve(Long.toString(id / 1000)).resolve(Long.toString(id));
    }

    /** Deletes the file when the transaction commits ({@code onCommit}) or rolls back (otherwise). */
    private static void afterCompletion(Path file, boolean onCommit) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if ((status == STATUS_COMMITTED) == onCommit) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }
            }
        });
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long draft = rs.getLong("draft_id");
        Long draftId = rs.wasNull() ? null : draft;
        long by = rs.getLong("uploaded_by");
        Long uploadedBy = rs.wasNull() ? null : by;
        return new Row(
                rs.getLong("id"),
                rs.getLong("post_id"),
                draftId,
                AttachmentKind.valueOf(rs.getString("kind")),
                rs.getString("file_name"),
                rs.getString("media_type"),
                rs.getLong("size_bytes"),
                uploadedBy,
                rs.getTimestamp("uploaded_at").toInstant(),
                StoredIn.valueOf(rs.getString("stored_in")));
    }
}
