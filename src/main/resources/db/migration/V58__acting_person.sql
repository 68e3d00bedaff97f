-- Who acts for whom (п.3, Приказ п.5): one resolution of substitution chains, used by the pages (people.Substitutes)
-- and by the deadline sweep alike. While a person is absent on a day, their work goes to the substitute of that
-- absence; if the substitute is absent too, to theirs, and so on. A circle (A → B → A), which the absence form
-- refuses but older records may hold, stops at the last person before it closes; a chain stops after 5 steps.
create function acting_person(person bigint, on_day date) returns bigint
    language plpgsql stable as $$
declare
    current_id bigint := person;
    next_id    bigint;
    seen       bigint[] := array[person];
begin
    if person is null then
        return null;
    end if;
    for step in 1..5 loop
        next_id := null;
        select ab.substitute_id into next_id from absence ab
         where ab.user_id = current_id and on_day between ab.starts_on and ab.ends_on
         order by ab.starts_on desc, ab.id desc limit 1;
        if next_id is null or next_id = any(seen) then
            return current_id;
        end if;
        seen := seen || next_id;
        current_id := next_id;
    end loop;
    return current_id;
end $$;

-- The timeline says «за Иванова И.И.» when a substitute acts on the work of the absent person.
alter table post_event add column on_behalf_of bigint references app_user (id);
