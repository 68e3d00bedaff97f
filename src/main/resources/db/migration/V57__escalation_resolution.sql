-- Why an escalation was closed (п.9): by the deputy, or by itself when the executor accepted, the assignment was
-- handed to another executor, or it went back to the org specialist; and the deputy's or the actor's words.
alter table escalation add column close_reason varchar(32);
alter table escalation add column close_note varchar(2000);
update escalation set close_reason = 'CLOSED' where closed_at is not null;
alter table escalation add constraint escalation_close_reason_known
    check ((closed_at is null) = (close_reason is null)
           and (close_reason is null or close_reason in ('CLOSED', 'ACCEPTED', 'REASSIGNED', 'RETURNED')));
