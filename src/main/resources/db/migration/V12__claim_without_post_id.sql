-- A claim of ЦУР's external id does not repeat the post's id: post.external_id is unique, so a repeated message
-- finds its post through it. Intake no longer updates the claim after inserting the post (one statement and one
-- index write less per message).
alter table cur_message drop column post_id;
