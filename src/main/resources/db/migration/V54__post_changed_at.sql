-- When each post last changed, for ЦУР's feed GET /api/v1/messages?changedSince=… . Set by the database itself: the
-- default on insert, a trigger on every update of the post row (every transition updates it: state, version, draft
-- saves), so no code path can forget it; a restored backup (COPY with the column) keeps its values. The value is the
-- changing transaction's start (now()): the feed reads only rows changed before the start of the oldest transaction
-- still running, so a change committed late can never land behind a cursor ЦУР has already passed.
alter table post add column changed_at timestamptz;
update post set changed_at = coalesce(last_action_at, received_at);
alter table post alter column changed_at set not null;
alter table post alter column changed_at set default now();

create function post_changed_at() returns trigger language plpgsql as $$
begin
    new.changed_at := now();
    return new;
end
$$;

create trigger post_changed_at before update on post
    for each row execute function post_changed_at();

create index post_changed_ix on post (changed_at, id);
create index post_state_changed_ix on post (state, changed_at, id);
