-- Why an escalation was closed (п.9): by the deputy, or by itself when the executor accepted, the assignment was
-- handed to another executor, or it went back to the org specialist; and the deputy's or the actor's words.
alter table escalation add column close_reason varchar(32);
alter table escalation add column close_note varchar(2000);
update escalation set close_reason = 'CLOSED' where closed_at is not null;
alter table escalation add constraint escalation_close_reason_known
    check ((closed_at is null) = (close_reason is null)
           and (close_reason is null or close_reason in ('CLOSED', 'ACCEPTED', 'REASSIGNED', 'RETURNED')));

-- Escalations left open although their assignment moved on before escalations closed themselves: accepted or returned
-- since. They close as of that moment, by the executor who did it. (A reassignment leaves no trace on the assignment
-- row; those stay open for the deputy to close.)
update escalation e
   set closed_at = greatest(coalesce(a.accepted_at, a.returned_at), e.opened_at),
       closed_by = a.executor_id,
       close_reason = case a.state when 'ACCEPTED' then 'ACCEPTED' else 'RETURNED' end,
       version = e.version + 1
  from assignment a
 where a.id = e.assignment_id and e.closed_at is null and a.state in ('ACCEPTED', 'RETURNED');
