-- Which text the applicant agreed to: its language and the SHA-256 of the exact text shown
-- (consent/<version>/<language>.md). Null for a version this app has no text of.
alter table consent_record add column language varchar(8);
alter table consent_record add column text_sha256 varchar(64);
