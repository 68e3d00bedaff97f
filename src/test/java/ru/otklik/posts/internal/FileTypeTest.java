package ru.otklik.posts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An attachment's type is what its content says, never its name (issue 21 point 2). */
class FileTypeTest {

    static final String DOCX_TYPES = "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/"
            + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    static final String XLSX_TYPES = "<Types><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
            + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";
    static final String DOCM_TYPES = "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/"
            + "vnd.ms-word.document.macroEnabled.main+xml\"/></Types>";

    @TempDir
    Path dir;

    Optional<FileType> typeOf(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return FileType.of(file);
    }

    static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void imagesAndPdfAreKnownByTheirMagicBytesWhateverTheirName() throws IOException {
        assertThat(typeOf("a.txt", ascii("\u0089PNG\r\n\u001a\n rest"))).contains(FileType.PNG);
        assertThat(typeOf("b.png", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0}))
                .contains(FileType.JPEG);
        assertThat(typeOf("c", ascii("GIF89a...."))).contains(FileType.GIF);
        assertThat(typeOf("d.gif", ascii("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ")))
                .contains(FileType.WEBP);
        assertThat(typeOf("scan.jpg", ascii("%PDF-1.7\n%âãÏÓ\n"))).contains(FileType.PDF);
    }

    @Test
    void officeFilesAreZipsWhoseContentTypesNameTheirMainPart() throws IOException {
        assertThat(typeOf("letter.pdf", zip(Map.of("[Content_Types].xml", DOCX_TYPES, "word/document.xml", "<w/>"))))
                .contains(FileType.DOCX);
        assertThat(typeOf("sheet", zip(Map.of("[Content_Types].xml", XLSX_TYPES, "xl/workbook.xml", "<w/>"))))
                .contains(FileType.XLSX);
    }

    @Test
    void programsPagesScriptsMacrosAndPlainZipsAreNone() throws IOException {
        assertThat(typeOf("screenshot.png", ascii("<html><script>alert(1)</script></html>")))
                .isEmpty();
        assertThat(typeOf("screenshot.png", ascii("MZ\u0090\u0000\u0003\u0000\u0000\u0000PE")))
                .isEmpty();
        assertThat(typeOf("logo.png", ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>")))
                .isEmpty();
        assertThat(typeOf("macro.docx", zip(Map.of("[Content_Types].xml", DOCM_TYPES, "word/document.xml", "<w/>"))))
                .as("a macro-enabled document")
                .isEmpty();
        assertThat(typeOf(
                        "vba.docx",
                        zip(Map.of(
                                "[Content_Types].xml",
                                DOCX_TYPES,
                                "word/document.xml",
                                "<w/>",
                                "word/vbaProject.bin",
                                "x"))))
                .as("a document carrying a macro project")
                .isEmpty();
        assertThat(typeOf("docs.docx", zip(Map.of("word/document.xml", "<w/>"))))
                .as("no content types")
                .isEmpty();
        assertThat(typeOf("claims.xlsx", zip(Map.of("[Content_Types].xml", DOCX_TYPES))))
                .as("content types naming a part that is not there")
                .isEmpty();
        assertThat(typeOf("broken.docx", ascii("PK\u0003\u0004 not really a zip")))
                .isEmpty();
        assertThat(typeOf("empty.png", new byte[0])).isEmpty();
    }
}
