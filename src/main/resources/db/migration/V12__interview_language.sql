-- The language an interview was recorded in (a BCP 47 tag such as uk), kept with the words as the
-- expert typed them; null for interviews recorded before, and for declined and missing ones.
alter table interview add column language varchar(35);
-- The language of the page a form was submitted from, or of the API request's Content-Language.
alter table task_submission add column language varchar(35);
