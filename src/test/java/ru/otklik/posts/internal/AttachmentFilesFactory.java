package ru.otklik.posts.internal;

import java.io.IOException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.otklik.posts.AttachmentSettings;

/** The attachments' store with settings of a test's own (a directory, small limits). */
public final class AttachmentFilesFactory {

    private AttachmentFilesFactory() {}

    public static AttachmentFiles with(JdbcClient jdbc, JdbcTemplate template, AttachmentSettings settings)
            throws IOException {
        return new AttachmentFiles(jdbc, template, settings);
    }
}
