-- Issue 23: a project holds several stakeholder (make) sessions, numbered from 1. Each has its own
-- plan, invitations, participants and part of the action agenda; the agenda is their union, each
-- action traced to its session. Owned by session. Existing rows are session 1.
alter table session_invitation drop constraint session_invitation_project_id_fkey;
alter table session_participation drop constraint session_participation_project_id_fkey;

alter table stakeholder_session add column session_number integer not null default 1
    check (session_number > 0);
alter table stakeholder_session drop constraint stakeholder_session_pkey;
alter table stakeholder_session add primary key (project_id, session_number);

alter table session_invitation add column session_number integer not null default 1;
alter table session_invitation drop constraint session_invitation_pkey;
alter table session_invitation add primary key (project_id, session_number, position);
alter table session_invitation add foreign key (project_id, session_number)
    references stakeholder_session (project_id, session_number);

alter table session_participation add column session_number integer not null default 1;
alter table session_participation drop constraint session_participation_pkey;
alter table session_participation add primary key (project_id, session_number, position);
alter table session_participation add foreign key (project_id, session_number)
    references stakeholder_session (project_id, session_number);

-- Positions run over the whole agenda; the session each action came from is kept beside it.
alter table action_item add column session_number integer not null default 1;
