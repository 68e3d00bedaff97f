-- Issue 17 point 2: live pages. Every change a page shows is announced on the channel otklik_live by the transaction
-- that makes it, so each instance hears it once the change commits (LISTEN/NOTIFY), whoever made it: a page, the API,
-- the sweep, another instance. The payloads are small; the instances read the rest themselves.
--   n:<recipient>:<notification id>  a notification for the person (a hand-off, a warning, a breach)
--   c:<recipient>                    the person's notifications changed otherwise (read, a grouped line grew)
--   k:<post id>                      a clock of the post started, stopped or moved
--   w                                work changed: posts, parts, drafts or escalations (once per transaction, as
--                                    PostgreSQL folds identical payloads of one transaction)

create function live_notification() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform pg_notify('otklik_live', 'n:' || new.recipient_id || ':' || new.id);
    else
        perform pg_notify('otklik_live', 'c:' || new.recipient_id);
    end if;
    return null;
end
$$;

create trigger notification_live after insert or update of group_count, read_at on notification
    for each row execute function live_notification();

create function live_work() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('otklik_live', 'w');
    return null;
end
$$;

create trigger post_live after insert or update or delete on post
    for each statement execute function live_work();
create trigger assignment_live after insert or update or delete on assignment
    for each statement execute function live_work();
create trigger draft_live after insert or update or delete on draft
    for each statement execute function live_work();
create trigger escalation_live after insert or update or delete on escalation
    for each statement execute function live_work();

create function live_clock() returns trigger
    language plpgsql as $$
declare
    post bigint := case when tg_op = 'DELETE' then old.post_id else new.post_id end;
begin
    if post is not null then
        perform pg_notify('otklik_live', 'k:' || post);
    end if;
    return null;
end
$$;

create trigger deadline_clock_live after insert or update or delete on deadline_clock
    for each row execute function live_clock();
