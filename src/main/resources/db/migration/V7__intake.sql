-- Intake (приём от ЦУР). One claim per external id: the API and the import insert it with ON CONFLICT DO NOTHING in
-- the same transaction as the post, so concurrent retries of one message create exactly one post.
create table cur_message (
    external_id  varchar(100) primary key,
    content_hash varchar(64)  not null,
    post_id      bigint references post (id),
    received_at  timestamptz  not null
);
create index cur_message_post_ix on cur_message (post_id);

-- Bulk import: an uploaded file parsed into rows, shown as a preview, then saved in the background.
create table import_upload (
    id          uuid primary key,
    file_name   varchar(300) not null,
    created_by  bigint       not null references app_user (id),
    created_at  timestamptz  not null,
    state       varchar(16)  not null,
    total       int          not null,
    invalid     int          not null,
    processed   int          not null default 0,
    registered  int          not null default 0,
    repeated    int          not null default 0,
    failed      int          not null default 0,
    started_at  timestamptz,
    heartbeat_at timestamptz,
    finished_at timestamptz,
    constraint import_upload_state_known check (state in ('PREVIEW', 'SAVING', 'DONE'))
);
create index import_upload_created_ix on import_upload (created_at desc);

create table import_row (
    upload_id   uuid         not null references import_upload (id) on delete cascade,
    row_no      int          not null,
    external_id text,
    source      text,
    url         text,
    author_name text,
    author_url  text,
    text        text,
    detected_at text,
    importance  text,
    topic       text,
    errors      text,
    outcome     varchar(16),
    post_id     bigint,
    primary key (upload_id, row_no),
    constraint import_row_outcome_known check (outcome in ('REGISTERED', 'REPEATED', 'FAILED'))
);
