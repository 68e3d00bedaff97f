-- The time a stopped clock used, written when it stops: working minutes for working clocks, minutes for calendar
-- ones. The monthly report takes its medians from it in SQL.
alter table deadline_clock add column used_minutes integer;
