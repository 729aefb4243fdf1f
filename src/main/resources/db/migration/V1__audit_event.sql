-- Who did what, when: written for every worker and API action.
create table audit_event (
    id          bigserial primary key,
    occurred_at timestamptz not null,
    actor       varchar(120) not null,
    action      varchar(120) not null,
    subject     varchar(200),
    detail      text
);
create index audit_event_subject_idx on audit_event (subject);
