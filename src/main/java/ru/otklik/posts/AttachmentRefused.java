package ru.otklik.posts;

/**
 * A file that was not attached, and why; nothing of it was kept. The message key {@code attachments.refused.<reason>}
 * says it in Russian with {@link #arguments()}.
 */
public class AttachmentRefused extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** No file, or an empty one. */
        EMPTY,
        /** Larger than {@code otklik.attachments.max-file-size}. */
        TOO_LARGE,
        /** Not an image (PNG, JPEG, WebP, GIF) nor a PDF, DOCX or XLSX, by its content. */
        TYPE,
        /** The post already has {@code otklik.attachments.max-per-post} attachments. */
        TOO_MANY,
        /** The post's attachments would together exceed {@code otklik.attachments.max-total-per-post}. */
        TOTAL_TOO_LARGE,
        /** This person may not attach here, or remove this attachment, now. */
        NOT_ALLOWED
    }

    private final Reason reason;
    private final transient Object[] arguments;

    public AttachmentRefused(Reason reason, Object... arguments) {
        super("attachment refused: " + reason, null, false, false);
        this.reason = reason;
        this.arguments = arguments.clone();
    }

    public Reason reason() {
        return reason;
    }

    /** The message key of the Russian explanation. */
    public String messageKey() {
        return "attachments.refused." + reason.name();
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
