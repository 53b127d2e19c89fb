-- Respondent invitations by e-mail (issue 14). An assessment with an invitation URL template has
-- every new response's respondent e-mailed a link carrying an unguessable token, and reminded
-- `reminder_days_before_expiry` days before the response expires unless it is completed.
alter table assessments
  add column invitation_url_template text
    check (invitation_url_template ~ '^https?://[^{}\s]*\{token\}[^{}\s]*$' and length(invitation_url_template) <= 2000),
  add column reminder_days_before_expiry integer not null default 2 check (reminder_days_before_expiry between 0 and 3650);

-- false: the partner sends its own invitations; no e-mail and no reminder for this response.
alter table responses add column notify boolean not null default true;
-- A share link's choice, given to every response started through it.
alter table share_links add column notify boolean not null default true;

-- The tokens in invitation links, stored only as their SHA-256 hash (docs/security.md). Each
-- e-mail (the invitation, each reminder) carries its own token; every one resolves to its response.
create table invitation_tokens (
  token_hash bytea primary key,
  response_id uuid not null references responses(id),
  created_at timestamptz not null default now()
);
create index invitation_tokens_response_idx on invitation_tokens (response_id);
