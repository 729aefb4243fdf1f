-- One-time links to set a password: an expert's new account gets one instead of a password the
-- project manager chooses. Only a hash of the link's secret is kept; a link is used once and
-- expires.
create table password_link (
    token_hash  varchar(64)  primary key,
    username    varchar(120) not null references app_user (username),
    created_at  timestamptz  not null,
    created_by  varchar(120) not null,
    expires_at  timestamptz  not null,
    used_at     timestamptz
);
create index password_link_username_idx on password_link (username);
