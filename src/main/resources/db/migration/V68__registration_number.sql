-- Issue 21 point 1: the Ministry's own registration number of each post (номер в журнале регистрации), e.g.
-- СОЦ-2026/0123: a sequence per year of registration in Ministry time (Asia/Novokuznetsk), never reused and without
-- gaps. Not a PostgreSQL sequence (a rolled-back registration would leave a gap): one counter row per year, raised by
-- `insert … on conflict do update … returning` in the transaction that inserts the post, so concurrent registrations
-- (on any number of instances) wait for each other on the row and a rolled-back one takes its number back with it.
create table registration_counter (
    year integer primary key,
    last integer not null,
    constraint registration_counter_positive check (last > 0)
);

-- The number is kept as it was given (the prefix of the time included: a changed prefix renames no earlier post);
-- the year and the sequence beside it keep it unique and searchable without parsing.
alter table post add column registration_year integer;
alter table post add column registration_seq integer;
alter table post add column registration_number varchar(60);

-- Existing posts are numbered by registration order within each year: the instant of their REGISTERED timeline line
-- (received_at if it has none), then their id. The feed's trigger is held off: numbering is not a change ЦУР must
-- see as one, and every post of the database would otherwise move to the end of ЦУР's feed at once.
alter table post disable trigger post_changed_at;
with registered as (
    select p.id,
           coalesce((select min(e.at) from post_event e where e.post_id = p.id and e.action = 'REGISTERED'),
                    p.received_at) as at
    from post p
), numbered as (
    select id, extract(year from at at time zone 'Asia/Novokuznetsk')::integer as year,
           row_number() over (partition by extract(year from at at time zone 'Asia/Novokuznetsk')
                              order by at, id)::integer as seq
    from registered
)
update post p
   set registration_year = n.year,
       registration_seq = n.seq,
       registration_number = 'СОЦ-' || n.year || '/' || lpad(n.seq::text, greatest(4, length(n.seq::text)), '0')
  from numbered n
 where n.id = p.id;
alter table post enable trigger post_changed_at;

insert into registration_counter (year, last)
select registration_year, max(registration_seq) from post group by registration_year;

alter table post alter column registration_year set not null;
alter table post alter column registration_seq set not null;
alter table post alter column registration_number set not null;
alter table post add constraint post_registration_seq_uq unique (registration_year, registration_seq);
alter table post add constraint post_registration_number_uq unique (registration_number);
alter table post add constraint post_registration_seq_positive check (registration_seq > 0);

-- Otklik numbers each post it registers itself (posts.internal.RegistrationNumbers, with the configured prefix and
-- the year of its clock). A row inserted by SQL outside it (a test's fixture, a benchmark's million posts, a manual
-- repair) is numbered here the same way — the year of now() in Ministry time, the default prefix — so that no post is
-- ever without a number and no number is skipped.
create function post_registration() returns trigger language plpgsql as $$
begin
    if new.registration_number is null then
        new.registration_year := extract(year from now() at time zone 'Asia/Novokuznetsk')::integer;
        insert into registration_counter (year, last) values (new.registration_year, 1)
            on conflict (year) do update set last = registration_counter.last + 1
            returning last into new.registration_seq;
        new.registration_number := 'СОЦ-' || new.registration_year || '/'
            || lpad(new.registration_seq::text, greatest(4, length(new.registration_seq::text)), '0');
    end if;
    return new;
end
$$;

create trigger post_registration before insert on post
    for each row execute function post_registration();

-- Notifications keep the label of the post they name: the registration number from now on, also in those written.
update notification n set post_label = p.registration_number from post p where p.id = n.post_id;
update notification n
   set group_labels = array(select coalesce(p.registration_number, g.label)
                            from unnest(n.group_post_ids, n.group_labels) with ordinality as g(post_id, label, i)
                            left join post p on p.id = g.post_id
                            order by g.i)
 where n.group_post_ids is not null;
