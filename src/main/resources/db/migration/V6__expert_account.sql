-- Which sign-in account belongs to an expert, so that an expert sees only their own interview and
-- feedback tasks. Kept here, not in the engine: usernames are personal data. One account per
-- application; one person may have applied to several projects under the same account.
create table expert_account (
    application_id uuid         primary key references application (id),
    username       varchar(120) not null,
    linked_at      timestamptz  not null,
    linked_by      varchar(120) not null
);
create index expert_account_username_idx on expert_account (username);
