-- Issue 23: a standing pool's member invited to a new project of the pool. Owned by the pools
-- module. It holds ids and dates only; the link's secret is kept as its SHA-256. The member accepts
-- or declines on their own page or through the link, which works once and until it expires.
create table pool_invitation (
    id             uuid primary key,
    pool_id        uuid         not null references standing_pool (id),
    member_id      uuid         not null references pool_member (id),
    project_id     uuid         not null,
    invited_at     timestamptz  not null,
    invited_by     varchar(120) not null,
    token_hash     varchar(64)  not null unique,
    expires_at     timestamptz  not null,
    -- ACCEPTED, DECLINED, or WITHDRAWN when the member left the pool first; null while open.
    answer         varchar(10),
    answered_at    timestamptz,
    answered_by    varchar(120),
    -- The application accepting made in the project.
    application_id uuid,
    unique (member_id, project_id)
);
create index pool_invitation_project_idx on pool_invitation (project_id);
