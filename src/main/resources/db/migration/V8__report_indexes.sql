-- The monthly report (п.21) counts events and clocks of one month: index them by time.
create index post_event_action_at_ix on post_event (action, at);
create index post_closed_ix on post (closed_at);
create index deadline_clock_started_ix on deadline_clock (started_at);
create index assignment_assigned_ix on assignment (assigned_at);
-- "Open at the end of the month": posts whose open interval (received, closed] contains that instant.
-- (The expression must stay identical to the report's query for the index to be used.)
create index post_open_interval_ix on post
    using gist (tstzrange(received_at, case when closed_at < received_at then received_at else closed_at end, '(]'));
