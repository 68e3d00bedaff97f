-- Issue 17 point 1: a notification for every hand-off, warnings and breaches grouped, e-mail chosen per kind.

alter table notification drop constraint notification_kind_known;
alter table notification add constraint notification_kind_known check (kind in (
    'BREACH', 'WARNING', 'ESCALATION', 'HIGH_POST', 'LEGISLATION',
    'ASSIGNMENT', 'RETURNED', 'APPROVAL', 'REWORK', 'APPROVED', 'CUR_APPROVED', 'CUR_RETURNED', 'CONTRIBUTION', 'COMMENT'));

-- the reason of a return, a comment's text: shown on top of the notification
alter table notification add column detail varchar(2000);
-- a grouped line: how many warnings or breaches it stands for, and their posts in order
alter table notification add column group_count integer not null default 1;
alter table notification add column group_post_ids bigint[];
alter table notification add column group_labels varchar(300)[];

-- Per person and kind: whether the notification goes by e-mail too. No row: the default of wants_email.
create table notification_preference (
    user_id bigint      not null references app_user (id),
    kind    varchar(32) not null,
    email   boolean     not null,
    primary key (user_id, kind)
);

-- Whether a person wants this kind by e-mail: as they chose, else every kind but the 80 % warning.
create function wants_email(person bigint, notification_kind varchar) returns boolean
    language sql stable as $$
    select coalesce((select p.email from notification_preference p
                     where p.user_id = person and p.kind = notification_kind),
                    notification_kind <> 'WARNING')
$$;

-- Warnings and breaches of a clock (the sweep's, hundreds at once after an import) for a person are folded into the
-- person's unread line of the same kind and rule written within the last hour: its count grows, the post is added,
-- and no new line (nor e-mail) is written. A person's lines are folded one transaction at a time (advisory lock).
create function notification_group() returns trigger
    language plpgsql volatile as $$
declare
    folded bigint;
begin
    if new.kind not in ('WARNING', 'BREACH') or new.clock_id is null then
        return new;
    end if;
    perform pg_advisory_xact_lock(620017, new.recipient_id::integer);
    update notification n
       set group_count = n.group_count + 1,
           group_post_ids = n.group_post_ids || new.post_id,
           group_labels = n.group_labels || new.post_label,
           created_at = greatest(n.created_at, new.created_at)
     where n.id = (select g.id from notification g
                    where g.recipient_id = new.recipient_id and g.kind = new.kind
                      and g.rule_code is not distinct from new.rule_code
                      and g.read_at is null and g.clock_id is not null
                      and g.created_at >= new.created_at - interval '1 hour'
                    order by g.created_at desc, g.id desc limit 1)
    returning n.id into folded;
    if folded is not null then
        return null;
    end if;
    new.group_post_ids := array[new.post_id];
    new.group_labels := array[new.post_label];
    return new;
end
$$;

create trigger notification_group before insert on notification
    for each row execute function notification_group();
