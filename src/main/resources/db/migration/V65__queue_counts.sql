-- The menu's counts run on every page (issue 17 point 3): each is an index scan of the items waiting.
-- Posts waiting for the org specialist (п.9, п.14, п.18): the predicate is the one of posts.WorkQueues.
create index post_org_action_ix on post (id)
    where state in ('NEW', 'RETURNED_BY_EXECUTOR', 'READY_FOR_CUR', 'CUR_APPROVED')
       or (p18_flag is not null and state in ('ASSIGNED', 'IN_WORK', 'REWORK'));
-- Open escalations of a deputy (those of curated departments use escalation_open_ix).
create index escalation_open_deputy_ix on escalation (deputy_id) where closed_at is null;
-- The open clocks of a post, for ordering the lists by what burns first.
create index deadline_clock_post_open_ix on deadline_clock (post_id, due_at) where stopped_at is null;
