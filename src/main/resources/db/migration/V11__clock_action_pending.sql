-- A clock stopped after its due instant but before a sweep reached it is breached, and its breach action is still
-- owed: the sweep finds such clocks through this flag (a small partial index) and acts on them once.
alter table deadline_clock add column action_pending boolean not null default false;
create index deadline_clock_action_pending_ix on deadline_clock (id) where action_pending;
