package ru.otklik.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;
import ru.otklik.people.PeopleLookup;
import ru.otklik.posts.internal.AttachmentFiles;
import ru.otklik.posts.internal.AttachmentFilesFactory;
import ru.otklik.posts.internal.Post;
import ru.otklik.posts.internal.Posts;
import ru.otklik.support.HttpBrowser;
import ru.otklik.support.IntegrationTest;
import ru.otklik.support.Sessions;

/**
 * Attachments (issue 21 point 2): evidence kept with a post, its draft and its posted answer, checked by content,
 * limited in size and number, shown to whoever may see the post and served so that the browser never runs them.
 */
@IntegrationTest
class AttachmentsIT {

    static final String TOKEN = "Bearer demo-cur-token";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] HTML =
            "<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.UTF_8);
    static final byte[] EXE =
            "MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000PE\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    Posts posts;

    @Autowired
    PeopleLookup people;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @Autowired
    AutowireCapableBeanFactory beans;

    @LocalServerPort
    int port;

    AnswerFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = beans.createBean(AnswerFixtures.class);
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    ResultActions upload(Cookie who, long postId, Long draftId, String name, String browserType, byte[] content)
            throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/posts/" + postId + "/attachments");
        request.file(new MockMultipartFile("file", name, browserType, content));
        if (draftId != null) {
            request.param("draftId", draftId.toString());
        }
        return mvc.perform(request.cookie(who).with(csrf()));
    }

    ResultActions upload(String login, long postId, String name, byte[] content) throws Exception {
        return upload(Sessions.login(mvc, login), postId, null, name, "image/png", content);
    }

    int attachments(long postId) {
        return jdbc.sql("select count(*) from attachment where post_id = ?")
                .param(postId)
                .query(Integer.class)
                .single();
    }

    int contents(long postId) {
        return jdbc.sql("select count(*) from attachment_content c join attachment a on a.id = c.attachment_id"
                        + " where a.post_id = ?")
                .param(postId)
                .query(Integer.class)
                .single();
    }

    int attachmentLines(long postId) {
        return jdbc.sql("select count(*) from post_event where post_id = ? and action like 'ATTACHMENT%'")
                .param(postId)
                .query(Integer.class)
                .single();
    }

    long lastAttachment(long postId) {
        return jdbc.sql("select max(id) from attachment where post_id = ?")
                .param(postId)
                .query(Long.class)
                .single();
    }

    String page(String login, long postId) throws Exception {
        return mvc.perform(get("/posts/" + postId).cookie(Sessions.login(mvc, login)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** A post answered by the families executor, the final answer posted: the answer's draft id. */
    Post answered() {
        Post post = fx.atCur();
        post = fx.management.recordCurDecision(post.getId(), post.getVersion(), true, null, fx.actor("specialist"));
        fx.management.postAnswer(
                post.getId(),
                post.getVersion(),
                "https://vk.com/wall-7_1?reply=" + AnswerFixtures.unique(),
                AnswerFixtures.DRAFT,
                fx.actor("specialist"));
        return fx.reload(post.getId());
    }

    /** A post in work with a saved (not submitted) draft of the families executor. */
    Post drafted() {
        Post post = fx.inWork();
        fx.management.saveDraft(post.getId(), post.getVersion(), false, AnswerFixtures.DRAFT, fx.actor("executor"));
        return fx.reload(post.getId());
    }

    // ------------------------------------------------------------------------------------------------ type by content

    @Test
    void aPngNamedFileHoldingAPageOrAProgramIsRefusedInRussianAndLeavesNothing() throws Exception {
        long id = fx.inWork().getId();
        for (byte[] content : new byte[][] {HTML, EXE}) {
            String body = upload("specialist", id, "screenshot.png", content)
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(body)
                    .contains("«screenshot.png» не принят")
                    .contains("по содержимому это не изображение")
                    .contains("attachment-error");
        }
        assertThat(attachments(id)).isZero();
        assertThat(contents(id)).isZero();
        assertThat(attachmentLines(id))
                .as("no timeline line for a refused file")
                .isZero();
    }

    @Test
    void aPdfNamedJpgIsKeptAsAPdfAndDownloadedAsADocumentThatNeverRuns() throws Exception {
        long id = fx.inWork().getId();
        upload(Sessions.login(mvc, "specialist"), id, null, "scan.jpg", "image/jpeg", PDF)
                .andExpect(status().is3xxRedirection());
        long attachment = lastAttachment(id);
        assertThat(jdbc.sql("select media_type from attachment where id = ?")
                        .param(attachment)
                        .query(String.class)
                        .single())
                .isEqualTo("application/pdf");

        MvcResult download = mvc.perform(
                        get("/posts/" + id + "/attachments/" + attachment).cookie(Sessions.login(mvc, "executor")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn();
        assertThat(download.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment")
                .contains("scan.jpg.pdf");
        assertThat(download.getResponse().getHeader("Content-Security-Policy")).startsWith("sandbox");
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(PDF);
    }

    @Test
    void aScreenshotIsShownAsAThumbnailServedInlineAsAnImageAndRecordedOnTheTimeline() throws Exception {
        long id = fx.inWork().getId();
        byte[] png = png();
        upload(Sessions.login(mvc, "specialist"), id, null, "пост.png", "application/octet-stream", png)
                .andExpect(status().is3xxRedirection());
        long attachment = lastAttachment(id);

        String page = page("executor", id);
        assertThat(page)
                .contains("attachment-thumb")
                .contains("src=\"/posts/" + id + "/attachments/" + attachment + "\"")
                .contains("Прикреплён файл")
                .contains("пост.png");
        MvcResult image = mvc.perform(
                        get("/posts/" + id + "/attachments/" + attachment).cookie(Sessions.login(mvc, "head")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn();
        assertThat(image.getResponse().getHeader("Content-Disposition")).startsWith("inline");
        assertThat(image.getResponse().getHeader("Content-Security-Policy")).contains("sandbox");
        assertThat(image.getResponse().getContentAsByteArray()).isEqualTo(png);
    }

    // ------------------------------------------------------------------------------------------------ size limits

    @Test
    void aFileOverTheLimitIsRefusedWithItsSizeAndLeavesNothing() throws Exception {
        long id = fx.inWork().getId();
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(png(), 0, big, 0, 8);
        String body = upload("specialist", id, "big.png", big)
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("Файл больше 10 МБ и не принят");
        assertThat(attachments(id)).isZero();
        assertThat(attachmentLines(id)).isZero();
    }

    @Test
    void aFileOverTheServletsMultipartLimitGetsTheRussianMessageNotAnError() throws Exception {
        long id = fx.inWork().getId();
        HttpBrowser browser = new HttpBrowser(port);
        browser.login("specialist", "demo");
        HttpResponse<String> refused = browser.postFile(
                "/posts/" + id, "/posts/" + id + "/attachments", "huge.png", new byte[21 * 1024 * 1024]);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/posts/" + id);
        HttpResponse<String> page = browser.get("/posts/" + id);
        assertThat(page.body()).contains("Файл больше 10 МБ и не принят").contains("attachment-error");
        assertThat(attachments(id)).isZero();
    }

    @Test
    void aPostHoldsAtMostItsNumberAndTotalOfAttachments() throws Exception {
        Attachments limited = limited(null);
        long id = fx.inWork().getId();
        Actor specialist = fx.actor("specialist");
        limited.add(id, null, "1.pdf", new ByteArrayInputStream(padded(PDF, 2000)), specialist);
        limited.add(id, null, "2.pdf", new ByteArrayInputStream(padded(PDF, 2000)), specialist);
        assertThatThrownBy(
                        () -> limited.add(id, null, "3.pdf", new ByteArrayInputStream(padded(PDF, 1500)), specialist))
                .isInstanceOfSatisfying(
                        AttachmentRefused.class,
                        ex -> assertThat(ex.reason()).isEqualTo(AttachmentRefused.Reason.TOTAL_TOO_LARGE));
        limited.add(id, null, "3.pdf", new ByteArrayInputStream(padded(PDF, 500)), specialist);
        assertThatThrownBy(() -> limited.add(id, null, "4.pdf", new ByteArrayInputStream(padded(PDF, 10)), specialist))
                .isInstanceOfSatisfying(
                        AttachmentRefused.class,
                        ex -> assertThat(ex.reason()).isEqualTo(AttachmentRefused.Reason.TOO_MANY));
        assertThatThrownBy(
                        () -> limited.add(id, null, "5.pdf", new ByteArrayInputStream(padded(PDF, 4097)), specialist))
                .isInstanceOfSatisfying(
                        AttachmentRefused.class,
                        ex -> assertThat(ex.reason()).isEqualTo(AttachmentRefused.Reason.TOO_LARGE));
        assertThat(attachments(id)).as("the refused ones left no row").isEqualTo(3);
        assertThat(contents(id)).isEqualTo(3);
        assertThat(attachmentLines(id)).isEqualTo(3);
    }

    // ------------------------------------------------------------------------------------------------ access

    @Test
    void whoMayAttachAndDownloadFollowsWhoMaySeeThePostAndItsDraft() throws Exception {
        Post post = drafted();
        long id = post.getId();
        long draftId = post.openDraft().getId();

        upload("specialist", id, "post.png", png()).andExpect(status().is3xxRedirection());
        long ofPost = lastAttachment(id);
        upload(Sessions.login(mvc, "executor"), id, draftId, "letter.pdf", "application/pdf", PDF)
                .andExpect(status().is3xxRedirection());
        long ofDraft = lastAttachment(id);
        upload(Sessions.login(mvc, "head"), id, draftId, "note.pdf", "application/pdf", PDF)
                .andExpect(status().is3xxRedirection());

        // the post: org staff attach; who sees the post but is not org staff is refused; who does not see it: 404
        for (String login : new String[] {"executor", "head", "minister"}) {
            upload(login, id, "x.png", png()).andExpect(status().isForbidden());
        }
        upload("executor2", id, "x.png", png()).andExpect(status().isNotFound());
        upload("head2", id, "x.png", png()).andExpect(status().isNotFound());
        // the draft: not the org staff on a one-department draft, not another department's executor
        upload(Sessions.login(mvc, "specialist"), id, draftId, "x.pdf", "application/pdf", PDF)
                .andExpect(status().isForbidden());
        upload(Sessions.login(mvc, "executor2"), id, draftId, "x.pdf", "application/pdf", PDF)
                .andExpect(status().isNotFound());
        assertThat(attachments(id)).isEqualTo(3);

        for (String login : new String[] {"specialist", "executor", "head", "deputy", "deputy2", "minister"}) {
            mvc.perform(get("/posts/" + id + "/attachments/" + ofPost).cookie(Sessions.login(mvc, login)))
                    .andExpect(status().isOk());
        }
        for (String login : new String[] {"executor2", "head2"}) {
            mvc.perform(get("/posts/" + id + "/attachments/" + ofPost).cookie(Sessions.login(mvc, login)))
                    .andExpect(status().isNotFound());
        }
        // the draft's document: those who may read the draft; deputy2 sees the post, not this department's draft
        for (String login : new String[] {"specialist", "executor", "head", "deputy"}) {
            mvc.perform(get("/posts/" + id + "/attachments/" + ofDraft).cookie(Sessions.login(mvc, login)))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/posts/" + id + "/attachments/" + ofDraft).cookie(Sessions.login(mvc, "deputy2")))
                .andExpect(status().isNotFound());
        assertThat(page("deputy2", id))
                .as("no link to the draft's document; the post's screenshot is shown")
                .doesNotContain("/attachments/" + ofDraft + "\"")
                .contains("/attachments/" + ofPost + "\"");
        mvc.perform(get("/posts/" + id + "/attachments/" + ofPost)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/posts/999999999/attachments/" + ofPost).cookie(Sessions.login(mvc, "specialist")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/posts/" + fx.inWork().getId() + "/attachments/" + ofPost)
                        .cookie(Sessions.login(mvc, "specialist")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theSpecialistAttachesAScreenshotOfThePostedAnswerAndTheCardShowsEverything() throws Exception {
        Post post = answered();
        long id = post.getId();
        long answerId = post.lastPostedAnswer().getId();
        upload(Sessions.login(mvc, "executor"), id, answerId, "answer.png", "image/png", png())
                .andExpect(status().isForbidden());
        upload(Sessions.login(mvc, "specialist"), id, answerId, "answer.png", "image/png", png())
                .andExpect(status().is3xxRedirection());
        long screenshot = lastAttachment(id);
        upload(Sessions.login(mvc, "specialist"), id, null, "запрос.pdf", "application/pdf", PDF)
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select kind from attachment where id = ?")
                        .param(screenshot)
                        .query(String.class)
                        .single())
                .isEqualTo("ANSWER");

        String card = mvc.perform(get("/posts/" + id + "/card").cookie(Sessions.login(mvc, "head")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(card)
                .contains("card-attachment-thumb")
                .contains("src=\"/posts/" + id + "/attachments/" + screenshot + "\"")
                .contains("card-attachment-documents")
                .contains("запрос.pdf")
                .contains("(PDF, 1 КБ)");
    }

    @Test
    void onlyTheUploaderRemovesAnAttachmentWhileThePostIsOpenAndTheTimelineSaysSo() throws Exception {
        long id = fx.inWork().getId();
        upload("specialist", id, "wrong.png", png()).andExpect(status().is3xxRedirection());
        long attachment = lastAttachment(id);
        String path = "/posts/" + id + "/attachments/" + attachment + "/delete";

        mvc.perform(post(path).cookie(Sessions.login(mvc, "orghead")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(path).cookie(Sessions.login(mvc, "executor2")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(attachments(id)).isEqualTo(1);
        mvc.perform(post(path).cookie(Sessions.login(mvc, "specialist")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(attachments(id)).isZero();
        assertThat(contents(id)).isZero();
        assertThat(fx.actions(id)).containsSubsequence("ATTACHMENT_ADDED", "ATTACHMENT_REMOVED");
        assertThat(page("specialist", id)).contains("Удалён прикреплённый файл").contains("wrong.png");

        Post closed = answered();
        upload(Sessions.login(mvc, "specialist"), closed.getId(), null, "late.png", "image/png", png())
                .andExpect(status().is3xxRedirection());
        long late = lastAttachment(closed.getId());
        mvc.perform(post("/posts/" + closed.getId() + "/attachments/" + late + "/delete")
                        .cookie(Sessions.login(mvc, "specialist"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(attachments(closed.getId())).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------------ ЦУР's API

    @Test
    void curSendsScreenshotsThroughTheApiAsMultipartOrBase64() throws Exception {
        long id = fx.registered("Скриншот пришлёт ЦУР " + AnswerFixtures.unique(), java.util.Set.of())
                .getId();
        byte[] png = png();
        mvc.perform(multipart("/api/v1/messages/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "vk.png", "image/png", png))
                        .header("Authorization", TOKEN))
                .andExpect(status().isCreated())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.mediaType")
                        .value("image/png"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.kind")
                        .value("POST"));
        mvc.perform(post("/api/v1/messages/" + id + "/attachments")
                        .header("Authorization", TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fileName\":\"thread.pdf\",\"content\":\""
                                + Base64.getEncoder().encodeToString(PDF) + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.mediaType")
                        .value("application/pdf"));

        String refused = mvc.perform(post("/api/v1/messages/" + id + "/attachments")
                        .header("Authorization", TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fileName\":\"vk.png\",\"content\":\""
                                + Base64.getEncoder().encodeToString(HTML) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("\"field\":\"content\"").contains("по содержимому это не изображение");
        mvc.perform(post("/api/v1/messages/" + id + "/attachments")
                        .header("Authorization", TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"content\":\"не base64!\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/v1/messages/999999999/attachments")
                        .file(new MockMultipartFile("file", "vk.png", "image/png", png))
                        .header("Authorization", TOKEN))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/messages/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "vk.png", "image/png", png)))
                .andExpect(status().isUnauthorized());

        assertThat(attachments(id)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from post_event where post_id = ? and action = 'ATTACHMENT_ADDED'"
                                + " and actor_id is null")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .as("ЦУР's uploads on the timeline")
                .isEqualTo(2);
        assertThat(page("specialist", id)).contains("vk.png").contains("thread.pdf");
    }

    // ------------------------------------------------------------------------------------------------ a directory

    @Test
    void inADirectoryEachAttachmentIsAFileAndARefusedOrRemovedOneLeavesNone(@TempDir Path dir) throws Exception {
        Attachments inDirectory = limited(dir);
        long id = fx.inWork().getId();
        Actor specialist = fx.actor("specialist");
        Attachments.Summary kept = inDirectory.add(id, null, "letter.pdf", new ByteArrayInputStream(PDF), specialist);
        Path file = dir.resolve(Long.toString(kept.id() / 1000)).resolve(Long.toString(kept.id()));
        assertThat(file).exists().hasBinaryContent(PDF);
        assertThat(contents(id)).as("nothing of it in PostgreSQL").isZero();
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        inDirectory.writeTo(kept, read);
        assertThat(read.toByteArray()).isEqualTo(PDF);

        assertThatThrownBy(() -> inDirectory.add(id, null, "x.png", new ByteArrayInputStream(HTML), specialist))
                .isInstanceOf(AttachmentRefused.class);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(file);
        }

        inDirectory.delete(id, kept.id(), specialist);
        assertThat(file).doesNotExist();
        assertThat(attachments(id)).isZero();

        // written, then the transaction it belongs to fails: neither the row nor the file stays
        Path[] written = new Path[1];
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
            Attachments.Summary undone =
                    inDirectory.add(id, null, "undone.pdf", new ByteArrayInputStream(PDF), specialist);
            written[0] = dir.resolve(Long.toString(undone.id() / 1000)).resolve(Long.toString(undone.id()));
            assertThat(written[0]).exists();
            status.setRollbackOnly();
        });
        assertThat(written[0]).doesNotExist();
        assertThat(attachments(id)).isZero();
    }

    @Test
    void anAttachmentKeptInPostgresqlIsInTheBackup() throws Exception {
        long id = fx.inWork().getId();
        byte[] marked = padded(PDF, 64);
        byte[] mark = ("backup-" + AnswerFixtures.unique()).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(mark, 0, marked, 40, mark.length);
        upload(Sessions.login(mvc, "specialist"), id, null, "evidence.pdf", "application/pdf", marked)
                .andExpect(status().is3xxRedirection());

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ru.otklik.database.Backups.write(dataSource, zip, clock.instant());
        String contentTable = null;
        try (java.util.zip.ZipInputStream in =
                new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("attachment_content.csv")) {
                    contentTable = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            }
        }
        assertThat(contentTable)
                .as("the bytes, in PostgreSQL's hex form, in the backup's attachment_content")
                .contains(java.util.HexFormat.of().formatHex(marked));
    }

    /** The service with limits of its own: 4 KB a file, 3 files and 5 KB a post; in {@code dir} if given. */
    Attachments limited(Path dir) throws IOException {
        AttachmentSettings settings = new AttachmentSettings(dir, DataSize.ofKilobytes(4), 3, DataSize.ofKilobytes(5));
        AttachmentFiles files = AttachmentFilesFactory.with(jdbc, jdbcTemplate, settings);
        return new Attachments(posts, files, settings, people, jdbc, transactions, clock);
    }

    static byte[] padded(byte[] start, int size) {
        byte[] bytes = new byte[size];
        System.arraycopy(start, 0, bytes, 0, Math.min(start.length, size));
        return bytes;
    }
}
