-- Issue 23: the agenda's year after the handover. Owned by followup. Each action's owner is asked
-- for its status every few weeks by a personal link (only the SHA-256 of its secret is kept); a
-- silent owner is reminded with a fresh link; a follow-up session ends the year.
create table agenda_follow_up (
    project_id          uuid primary key references project (id),
    started_at          timestamptz not null,
    ends_at             timestamptz not null,
    interval_weeks      integer     not null check (interval_weeks > 0),
    rounds              integer     not null check (rounds > 0),
    session_held_at     timestamptz,
    session_summary     text,
    session_recorded_at timestamptz
);

create table action_status_request (
    id          uuid primary key,
    project_id  uuid        not null references agenda_follow_up (project_id),
    position    integer     not null,
    round       integer     not null,
    token_hash  varchar(64) not null unique,
    sent_at     timestamptz not null,
    expires_at  timestamptz not null,
    reminded_at timestamptz,
    answered_at timestamptz,
    unique (project_id, position, round)
);

-- What an owner reported. The note is theirs, free text: erased with the project's personal data.
create table action_status (
    id          uuid primary key,
    project_id  uuid         not null references agenda_follow_up (project_id),
    position    integer      not null,
    status      varchar(12)  not null
        check (status in ('NOT_STARTED', 'UNDER_WAY', 'DONE', 'DROPPED')),
    note        varchar(2000),
    reported_at timestamptz  not null,
    request_id  uuid         references action_status_request (id)
);
create index action_status_project_idx on action_status (project_id, position);
