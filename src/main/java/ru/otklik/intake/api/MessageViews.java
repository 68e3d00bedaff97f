package ru.otklik.intake.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.otklik.calendar.MinistryTime;
import ru.otklik.deadlines.Clocks;
import ru.otklik.posts.ChangeCursor;
import ru.otklik.posts.PostLookup;
import ru.otklik.posts.PostState;
import ru.otklik.posts.PostSummary;

/**
 * The bodies of the messages API: a post as ЦУР sees it, with its running deadlines in Novokuznetsk time.
 */
@Component
class MessageViews {

    /** One running deadline: the rule's code and when it is due. */
    record Deadline(String rule, String dueAt) {}

    /** The last posted answer (kept as it was: link and text). */
    record Answer(String url, String text) {}

    /** A posted answer: link, text, INTERMEDIATE or FINAL, and when it was posted. */
    @Schema(name = "PostedAnswer")
    record Posted(
            String url,
            String text,

            @Schema(allowableValues = {"INTERMEDIATE", "FINAL"})
            String kind,

            String postedAt) {}

    /** The draft awaiting ЦУР's approval; {@code id} and {@code version} are what cur-decision expects. */
    @Schema(name = "DraftAtCur")
    record DraftAtCur(
            @Schema(description = "id проекта ответа (draftId в cur-decision)")
            long id,

            @Schema(allowableValues = {"INTERMEDIATE", "FINAL"})
            String kind,

            @Schema(description = "Версия проекта ответа (version в cur-decision)")
            int version,

            String text,
            String sentToCurAt) {}

    /** The body of 201 and 200 to {@code POST /api/v1/messages}. */
    record Receipt(
            long id,
            String externalId,

            @Schema(description = REGISTRATION_NUMBER, example = "СОЦ-2026/0123")
            String registrationNumber,

            String status,
            String receivedAt,
            List<Deadline> deadlines) {}

    static final String REGISTRATION_NUMBER = "Регистрационный номер министерства: номер по порядку в году "
            + "регистрации (время Новокузнецка), без пропусков и повторов";

    /**
     * The body of {@code GET /api/v1/messages/{id}}: the receipt plus the last posted answer ({@code null} until there
     * is one), when the message last changed, the draft at ЦУР while the status is AT_CUR, the reason of a return to
     * ЦУР or a refusal (п.18) and every posted answer.
     */
    @Schema(name = "MessageDetails")
    record Details(
            long id,
            String externalId,

            @Schema(description = REGISTRATION_NUMBER, example = "СОЦ-2026/0123")
            String registrationNumber,

            String status,
            String receivedAt,
            List<Deadline> deadlines,

            @Schema(description = "Последний размещённый ответ; null, пока его нет")
            Answer answer,

            @Schema(description = "Когда сообщение менялось в последний раз")
            String changedAt,

            @Schema(description = "Проект ответа на согласовании в ЦУР; только в статусе AT_CUR, иначе null")
            DraftAtCur draft,

            @Schema(
                    description = "Причина возврата в ЦУР (RETURNED_TO_CUR) или отказа в рассмотрении по п.18 "
                            + "(NOT_PROCESSED); иначе null")
            String reason,

            @Schema(description = "Когда сообщение закрыто; null, пока открыто")
            String closedAt,

            @Schema(description = "Все размещённые ответы, первый — первым")
            List<Posted> answers) {}

    /** A page of the feed of changed messages, and the cursor to read on from. */
    @Schema(name = "MessagePage")
    record Page(
            @Schema(description = "Изменившиеся сообщения: по времени изменения, затем по id")
            List<Details> items,

            @Schema(
                    description = "Курсор для следующего запроса (cursor=…): с него читаются изменения после "
                            + "последнего сообщения страницы; null, если изменений ещё не было")
            String cursor,

            @Schema(description = "true — страница полная, следующую стоит запросить сразу")
            boolean more) {}

    private final PostLookup posts;
    private final Clocks clocks;

    MessageViews(PostLookup posts, Clocks clocks) {
        this.posts = posts;
        this.clocks = clocks;
    }

    @Transactional(readOnly = true)
    Optional<Receipt> receipt(long postId) {
        return posts.find(postId)
                .map(post -> new Receipt(
                        post.id(),
                        post.externalId(),
                        post.registrationNumber(),
                        post.state().name(),
                        format(post.receivedAt()),
                        deadlines(post)));
    }

    @Transactional(readOnly = true)
    Optional<Details> details(long postId) {
        return posts.find(postId).map(this::details);
    }

    /**
     * A page of the messages (in the given status, or any) changed after the cursor, and the cursor after it: the last
     * message's, or the one given when nothing changed.
     */
    @Transactional(readOnly = true)
    Page changed(PostState status, ChangeCursor after, int limit) {
        List<PostSummary> changed = posts.changedAfter(status, after, limit);
        ChangeCursor next = changed.isEmpty() ? after : ChangeCursor.after(changed.get(changed.size() - 1));
        return new Page(
                changed.stream().map(this::details).toList(),
                next == null ? null : next.token(),
                changed.size() == limit);
    }

    private Details details(PostSummary post) {
        PostSummary.DraftAtCur draft = post.draftAtCur();
        return new Details(
                post.id(),
                post.externalId(),
                post.registrationNumber(),
                post.state().name(),
                format(post.receivedAt()),
                deadlines(post),
                answer(post),
                post.changedAt() == null ? null : format(post.changedAt()),
                draft == null
                        ? null
                        : new DraftAtCur(
                                draft.draftId(),
                                kind(draft.intermediate()),
                                draft.version(),
                                draft.text(),
                                draft.sentToCurAt() == null ? null : format(draft.sentToCurAt())),
                post.closingReason(),
                post.closedAt() == null ? null : format(post.closedAt()),
                post.answers().stream()
                        .map(a -> new Posted(
                                a.url(),
                                a.text(),
                                kind(a.intermediate()),
                                a.postedAt() == null ? null : format(a.postedAt())))
                        .toList());
    }

    private static String kind(boolean intermediate) {
        return intermediate ? "INTERMEDIATE" : "FINAL";
    }

    /** The post's running clocks (not yet stopped, breached ones included), as the deadlines module keeps them. */
    private List<Deadline> deadlines(PostSummary post) {
        return clocks.openDeadlines(post.id()).stream()
                .map(clock -> new Deadline(clock.rule(), format(clock.dueAt())))
                .toList();
    }

    /** The last posted answer (final or intermediate), or {@code null} while none is posted. */
    private static Answer answer(PostSummary post) {
        return post.answer() == null
                ? null
                : new Answer(post.answer().url(), post.answer().text());
    }

    static String format(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.atZone(MinistryTime.ZONE).truncatedTo(ChronoUnit.SECONDS));
    }
}
