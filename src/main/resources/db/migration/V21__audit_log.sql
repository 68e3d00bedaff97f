-- The audit log (журнал действий администратора): who did what, when and from which address. Append-only: the
-- application has no path to change or delete a line, and the database refuses it too.
create table audit_event (
    id          bigint generated always as identity primary key,
    at          timestamptz   not null,
    actor_login varchar(64)   not null,
    address     varchar(100),
    action      varchar(64)   not null,
    subject     varchar(300),
    details     varchar(2000)
);
create index audit_event_latest on audit_event (at desc, id desc);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op;
end
$$;
create trigger audit_event_no_update_or_delete before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
