-- Who can sign in: bcrypt password hashes, one role each; a client user belongs to one client
-- organisation (by name, as projects name their client).
create table app_user (
    username      varchar(120) primary key,
    password_hash varchar(200) not null,
    role          varchar(40)  not null check (role in ('PROJECT_MANAGER', 'STAFF', 'EXPERT', 'CLIENT')),
    organisation  varchar(200),
    display_name  varchar(200),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null,
    check (role <> 'CLIENT' or organisation is not null)
);
