package ru.otklik.posts;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Attachments (вложения), {@code otklik.attachments.*}: where their bytes are kept and how much a post may hold.
 *
 * @param directory where the files are kept, one per attachment; unset: in PostgreSQL (table
 *     {@code attachment_content}), and so in every backup of the database
 * @param maxFileSize the largest file; the servlet's multipart limit ({@code spring.servlet.multipart.*}, 20 MB) must
 *     not be smaller
 * @param maxPerPost the most attachments of one post, its drafts and answers together
 * @param maxTotalPerPost the most bytes of one post's attachments together
 */
@ConfigurationProperties("otklik.attachments")
public record AttachmentSettings(
        Path directory,
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("20") int maxPerPost,
        @DefaultValue("50MB") DataSize maxTotalPerPost) {

    public AttachmentSettings {
        if (maxFileSize.toBytes() < 1 || maxTotalPerPost.toBytes() < 1 || maxPerPost < 1) {
            throw new IllegalArgumentException("otklik.attachments limits must be positive");
        }
    }

    /** Whether the files are kept in a directory instead of PostgreSQL. */
    public boolean inDirectory() {
        return directory != null && !directory.toString().isBlank();
    }
}
