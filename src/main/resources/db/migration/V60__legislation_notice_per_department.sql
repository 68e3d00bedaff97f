-- п.20 as the text says: the department heads have 3 days from the making of an amendment (the date of the amending
-- act, not its entry into force) to notify the org specialists. A change is registered with the date of the act and
-- the departments it concerns; each concerned department's head owes one notice (what changes for answers), which
-- stops their own LEGISLATION_NOTICE clock and reaches every org specialist and the department's executors.

-- The change: the date of the amending act; the entry into force is kept as information only.
alter table legislation_notice add column act_date date;
-- Notices recorded before: the date of the act was never asked for; the entry into force is the only date known.
update legislation_notice set act_date = effective_on;
alter table legislation_notice alter column act_date set not null;
alter table legislation_notice alter column effective_on drop not null;

-- One row per department the change concerns: its head's notice, once recorded.
create table legislation_notice_department (
    notice_id     bigint        not null references legislation_notice (id),
    department_id bigint        not null references department (id),
    -- the department's head when the change was registered: the one whose clock it is
    head_id       bigint references app_user (id),
    notice_text   varchar(10000),
    notified_by   bigint references app_user (id),
    notified_at   timestamptz,
    version       bigint        not null default 0,
    primary key (notice_id, department_id),
    constraint legislation_notice_department_recorded
        check ((notice_text is null) = (notified_at is null) and (notified_at is null) = (notified_by is null))
);
create index legislation_notice_department_dept_ix on legislation_notice_department (department_id);

-- A notice recorded before was written by a department head about their department, with its text: that was the
-- head's notice, given when it was recorded.
insert into legislation_notice_department (notice_id, department_id, head_id, notice_text, notified_by, notified_at)
select n.id, n.department_id, n.author_id, coalesce(n.body, n.link), n.author_id, n.created_at
  from legislation_notice n
 where n.department_id is not null;

-- Their clocks ran until an org specialist acknowledged the notice; the head's notice is what stops them now, so a
-- clock still open stops at the moment the notice was recorded (met if that was within the time, breached if not).
update deadline_clock c
   set stopped_at = n.created_at,
       state = case when c.state = 'RUNNING' and n.created_at <= c.due_at then 'MET' else 'BREACHED' end,
       breached_at = case when n.created_at > c.due_at then coalesce(c.breached_at, n.created_at) else c.breached_at end,
       used_minutes = greatest(0, cast(extract(epoch from (n.created_at - c.started_at)) / 60 as integer))
  from legislation_notice n
 where n.id = c.notice_id and c.stopped_at is null;

-- One open clock per department a change concerns: for a notice's clocks the department joins the key of an open
-- clock (a post's clocks keep theirs).
drop index deadline_clock_open_uq;
create unique index deadline_clock_open_uq on deadline_clock (rule_code, coalesce(post_id, 0),
    coalesce(assignment_id, 0), coalesce(notice_id, 0),
    coalesce(case when notice_id is not null then department_id end, 0)) where stopped_at is null;
create index deadline_clock_notice_ix on deadline_clock (notice_id) where notice_id is not null;

-- The rule's events as the text says; its limit, clock kind and breach action stay as the admin set them.
update deadline_rule
   set start_event = 'LEGISLATION_CHANGE_MADE', stop_event = 'LEGISLATION_HEAD_NOTIFIED'
 where code = 'LEGISLATION_NOTICE';
