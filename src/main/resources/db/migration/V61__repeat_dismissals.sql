-- Repeated posts (п.16): a similar earlier post the org specialist said is not a repeat is not offered again for that
-- post. (Same author and same link are linked at once; links are in post_link, both made and removed on the
-- timeline.)
create table post_repeat_dismissal (
    post_id       bigint not null references post (id),
    other_post_id bigint not null references post (id),
    primary key (post_id, other_post_id),
    constraint post_repeat_dismissal_not_self check (post_id <> other_post_id)
);

-- The post page's search of earlier posts by author name (the rest have their indexes: url, author_url, external_id,
-- the text's trigrams).
create index post_author_name_trgm_ix on post using gin (author_name gin_trgm_ops);
