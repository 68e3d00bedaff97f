-- Issue 20: the inbox's default order (issue 17: the specialist's steps first, then breached, then nearest due) is
-- computed from the open clocks, so no index gives it directly and every open post is sorted to cut a page of 25.
-- The inbox now sorts narrow rows first and reads the 25 rows' details afterwards; this index covers what the sort
-- needs of an open post (its state and п.18 flag for "the specialist's steps", when it was received), so the sort reads
-- the index alone (an index-only scan) instead of every open post's row with its text.
-- V10's index was in the inbox's earlier order, which nothing sorts by any more.
drop index if exists post_inbox_order_ix;
create index if not exists post_open_sort_ix on post (received_at, id) include (state, p18_flag, detected_at)
    where state not in ('ANSWERED', 'RETURNED_TO_CUR', 'NOT_PROCESSED');
