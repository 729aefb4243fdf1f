-- Issue 23: a member of a standing pool who accepts an invitation to a new project of the pool
-- brings their certification along while it is valid: the date they were certified, so that it
-- still runs out when it would have. Owned by recruitment.
alter table application add column carried_certified_at timestamptz;
