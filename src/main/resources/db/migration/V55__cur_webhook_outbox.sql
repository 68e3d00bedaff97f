-- ЦУР's webhook: one row per notice of a change ЦУР must act on, written in the transaction of the change and sent
-- later by the outbox (intake's CurWebhookSender), retried with a growing pause until sent or given up as failed.
create table cur_webhook_outbox (
    id               bigserial     primary key,
    event_id         uuid          not null unique,
    post_id          bigint        not null,
    event            varchar(32)   not null,
    body             text          not null,
    created_at       timestamptz   not null default now(),
    next_attempt_at  timestamptz   not null default now(),
    attempts         int           not null default 0,
    sent_at          timestamptz,
    failed_at        timestamptz,
    last_error       varchar(2000)
);

create index cur_webhook_outbox_due_ix on cur_webhook_outbox (next_attempt_at, id)
    where sent_at is null and failed_at is null;
create index cur_webhook_outbox_failed_ix on cur_webhook_outbox (failed_at desc) where failed_at is not null;
