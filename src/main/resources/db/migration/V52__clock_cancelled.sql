-- A clock's third outcome (SPEC §3): CANCELLED, when the post leaves the path the clock measures (returned to ЦУР,
-- refused under п.18, a department's part returned). It is never counted as met, nor as breached.
alter table deadline_clock drop constraint deadline_clock_state_known;
alter table deadline_clock add constraint deadline_clock_state_known
    check (state in ('RUNNING', 'MET', 'BREACHED', 'CANCELLED'));
alter table deadline_clock add column cancelled_because varchar(32);
alter table deadline_clock add constraint deadline_clock_cancelled_because
    check ((state = 'CANCELLED') = (cancelled_because is not null)
           and (cancelled_because is null or cancelled_because in ('RETURNED_TO_CUR', 'REFUSED', 'PART_RETURNED')));

-- Clocks that a return to ЦУР or a refusal stopped as met although the post never reached their stop event: every
-- clock of such a post stopped at the instant it was closed, except the ones whose stop event the return itself is
-- (ROUTE, REROUTE) and the judged RETURN_TO_CUR and EXECUTOR_RETURN.
update deadline_clock c
   set state = 'CANCELLED',
       cancelled_because = case p.state when 'RETURNED_TO_CUR' then 'RETURNED_TO_CUR' else 'REFUSED' end,
       used_minutes = null
  from post p
 where p.id = c.post_id and p.state in ('RETURNED_TO_CUR', 'NOT_PROCESSED') and c.state = 'MET'
   and c.stopped_at = p.closed_at
   and c.rule_code not in ('RETURN_TO_CUR', 'EXECUTOR_RETURN')
   and not (p.state = 'RETURNED_TO_CUR' and c.rule_code in ('ROUTE', 'REROUTE'));

-- Likewise the answer and contribution of a department that returned its part (п.14), stopped as met at the return.
update deadline_clock c
   set state = 'CANCELLED', cancelled_because = 'PART_RETURNED', used_minutes = null
 where c.rule_code in ('EXECUTOR_ANSWER', 'CONTRIBUTION') and c.state = 'MET'
   and exists (select 1 from deadline_clock j where j.rule_code = 'EXECUTOR_RETURN'
                  and j.assignment_id = c.assignment_id and j.stopped_at = c.stopped_at);

-- RETURN_TO_CUR is judged only for a post returned before any routing (п.9); after routing п.14's EXECUTOR_RETURN
-- and REROUTE govern. Judgements made after routing, which nothing acted on, are withdrawn.
delete from deadline_clock c
 where c.rule_code = 'RETURN_TO_CUR'
   and exists (select 1 from deadline_clock a where a.post_id = c.post_id and a.rule_code = 'ACCEPT')
   and not exists (select 1 from clock_action x where x.clock_id = c.id)
   and not exists (select 1 from notification n where n.clock_id = c.id)
   and not exists (select 1 from escalation e where e.clock_id = c.id);

-- The start events as the regulation words them: п.11 ¶2 re-approval only of a FINAL draft returned by ЦУР; п.13
-- counts from the day the intermediate answer is sent to ЦУР; п.9 returns only before routing.
update deadline_rule set start_event = 'FINAL_DRAFT_SUBMITTED_AFTER_CUR' where code = 'CUR_REAPPROVE';
update deadline_rule set start_event = 'INTERMEDIATE_SENT_TO_CUR' where code = 'FINAL_ANSWER';
update deadline_rule set start_event = 'POST_RECEIVED_NOT_ROUTED' where code = 'RETURN_TO_CUR';
