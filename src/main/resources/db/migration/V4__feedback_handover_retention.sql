-- Feedback on the action agenda, the handover package and meeting, remuneration settlement, and
-- retention: when a project's personal data was anonymised.

alter table project add column retention_days integer not null default 180
    check (retention_days > 0);
alter table project add column anonymised_at timestamptz;

insert into milestone (id, project_id, key, position, status, client_visible)
select gen_random_uuid(), p.id, 'PERSONAL_DATA_ANONYMISED', 9, 'PENDING', false
from project p
where not exists (select 1 from milestone m where m.project_id = p.id and m.key = 'PERSONAL_DATA_ANONYMISED');

alter table application add column anonymised_at timestamptz;

-- One row per expert of the round: their feedback, or that none came before the deadline.
create table feedback (
    project_id  uuid        not null references project (id),
    expert_id   uuid        not null references expert (id),
    status      varchar(20) not null check (status in ('GIVEN', 'MISSING')),
    recorded_at timestamptz not null,
    primary key (project_id, expert_id)
);

create table feedback_score (
    project_id uuid    not null,
    expert_id  uuid    not null,
    position   integer not null,
    support    integer not null check (support between 1 and 5),
    comment    text,
    primary key (project_id, expert_id, position),
    foreign key (project_id, expert_id) references feedback (project_id, expert_id)
);

alter table action_item add column mean_support numeric(3, 2);
alter table action_item add column support_count integer not null default 0;
alter table action_item add column flagged boolean not null default false;
alter table action_item add column status varchar(10) not null default 'ACTIVE'
    check (status in ('ACTIVE', 'EDITED', 'DROPPED', 'KEPT'));
alter table action_item add column original_action text;
alter table action_item add column revision_reason text;

create table handover_package (
    project_id     uuid primary key references project (id),
    html           text        not null,
    pdf            bytea       not null,
    built_at       timestamptz not null,
    accepted_at    timestamptz,
    accepted_by    varchar(120),
    client_remarks text
);

create table handover_meeting (
    project_id    uuid primary key references project (id),
    meeting_at    timestamptz not null,
    organisations jsonb       not null,
    follow_ups    jsonb       not null,
    agreements    text        not null,
    recorded_at   timestamptz not null
);

create table remuneration_settlement (
    project_id   uuid primary key references project (id),
    hourly_rate  numeric(8, 2)  not null,
    total_hours  numeric(10, 2) not null,
    total_amount numeric(12, 2) not null,
    settled_at   timestamptz    not null
);
