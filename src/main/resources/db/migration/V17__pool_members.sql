-- Members of a standing pool (issue 23): experts who agreed to be invited again. Owned by the pools
-- module, which keeps its own copy of what it needs to reach them (name, contact, languages), apart
-- from their projects' data with its own retention: erased when they leave the pool.
create table pool_member (
    id                 uuid primary key,
    pool_id            uuid         not null references standing_pool (id),
    -- The expert whose consent made them a member, in the project where they gave it.
    source_expert_id   uuid         not null,
    name               varchar(200),
    email              varchar(254),
    phone              varchar(40),
    languages          jsonb,
    preferred_language varchar(10),
    joined_at          timestamptz  not null,
    left_at            timestamptz,
    last_project_at    timestamptz  not null,
    unique (pool_id, source_expert_id)
);
create index pool_member_pool_idx on pool_member (pool_id);

-- The projects a member took part in, as which expert, and when they were certified there.
create table pool_member_project (
    member_id    uuid        not null references pool_member (id),
    project_id   uuid        not null,
    expert_id    uuid        not null,
    certified_at timestamptz,
    primary key (member_id, project_id)
);

-- The consent to be invited again, recorded like the first one, and its withdrawal.
create table pool_consent (
    id           uuid primary key,
    member_id    uuid        not null references pool_member (id),
    text_version varchar(40) not null,
    language     varchar(10) not null,
    text_sha256  varchar(64) not null,
    method       varchar(40) not null,
    given_at     timestamptz not null,
    given_by     varchar(120) not null,
    revoked_at   timestamptz,
    revoked_by   varchar(120)
);
create index pool_consent_member_idx on pool_consent (member_id);
