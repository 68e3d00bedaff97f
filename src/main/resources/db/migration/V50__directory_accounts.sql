-- Directory login (LDAP / Active Directory): a person created from the directory has no local password; their
-- password, roles and departments follow the directory at each login.
alter table app_user add column from_directory boolean not null default false;
alter table app_user alter column password_hash drop not null;
alter table app_user add constraint app_user_password_or_directory check (from_directory or password_hash is not null);
