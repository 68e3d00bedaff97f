-- A password set by the admin is temporary: its owner must choose their own at the next login (ASVS 5.0 V6.4).
alter table app_user add column must_change_password boolean not null default false;
