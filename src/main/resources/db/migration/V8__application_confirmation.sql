-- Double opt-in: an application counts once the applicant confirmed it (a link sent to the e-mail
-- address), or staff confirmed it after a call (a phone number only). Applications from before
-- counted at once: they stay confirmed.
alter table application add column confirmation varchar(20) not null default 'CONFIRMED'
    check (confirmation in ('PENDING', 'UNCONFIRMED', 'CONFIRMED'));
alter table application add column confirmed_at timestamptz;
alter table application add column confirmed_by varchar(200);
-- One application per contact and project: a hash of the e-mail address or phone number, so that
-- no contact is kept twice; removed with the rest when the person's data is.
alter table application add column contact_hash varchar(64);
create unique index application_contact_idx on application (project_id, contact_hash);

-- The secret of the confirmation link of an application (only its hash); used once.
create table application_confirmation (
    token_hash     varchar(64) primary key,
    application_id uuid        not null unique references application (id),
    created_at     timestamptz not null,
    expires_at     timestamptz not null,
    used_at        timestamptz
);
