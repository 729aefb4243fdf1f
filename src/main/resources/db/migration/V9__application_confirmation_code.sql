-- An application that gives a phone number only is confirmed with a code sent by text message,
-- when an SMS gateway is configured: kept as a hash of application and code, tried at most five
-- times.
alter table application_confirmation add column kind varchar(10) not null default 'LINK'
    check (kind in ('LINK', 'CODE'));
alter table application_confirmation add column attempts integer not null default 0;
