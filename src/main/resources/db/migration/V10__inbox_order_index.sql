-- The inbox's default order: posts waiting for the org specialist first, then by time received. An index in exactly
-- that order over open posts only lets a page of 25 be read straight from it instead of sorting every open post.
create index post_inbox_order_ix on post
    ((case when state in ('NEW', 'RETURNED_BY_EXECUTOR') then 0 else 1 end), received_at, id)
    where state not in ('ANSWERED', 'RETURNED_TO_CUR', 'NOT_PROCESSED');
