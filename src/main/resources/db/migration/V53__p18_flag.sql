-- п.18 after routing: an executor flags the post as not to be processed (with the reason); the flag waits here until
-- an org specialist confirms it (the post is refused under п.18) or dismisses it. Both are on the post's timeline.
alter table post add column p18_flag varchar(2000);
