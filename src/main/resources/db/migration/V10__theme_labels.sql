-- Each theme's name in other languages than English, by theme and language: {"housing": {"nl": "wonen"}}.
alter table project add column theme_labels jsonb not null default '{}'::jsonb;
