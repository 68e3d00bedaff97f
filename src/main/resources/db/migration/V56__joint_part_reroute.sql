-- A joint post (п.15): a department that returns its part (п.14) leaves it waiting for the org specialist, who sends
-- it to another department or leaves it out of the joint answer. null: an ordinary assignment (or the only part).
alter table assignment add column part_state varchar(16);
alter table assignment add constraint assignment_part_state_known
    check (part_state is null or (state = 'RETURNED' and part_state in ('AWAITING_REROUTE', 'REROUTED', 'EXCLUDED')));
-- The inbox asks, for every open post, whether a part waits for the specialist.
create index assignment_part_awaiting_ix on assignment (post_id) where part_state = 'AWAITING_REROUTE';

-- A clock the final answer made unnecessary (a contribution never sent, say) is cancelled, not met (SPEC §3).
alter table deadline_clock drop constraint deadline_clock_cancelled_because;
alter table deadline_clock add constraint deadline_clock_cancelled_because
    check ((state = 'CANCELLED') = (cancelled_because is not null)
           and (cancelled_because is null
                or cancelled_because in ('RETURNED_TO_CUR', 'REFUSED', 'PART_RETURNED', 'ANSWER_POSTED')));

-- Whether the post's current routing is a joint answer (п.15): sent to several departments at once. It stays joint
-- when a department's part is returned or left out, so the org specialist still composes the answer from the parts.
alter table post add column joint_answer boolean not null default false;
update post p set joint_answer = true
 where (select count(*) from assignment a where a.post_id = p.id and a.state <> 'RETURNED') > 1;
