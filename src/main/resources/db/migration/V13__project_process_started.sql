-- When the project's current process instance started: at creation, and again when an interrupted
-- project is resumed. Reconciliation leaves a younger instance alone, which a cluster's search may
-- not show yet.
alter table project add column process_started_at timestamptz;
update project set process_started_at = created_at where process_instance_key is not null;
