-- Issue 23: the agenda's year after the handover, optional per project: how many months it lasts
-- and how many weeks lie between two status requests. Null for a project without one. Owned by
-- project.
alter table project add column follow_up_months integer check (follow_up_months between 1 and 36);
alter table project add column follow_up_interval_weeks integer
    check (follow_up_interval_weeks between 1 and 26);
