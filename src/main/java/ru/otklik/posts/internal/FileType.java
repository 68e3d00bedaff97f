package ru.otklik.posts.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The kinds of file an attachment may be, told by the content alone: the magic bytes at the start of an image or a
 * PDF, and for DOCX and XLSX (ZIP archives) the main part named in {@code [Content_Types].xml} with its
 * {@code word/} or {@code xl/} entry. The name and the type the browser claims are never read: a {@code .png} holding
 * HTML or a program is no PNG, a PDF named {@code .jpg} is a PDF. Macro-enabled Office files, SVG (which runs
 * scripts), HTML and everything else are refused. Pure: no Spring, no database.
 */
public enum FileType {
    PNG("image/png", "png", true),
    JPEG("image/jpeg", "jpg", true),
    GIF("image/gif", "gif", true),
    WEBP("image/webp", "webp", true),
    PDF("application/pdf", "pdf", false),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", false),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", false);

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 0x03, 0x04};
    /** The most of {@code [Content_Types].xml} read: a real one is a few kilobytes. */
    private static final int CONTENT_TYPES_MAX = 256 * 1024;

    private static final String DOCX_MAIN =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final String XLSX_MAIN =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    private final String mediaType;
    private final String extension;
    private final boolean image;

    FileType(String mediaType, String extension, boolean image) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.image = image;
    }

    /** The type the file is served with. */
    public String mediaType() {
        return mediaType;
    }

    /** The usual extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** A raster image: shown as a thumbnail and served inline; every other type is a download. */
    public boolean image() {
        return image;
    }

    /** The type this media type names, if it is one of ours. */
    public static Optional<FileType> ofMediaType(String mediaType) {
        return Arrays.stream(values())
                .filter(t -> t.mediaType.equals(mediaType))
                .findFirst();
    }

    /** What the file's content says it is, or empty when it is none of the allowed types. */
    public static Optional<FileType> of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16);
        }
        if (startsWith(head, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, ascii("GIF87a")) || startsWith(head, ascii("GIF89a"))) {
            return Optional.of(GIF);
        }
        if (head.length >= 12
                && startsWith(head, ascii("RIFF"))
                && Arrays.equals(Arrays.copyOfRange(head, 8, 12), ascii("WEBP"))) {
            return Optional.of(WEBP);
        }
        if (startsWith(head, ascii("%PDF-"))) {
            return Optional.of(PDF);
        }
        if (startsWith(head, ZIP_MAGIC)) {
            return office(file);
        }
        return Optional.empty();
    }

    /** A ZIP is a DOCX or an XLSX only if its content types name the main part and that part is there. */
    private static Optional<FileType> office(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry types = zip.getEntry("[Content_Types].xml");
            if (types == null
                    || zip.stream()
                            .anyMatch(e -> e.getName()
                                            .toLowerCase(java.util.Locale.ROOT)
                                            .endsWith(".bin")
                                    && e.getName()
                                            .toLowerCase(java.util.Locale.ROOT)
                                            .contains("vbaproject"))) {
                return Optional.empty();
            }
            String declared;
            try (InputStream in = zip.getInputStream(types)) {
                declared = new String(in.readNBytes(CONTENT_TYPES_MAX), StandardCharsets.UTF_8);
            }
            if (declared.contains(DOCX_MAIN) && zip.getEntry("word/document.xml") != null) {
                return Optional.of(DOCX);
            }
            if (declared.contains(XLSX_MAIN) && zip.getEntry("xl/workbook.xml") != null) {
                return Optional.of(XLSX);
            }
            return Optional.empty();
        } catch (ZipException ex) {
            return Optional.empty(); // starts like a ZIP, is none
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
