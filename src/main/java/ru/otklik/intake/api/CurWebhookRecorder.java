package ru.otklik.intake.api;

import java.time.Instant;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.otklik.intake.CurWebhookSettings;
import ru.otklik.posts.AnswerPosted;
import ru.otklik.posts.PostRefused;
import ru.otklik.posts.PostReturnedToCur;
import ru.otklik.posts.SentToCur;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues a notice for ЦУР's webhook on every change ЦУР must act on: a draft sent to ЦУР, a post returned to ЦУР or
 * refused (п.18), an answer posted. Listens synchronously, so the row is written in the transaction of the change: a
 * change that rolls back queues nothing, and a committed change is never without its notice. {@link CurWebhookSender}
 * sends the queue. Nothing is queued while no callback URL is configured.
 */
@Component
class CurWebhookRecorder {

    /** What happened, as the {@code event} of the body. */
    enum Event {
        SENT_TO_CUR,
        RETURNED_TO_CUR,
        REFUSED,
        ANSWER_POSTED
    }

    /** The body of a notice: what happened and the message as it stands after it (without its deadlines). */
    record Notice(
            String eventId,
            String event,
            String occurredAt,
            long id,
            String externalId,
            String registrationNumber,
            String status,
            String link,
            MessageViews.DraftAtCur draft,
            String reason,
            java.util.List<MessageViews.Posted> answers) {}

    private final CurWebhookSettings settings;
    private final MessageViews views;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    CurWebhookRecorder(CurWebhookSettings settings, MessageViews views, JdbcClient jdbc, JsonMapper json) {
        this.settings = settings;
        this.views = views;
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventListener
    void on(SentToCur event) {
        record(Event.SENT_TO_CUR, event.postId(), event.at());
    }

    @EventListener
    void on(PostReturnedToCur event) {
        record(Event.RETURNED_TO_CUR, event.postId(), event.at());
    }

    @EventListener
    void on(PostRefused event) {
        record(Event.REFUSED, event.postId(), event.at());
    }

    @EventListener
    void on(AnswerPosted event) {
        record(Event.ANSWER_POSTED, event.postId(), event.at());
    }

    private void record(Event event, long postId, Instant at) {
        if (!settings.enabled()) {
            return;
        }
        MessageViews.Details message = views.details(postId).orElseThrow();
        UUID eventId = UUID.randomUUID();
        Notice notice = new Notice(
                eventId.toString(),
                event.name(),
                MessageViews.format(at),
                message.id(),
                message.externalId(),
                message.registrationNumber(),
                message.status(),
                "/api/v1/messages/" + message.id(),
                message.draft(),
                message.reason(),
                message.answers());
        jdbc.sql("insert into cur_webhook_outbox (event_id, post_id, event, body) values (?, ?, ?, ?)")
                .params(eventId, postId, event.name(), json.writeValueAsString(notice))
                .update();
    }
}
