-- Network interviews, their synthesis by theme, and the stakeholder session with its action agenda.
-- Interviews hold no names or contacts: the interviewee is a per-project pseudonym, the expert an id.
-- Contacts of invited organisations live only in session_invitation.

alter table project add column interview_deadline_days integer not null default 21
    check (interview_deadline_days > 0);
alter table project add column interview_minutes integer not null default 90
    check (interview_minutes > 0);

-- Insights synthesised comes between interviews completed and action agenda drafted.
update milestone set position = position + 1 where position >= 5;
insert into milestone (id, project_id, key, position, status, client_visible)
select gen_random_uuid(), p.id, 'INSIGHTS_SYNTHESISED', 5, 'PENDING', true
from project p
where not exists (select 1 from milestone m where m.project_id = p.id and m.key = 'INSIGHTS_SYNTHESISED');

create table interviewee_counter (
    project_id uuid    primary key references project (id),
    last       integer not null
);

create table interview (
    id                    uuid primary key,
    project_id            uuid        not null references project (id),
    expert_id             uuid        not null references expert (id),
    slot                  integer     not null check (slot > 0),
    status                varchar(20) not null check (status in ('RECORDED', 'DECLINED', 'MISSING')),
    interviewee_pseudonym varchar(20),
    age_band              varchar(20),
    gender                varchar(20),
    residence_status      varchar(40),
    time_in_nl            varchar(20),
    themes                jsonb       not null default '[]',
    needs                 jsonb       not null default '[]',
    key_quotes            jsonb       not null default '[]',
    insights              text,
    solutions             jsonb       not null default '[]',
    recorded_at           timestamptz not null,
    unique (project_id, expert_id, slot),
    unique (project_id, interviewee_pseudonym)
);

create table synthesis (
    project_id          uuid primary key references project (id),
    version             integer     not null,
    status              varchar(20) not null check (status in ('DRAFT', 'APPROVED')),
    interviews_recorded integer     not null,
    interviews_declined integer     not null,
    interviews_missing  integer     not null,
    document_html       text        not null,
    review_notes        text,
    created_at          timestamptz not null,
    revised_at          timestamptz,
    approved_at         timestamptz
);

create table synthesis_theme (
    project_id      uuid          not null references synthesis (project_id),
    theme           varchar(80)   not null,
    position        integer       not null,
    interview_count integer       not null,
    share           numeric(5, 4) not null,
    summary         text          not null,
    top_needs       jsonb         not null,
    quotes          jsonb         not null,
    solutions       jsonb         not null,
    primary key (project_id, theme)
);

create table stakeholder_session (
    project_id          uuid primary key references project (id),
    session_at          timestamptz  not null,
    venue               varchar(200) not null,
    shared_insight      varchar(300),
    planned_at          timestamptz  not null,
    reminders_sent_at   timestamptz,
    outcome_recorded_at timestamptz
);

create table session_invitation (
    project_id    uuid         not null references stakeholder_session (project_id),
    position      integer      not null,
    id            uuid         not null unique,
    organisation  varchar(200) not null,
    contact_name  varchar(200) not null,
    contact_email varchar(200) not null,
    language      varchar(5)   not null,
    primary key (project_id, position)
);

create table session_participation (
    project_id        uuid         not null references stakeholder_session (project_id),
    position          integer      not null,
    organisation      varchar(200) not null,
    participant_count integer      not null check (participant_count > 0),
    primary key (project_id, position)
);

create table action_item (
    project_id          uuid         not null references project (id),
    position            integer      not null,
    theme               varchar(80)  not null,
    action              text         not null,
    owner               varchar(200) not null,
    term                varchar(10)  not null check (term in ('short', 'long')),
    priority            varchar(10)  not null check (priority in ('high', 'medium', 'low')),
    supporting_insights jsonb        not null,
    primary key (project_id, position)
);
