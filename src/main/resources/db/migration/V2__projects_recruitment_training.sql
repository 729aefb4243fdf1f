-- Projects, their milestones, recruitment, training and remuneration.
-- Personal data (names, contacts, motivation) lives only in application; everything else refers to
-- people by id or pseudonym, so anonymisation has one table to act on.

create table client_organisation (
    id         uuid primary key,
    name       varchar(200) not null unique,
    created_at timestamptz  not null
);

create table project (
    id                      uuid primary key,
    name                    varchar(200)  not null,
    client_id               uuid          not null references client_organisation (id),
    region                  varchar(120)  not null,
    target_experts          integer       not null check (target_experts > 0),
    interviews_per_expert   integer       not null check (interviews_per_expert > 0),
    themes                  jsonb         not null,
    start_date              date          not null,
    recruitment_window_days integer       not null check (recruitment_window_days > 0),
    minimum_pool            integer       not null check (minimum_pool > 0),
    required_sessions       integer       not null check (required_sessions > 0),
    hourly_rate             numeric(8, 2) not null,
    status                  varchar(20)   not null,
    current_phase           varchar(40)   not null,
    process_instance_key    bigint,
    created_at              timestamptz   not null,
    created_by              varchar(120)  not null,
    version                 bigint        not null default 0
);
create index project_client_idx on project (client_id);

create table phase_deadline (
    project_id uuid        not null references project (id),
    phase      varchar(40) not null,
    due_at     timestamptz not null,
    primary key (project_id, phase)
);

create table milestone (
    id               uuid primary key,
    project_id       uuid        not null references project (id),
    key              varchar(40) not null,
    position         integer     not null,
    status           varchar(20) not null,
    reached_at       timestamptz,
    progress_current integer,
    progress_total   integer,
    progress_unit    varchar(40),
    client_visible   boolean     not null,
    unique (project_id, key)
);

create table recruitment_call (
    id           uuid primary key,
    project_id   uuid        not null unique references project (id),
    sign_up_code varchar(20) not null unique,
    opened_at    timestamptz not null,
    closes_at    timestamptz not null,
    extensions   integer     not null default 0,
    status       varchar(20) not null
);

create table application (
    id                 uuid primary key,
    project_id         uuid          not null references project (id),
    pseudonym          varchar(20)   not null,
    name               varchar(200)  not null,
    email              varchar(200),
    phone              varchar(40),
    languages          jsonb         not null,
    motivation         varchar(2000) not null,
    preferred_language varchar(5)    not null,
    submitted_at       timestamptz   not null,
    acknowledged_at    timestamptz,
    decision           varchar(20),
    decision_note      varchar(500),
    decided_at         timestamptz,
    unique (project_id, pseudonym)
);
create index application_project_idx on application (project_id);

create table consent_record (
    id             uuid primary key,
    application_id uuid        not null unique references application (id),
    text_version   varchar(40) not null,
    given_at       timestamptz not null,
    method         varchar(40) not null
);

create table expert (
    id             uuid primary key,
    project_id     uuid        not null references project (id),
    application_id uuid        not null unique references application (id),
    pseudonym      varchar(20) not null,
    status         varchar(20) not null,
    certified_at   timestamptz,
    created_at     timestamptz not null
);
create index expert_project_idx on expert (project_id);

create table training_session (
    id               uuid primary key,
    project_id       uuid         not null references project (id),
    training_round   integer      not null,
    position         integer      not null,
    starts_at        timestamptz  not null,
    duration_minutes integer      not null check (duration_minutes > 0),
    location         varchar(200) not null,
    trainer          varchar(120) not null,
    unique (project_id, training_round, position)
);

create table attendance (
    session_id  uuid        not null references training_session (id),
    expert_id   uuid        not null references expert (id),
    attended    boolean     not null,
    recorded_at timestamptz not null,
    primary key (session_id, expert_id)
);

create table remuneration_entry (
    id         uuid primary key,
    project_id uuid         not null references project (id),
    expert_id  uuid         not null references expert (id),
    kind       varchar(20)  not null,
    source_ref varchar(100) not null,
    minutes    integer      not null check (minutes > 0),
    booked_at  timestamptz  not null,
    settled_at timestamptz,
    unique (expert_id, kind, source_ref)
);

-- What a user submitted on a task's form: the engine gets only ids, choices and numbers.
create table task_submission (
    task_key     bigint primary key,
    form_id      varchar(100) not null,
    project_id   uuid,
    data         jsonb        not null,
    submitted_by varchar(120) not null,
    submitted_at timestamptz  not null
);

-- One row per job whose effect is done: a repeated delivery returns the stored result.
create table processed_job (
    job_key      bigint primary key,
    job_type     varchar(100) not null,
    result       jsonb        not null,
    processed_at timestamptz  not null
);
