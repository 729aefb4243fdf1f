-- A job key is unique only within one engine's life: an engine whose data was lost (the embedded
-- default's folder deleted, a cluster reset) hands out the same keys again. The ledger keys a job
-- by its project too, and forgets an interrupted project's jobs (JobLedger.forget), so that a new
-- project, or a resumed one, never meets the stored result of another engine's job.
-- Rows from before have no project: the nil UUID.
alter table processed_job add column project_id uuid not null
    default '00000000-0000-0000-0000-000000000000';
alter table processed_job alter column project_id drop default;
alter table processed_job drop constraint processed_job_pkey;
alter table processed_job add primary key (project_id, job_key);
