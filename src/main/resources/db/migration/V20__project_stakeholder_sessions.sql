-- Issue 23: a project holds one or more stakeholder (make) sessions, one after another. Owned by
-- project.
alter table project add column stakeholder_sessions integer not null default 1
    check (stakeholder_sessions between 1 and 20);
