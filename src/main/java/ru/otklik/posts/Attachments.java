package ru.otklik.posts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.otklik.people.NotFoundException;
import ru.otklik.people.PeopleLookup;
import ru.otklik.posts.AttachmentRefused.Reason;
import ru.otklik.posts.internal.AttachmentFiles;
import ru.otklik.posts.internal.AttachmentFiles.Row;
import ru.otklik.posts.internal.Draft;
import ru.otklik.posts.internal.FileType;
import ru.otklik.posts.internal.Post;
import ru.otklik.posts.internal.Posts;
import ru.otklik.posts.internal.TimelineAction;

/**
 * Attachments (вложения): files kept with a post as evidence — a screenshot of the post or of the posted answer, the
 * letter or document that justifies an answer (issue 21). Images (PNG, JPEG, WebP, GIF) and PDF, DOCX and XLSX
 * documents, their type told by the content ({@link FileType}), each within {@code otklik.attachments.max-file-size},
 * a post's together within {@code max-per-post} files and {@code max-total-per-post} bytes.
 *
 * <p>Who may attach: org staff to the post and to a posted answer, ЦУР to the post through its API, the executor of
 * the draft's department and its head to the draft being worked on ({@link Post#mayAttachToDraft}). Who may see and
 * download: whoever may open the post, and for a draft's documents whoever may read that draft (the post's page's
 * own rules). Only its uploader removes an attachment, while the post is open. Adding and removing are lines of the
 * timeline (п.19). A refused file leaves nothing behind: no row, no bytes, no file.
 */
@Service
public class Attachments {

    /** An attachment as a person sees it. */
    public record Summary(
            long id,
            long postId,
            AttachmentKind kind,
            Long draftId,
            String fileName,
            String mediaType,
            long size,
            String uploadedBy,
            Instant uploadedAt,
            boolean mayDelete) {

        /** A raster image: shown as a thumbnail, served inline. */
        public boolean image() {
            return FileType.ofMediaType(mediaType).map(FileType::image).orElse(false);
        }

        /** The name to save it under: the uploaded one, with the extension its content calls for when it lacks it. */
        public String downloadName() {
            FileType type = FileType.ofMediaType(mediaType).orElseThrow();
            String lower = fileName.toLowerCase(Locale.ROOT);
            boolean fits = lower.endsWith("." + type.extension())
                    || type == FileType.JPEG && (lower.endsWith(".jpeg") || lower.endsWith(".jpe"));
            return fits ? fileName : fileName + "." + type.extension();
        }
    }

    /** What a post's page shows and offers about attachments to this person. */
    public record OnPage(
            List<Summary> all, boolean mayAttachToPost, Long attachableDraftId, Set<Long> attachableAnswerIds) {

        public List<Summary> ofPost() {
            return all.stream().filter(a -> a.kind() == AttachmentKind.POST).toList();
        }

        public List<Summary> ofDraft(Long draftId) {
            return all.stream()
                    .filter(a -> a.draftId() != null && a.draftId().equals(draftId))
                    .toList();
        }

        public List<Summary> images() {
            return all.stream().filter(Summary::image).toList();
        }

        public List<Summary> documents() {
            return all.stream().filter(a -> !a.image()).toList();
        }
    }

    /** The longest file name kept. */
    static final int NAME_MAX = 255;

    private final Posts posts;
    private final AttachmentFiles files;
    private final AttachmentSettings settings;
    private final PeopleLookup people;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    Attachments(
            Posts posts,
            AttachmentFiles files,
            AttachmentSettings settings,
            PeopleLookup people,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.posts = posts;
        this.files = files;
        this.settings = settings;
        this.people = people;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    public AttachmentSettings settings() {
        return settings;
    }

    /** Bytes in megabytes as the pages say them: «10», «1,5». */
    public String megabytesOf(long bytes) {
        return megabytes(bytes);
    }

    /** Bytes in whole kilobytes, at least 1. */
    public long kilobytesOf(long bytes) {
        return Math.max(1, (bytes + 512) / 1024);
    }

    /**
     * A person attaches a file: to the post ({@code draftId} null), to its draft being worked on, or to a posted
     * answer (the draft's id).
     *
     * @throws NotFoundException the post, or the draft, is not there for this person
     * @throws AttachmentRefused why the file was not kept
     */
    public Summary add(long postId, Long draftId, String fileName, InputStream content, Actor actor) {
        readOnly.execute(status -> kind(postId, draftId, actor));
        return keep(postId, draftId, fileName, content, actor);
    }

    /**
     * ЦУР sends a file of the post, e.g. a screenshot of it, through its API.
     *
     * @throws NotFoundException no such post
     * @throws AttachmentRefused why the file was not kept
     */
    public Summary addFromCur(long postId, String fileName, InputStream content) {
        readOnly.execute(status -> kind(postId, null, null));
        return keep(postId, null, fileName, content, null);
    }

    /** The uploader removes an attachment while the post is open; the timeline says so. */
    public void delete(long postId, long attachmentId, Actor actor) {
        tx.executeWithoutResult(status -> {
            Post post = visible(postId, actor);
            Row row = files.find(postId, attachmentId)
                    .filter(r -> visible(post, r, actor))
                    .orElseThrow(NotFoundException::new);
            if (!mayDelete(post, row, actor)) {
                throw new AttachmentRefused(Reason.NOT_ALLOWED);
            }
            files.lockTotals(postId);
            files.delete(row);
            timeline(post.getId(), actor.id(), TimelineAction.ATTACHMENT_REMOVED, row.fileName());
        });
    }

    /** What the post's page shows this person: the attachments they may see and where they may attach. */
    public OnPage onPage(Post post, Actor actor) {
        List<Row> rows = files.ofPost(post.getId());
        Set<Long> uploaders = new HashSet<>();
        rows.forEach(r -> {
            if (r.uploadedBy() != null) {
                uploaders.add(r.uploadedBy());
            }
        });
        Map<Long, String> names = uploaders.isEmpty() ? Map.of() : people.fullNames(uploaders);
        List<Summary> visible = rows.stream()
                .filter(r -> visible(post, r, actor))
                .map(r -> summary(r, names, post, actor))
                .toList();
        Draft open = post.openDraft();
        Long attachable = open != null && post.mayAttachToDraft(open, actor) ? open.getId() : null;
        Set<Long> answers = new HashSet<>();
        if (actor.isOrgStaff()) {
            post.getDrafts().stream().filter(Draft::isPosted).forEach(d -> answers.add(d.getId()));
        }
        return new OnPage(visible, actor.isOrgStaff(), attachable, Set.copyOf(answers));
    }

    /** The attachment, if this person may download it. */
    public Optional<Summary> forDownload(long postId, long attachmentId, Actor actor) {
        return readOnly.execute(status -> {
            Optional<Post> post = posts.findById(postId).filter(p -> p.maySee(actor));
            if (post.isEmpty()) {
                return Optional.<Summary>empty();
            }
            return files.find(postId, attachmentId)
                    .filter(r -> visible(post.get(), r, actor))
                    .map(r -> summary(r, Map.of(), post.get(), actor));
        });
    }

    /** Writes the attachment's bytes to {@code out}, streamed; found by {@link #forDownload} first. */
    public void writeTo(Summary attachment, OutputStream out) throws IOException {
        Optional<Row> row = files.find(attachment.postId(), attachment.id());
        if (row.isPresent()) {
            files.copyTo(row.get(), out);
        }
    }

    // ------------------------------------------------------------------------------------------------ keeping

    private Summary keep(long postId, Long draftId, String fileName, InputStream content, Actor actor) {
        String name = cleanName(fileName);
        Path spooled = null;
        try {
            MessageDigest sha = sha256();
            spooled = spool(new DigestInputStream(content, sha));
            FileType type = FileType.of(spooled).orElseThrow(() -> new AttachmentRefused(Reason.TYPE, name));
            String digest = HexFormat.of().formatHex(sha.digest());
            Path file = spooled;
            return tx.execute(status -> {
                AttachmentKind kind = kind(postId, draftId, actor);
                long size = size(file);
                AttachmentFiles.Totals totals = files.lockTotals(postId);
                if (totals.count() >= settings.maxPerPost()) {
                    throw new AttachmentRefused(Reason.TOO_MANY, settings.maxPerPost());
                }
                if (totals.bytes() + size > settings.maxTotalPerPost().toBytes()) {
                    throw new AttachmentRefused(
                            Reason.TOTAL_TOO_LARGE,
                            megabytes(settings.maxTotalPerPost().toBytes()),
                            megabytes(Math.max(0, settings.maxTotalPerPost().toBytes() - totals.bytes())));
                }
                Instant now = clock.instant();
                Long uploader = actor == null ? null : actor.id();
                Row row;
                try {
                    row = files.store(postId, draftId, kind, name, type, file, digest, uploader, now);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                timeline(postId, uploader, TimelineAction.ATTACHMENT_ADDED, name);
                Map<Long, String> names = actor == null ? Map.of() : people.fullNames(Set.of(actor.id()));
                return new Summary(
                        row.id(),
                        postId,
                        kind,
                        draftId,
                        name,
                        type.mediaType(),
                        size,
                        uploader == null ? null : names.get(uploader),
                        now,
                        true);
            });
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            if (spooled != null) {
                try {
                    Files.deleteIfExists(spooled);
                } catch (IOException ignored) {
                    spooled.toFile().deleteOnExit();
                }
            }
        }
    }

    /** Copies the upload to a temporary file, refusing it as soon as it passes the limit. */
    private Path spool(InputStream content) throws IOException {
        long limit = settings.maxFileSize().toBytes();
        Path file = Files.createTempFile("otklik-attachment-", ".upload");
        boolean kept = false;
        try (InputStream in = content;
                var out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw new AttachmentRefused(Reason.TOO_LARGE, megabytes(limit));
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw new AttachmentRefused(Reason.EMPTY);
            }
            kept = true;
            return file;
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** What the file would be kept with, if this person (or ЦУР: {@code null}) may attach it there now. */
    private AttachmentKind kind(long postId, Long draftId, Actor actor) {
        if (actor == null) {
            posts.findById(postId).orElseThrow(NotFoundException::new);
            return AttachmentKind.POST;
        }
        Post post = visible(postId, actor);
        if (draftId == null) {
            if (!actor.isOrgStaff()) {
                throw new AttachmentRefused(Reason.NOT_ALLOWED);
            }
            return AttachmentKind.POST;
        }
        Draft draft =
                post.draft(draftId).filter(d -> post.maySeeDraft(d, actor)).orElseThrow(NotFoundException::new);
        if (draft.isPosted()) {
            if (!actor.isOrgStaff()) {
                throw new AttachmentRefused(Reason.NOT_ALLOWED);
            }
            return AttachmentKind.ANSWER;
        }
        if (!post.mayAttachToDraft(draft, actor)) {
            throw new AttachmentRefused(Reason.NOT_ALLOWED);
        }
        return AttachmentKind.DRAFT;
    }

    private Post visible(long postId, Actor actor) {
        return posts.findById(postId).filter(p -> p.maySee(actor)).orElseThrow(NotFoundException::new);
    }

    /** A post's and an answer's files: whoever sees the post; a draft's documents: whoever may read that draft. */
    private static boolean visible(Post post, Row row, Actor actor) {
        if (row.kind() != AttachmentKind.DRAFT) {
            return true;
        }
        return post.draft(row.draftId()).map(d -> post.maySeeDraft(d, actor)).orElse(false);
    }

    private static boolean mayDelete(Post post, Row row, Actor actor) {
        return actor != null
                && row.uploadedBy() != null
                && row.uploadedBy() == actor.id()
                && !post.getState().isClosed();
    }

    private Summary summary(Row r, Map<Long, String> names, Post post, Actor actor) {
        return new Summary(
                r.id(),
                r.postId(),
                r.kind(),
                r.draftId(),
                r.fileName(),
                r.mediaType(),
                r.size(),
                r.uploadedBy() == null ? null : names.getOrDefault(r.uploadedBy(), "—"),
                r.uploadedAt(),
                mayDelete(post, r, actor));
    }

    /** A line of the timeline that changes nothing of the post itself, so nobody's open page of it goes stale. */
    private void timeline(long postId, Long actorId, TimelineAction action, String fileName) {
        jdbc.sql("""
                        insert into post_event (post_id, at, actor_id, action, from_state, to_state, comment)
                        select p.id, :at, :actor, :action, p.state, p.state, :comment from post p where p.id = :post""")
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("actor", actorId)
                .param("action", action.name())
                .param("comment", fileName)
                .param("post", postId)
                .update();
    }

    /**
     * The name as kept: without a path a browser may send, without control characters, at most 255 characters
     * (keeping the extension); an empty one becomes «вложение».
     */
    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints()
                .filter(c -> !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT
                        && Character.getType(c) != Character.LINE_SEPARATOR
                        && Character.getType(c) != Character.PARAGRAPH_SEPARATOR)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "вложение";
        }
        if (name.length() > NAME_MAX) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, NAME_MAX - extension.length()) + extension;
        }
        return name;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Bytes as whole megabytes for the messages (10 485 760 → «10»). */
    static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.rint(mb) ? Long.toString((long) mb) : String.format(Locale.forLanguageTag("ru"), "%.1f", mb);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
