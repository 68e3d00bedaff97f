-- Issue 21 point 3: the library of posted answers. The Russian full-text vector of a posted answer, kept by
-- PostgreSQL itself as the post's is (V3), so the library finds «пособия» in an answer that says «пособие».
alter table draft add column posted_tsv tsvector
    generated always as (to_tsvector('russian', coalesce(posted_text, ''))) stored;
create index draft_posted_tsv_ix on draft using gin (posted_tsv) where posted_at is not null;
-- the library without words: the newest answers first
create index draft_posted_at_ix on draft (posted_at desc, id desc) where posted_at is not null;
