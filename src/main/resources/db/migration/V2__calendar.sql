-- Working-time calendar (SPEC §4): the weekly office hours and the production calendar, editable by the admin.
create table office_hours (
    day_of_week smallint primary key check (day_of_week between 1 and 7),
    start_time  time,
    end_time    time,
    lunch_start time,
    lunch_end   time,
    constraint office_hours_day check ((start_time is null) = (end_time is null)),
    constraint office_hours_order check (start_time is null or start_time < end_time),
    constraint office_hours_lunch check ((lunch_start is null) = (lunch_end is null)
        and (lunch_start is null or (start_time < lunch_start and lunch_start < lunch_end and lunch_end < end_time)))
);
-- 1 = Monday … 7 = Sunday (ISO); no hours = a day off.
insert into office_hours values
    (1, '08:30', '17:30', '12:00', '12:48'),
    (2, '08:30', '17:30', '12:00', '12:48'),
    (3, '08:30', '17:30', '12:00', '12:48'),
    (4, '08:30', '17:30', '12:00', '12:48'),
    (5, '08:30', '16:30', '12:00', '12:48'),
    (6, null, null, null, null),
    (7, null, null, null, null);

-- A date that differs from the weekly hours: DAY_OFF, WORKING (a transferred weekend day, Monday's hours),
-- SHORTENED (one hour shorter; on a weekend it is also a working day) or CUSTOM hours.
create table calendar_day (
    day         date primary key,
    kind        varchar(16) not null check (kind in ('DAY_OFF', 'WORKING', 'SHORTENED', 'CUSTOM')),
    start_time  time,
    end_time    time,
    lunch_start time,
    lunch_end   time,
    constraint calendar_day_custom check (kind <> 'CUSTOM' or (start_time is not null and end_time is not null
        and start_time < end_time and (lunch_start is null) = (lunch_end is null)))
);

-- Years whose production calendar is loaded in full; other years fall back to Art. 112 of the Labour Code.
create table calendar_year (
    year   integer primary key,
    decree varchar(200) not null
);

-- Bumped on every change so every instance rebuilds its calendar.
create table calendar_revision (
    id       smallint primary key check (id = 1),
    revision bigint not null
);
insert into calendar_revision values (1, 0);

insert into calendar_year values
    (2025, 'ПП № 1335 от 04.10.2024'),
    (2026, 'ПП № 1466 от 24.09.2025'),
    (2027, 'ПП № 1187 от 17.09.2026');

-- 1 Nov 2025 and 20 Feb 2027 are working Saturdays that are also shortened: SHORTENED implies a working day.
insert into calendar_day (day, kind) values
    ('2025-01-01', 'DAY_OFF'),
    ('2025-01-02', 'DAY_OFF'),
    ('2025-01-03', 'DAY_OFF'),
    ('2025-01-06', 'DAY_OFF'),
    ('2025-01-07', 'DAY_OFF'),
    ('2025-01-08', 'DAY_OFF'),
    ('2025-05-01', 'DAY_OFF'),
    ('2025-05-02', 'DAY_OFF'),
    ('2025-05-08', 'DAY_OFF'),
    ('2025-05-09', 'DAY_OFF'),
    ('2025-06-12', 'DAY_OFF'),
    ('2025-06-13', 'DAY_OFF'),
    ('2025-11-03', 'DAY_OFF'),
    ('2025-11-04', 'DAY_OFF'),
    ('2025-12-31', 'DAY_OFF'),
    ('2025-03-07', 'SHORTENED'),
    ('2025-04-30', 'SHORTENED'),
    ('2025-06-11', 'SHORTENED'),
    ('2025-11-01', 'SHORTENED'),
    ('2026-01-01', 'DAY_OFF'),
    ('2026-01-02', 'DAY_OFF'),
    ('2026-01-05', 'DAY_OFF'),
    ('2026-01-06', 'DAY_OFF'),
    ('2026-01-07', 'DAY_OFF'),
    ('2026-01-08', 'DAY_OFF'),
    ('2026-01-09', 'DAY_OFF'),
    ('2026-02-23', 'DAY_OFF'),
    ('2026-03-09', 'DAY_OFF'),
    ('2026-05-01', 'DAY_OFF'),
    ('2026-05-11', 'DAY_OFF'),
    ('2026-06-12', 'DAY_OFF'),
    ('2026-11-04', 'DAY_OFF'),
    ('2026-12-31', 'DAY_OFF'),
    ('2026-04-30', 'SHORTENED'),
    ('2026-05-08', 'SHORTENED'),
    ('2026-06-11', 'SHORTENED'),
    ('2026-11-03', 'SHORTENED'),
    ('2027-01-01', 'DAY_OFF'),
    ('2027-01-04', 'DAY_OFF'),
    ('2027-01-05', 'DAY_OFF'),
    ('2027-01-06', 'DAY_OFF'),
    ('2027-01-07', 'DAY_OFF'),
    ('2027-01-08', 'DAY_OFF'),
    ('2027-02-22', 'DAY_OFF'),
    ('2027-02-23', 'DAY_OFF'),
    ('2027-03-08', 'DAY_OFF'),
    ('2027-05-03', 'DAY_OFF'),
    ('2027-05-10', 'DAY_OFF'),
    ('2027-06-14', 'DAY_OFF'),
    ('2027-11-04', 'DAY_OFF'),
    ('2027-11-05', 'DAY_OFF'),
    ('2027-12-31', 'DAY_OFF'),
    ('2027-02-20', 'SHORTENED'),
    ('2027-04-30', 'SHORTENED'),
    ('2027-06-11', 'SHORTENED'),
    ('2027-11-03', 'SHORTENED');
