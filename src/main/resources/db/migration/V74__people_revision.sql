-- Issue 20: the people and departments every page needs (the logged-in person's departments and substitutions, the
-- department and executor lists) are kept in memory by each instance until they change. Every change to the tables
-- they are read from counts the revision up and says 'p' on otklik_live (V66), whoever makes it: a page, the
-- directory login, another instance, SQL by hand. The revision is counted in the changing transaction, so an
-- instance that missed the notification sees the change by the revision once it commits.

create table people_revision (
    id       integer primary key default 1,
    revision bigint  not null default 0,
    constraint people_revision_one_row check (id = 1)
);
insert into people_revision (id, revision) values (1, 0);

create function people_changed() returns trigger
    language plpgsql as $$
begin
    -- a copy being loaded (database.Backups) brings its own revision, and no instance runs on it yet
    if current_setting('otklik.restoring', true) = 'on' then
        return null;
    end if;
    insert into people_revision (id, revision) values (1, 1)
        on conflict (id) do update set revision = people_revision.revision + 1;
    perform pg_notify('otklik_live', 'p');
    return null;
end
$$;

create trigger app_user_people after insert or update or delete or truncate on app_user
    for each statement execute function people_changed();
create trigger user_role_people after insert or update or delete or truncate on user_role
    for each statement execute function people_changed();
create trigger department_people after insert or update or delete or truncate on department
    for each statement execute function people_changed();
create trigger department_executor_people after insert or update or delete or truncate on department_executor
    for each statement execute function people_changed();
create trigger department_subject_people after insert or update or delete or truncate on department_subject
    for each statement execute function people_changed();
create trigger department_subject_executor_people
    after insert or update or delete or truncate on department_subject_executor
    for each statement execute function people_changed();
create trigger absence_people after insert or update or delete or truncate on absence
    for each statement execute function people_changed();
