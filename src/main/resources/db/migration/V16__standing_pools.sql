-- Standing pools (issue 23): a regional community of trained newcomers that serves project after
-- project. Owned by the pools module. A project may belong to one (project.standing_pool_id, owned
-- by the project module).
create table standing_pool (
    id                   uuid primary key,
    name                 varchar(200) not null unique,
    region               varchar(120) not null,
    -- How long a certification from training stays valid for the pool's next projects.
    certification_months integer      not null check (certification_months between 1 and 120),
    -- How long a member stays without taking part in a project before their membership ends.
    membership_months    integer      not null check (membership_months between 1 and 120),
    created_at           timestamptz  not null,
    created_by           varchar(120) not null
);

alter table project add column standing_pool_id uuid references standing_pool (id);
create index project_standing_pool_idx on project (standing_pool_id);
