-- Every e-mail partnerflow sends, one row per notification id (a business key such as
-- `sale-<id>.approved.<user>` or `purchase-<id>.receipt`): the send is claimed here before the
-- SMTP transaction and marked sent after it, so a retried activity never sends it again.
-- No body is kept: a message may carry a secret (a one-time code, an invitation link).
create table notifications (
  id text primary key check (length(id) between 1 and 300),
  recipient text not null,
  template text not null,
  message_id text not null unique,
  status text not null check (status in ('sending', 'sent', 'failed')),
  attempts integer not null default 1 check (attempts > 0),
  -- While a send is under way: another attempt before this instant finds it in progress.
  claimed_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  check ((status = 'sent') = (sent_at is not null))
);
create index notifications_recipient_idx on notifications (lower(recipient), created_at desc);

-- Unique campaign codes sent by e-mail (POST /v1/campaigns/{id}/sends). An address gets one code
-- of a campaign, ever; a code goes to one address: re-running a list gives nobody a second code.
create table campaign_code_assignments (
  campaign_id uuid not null references campaigns(id),
  email text not null check (email = lower(email)),
  n integer not null,
  job_id uuid not null references jobs(id),
  assigned_at timestamptz not null default now(),
  primary key (campaign_id, email),
  unique (campaign_id, n),
  foreign key (campaign_id, n) references campaign_codes(campaign_id, n)
);

-- One row per recipient of a sends job, with its outcome.
create table campaign_send_rows (
  job_id uuid not null references jobs(id),
  line integer not null,
  campaign_id uuid not null references campaigns(id),
  email text not null,
  name text not null,
  status text not null check (status in ('pending', 'sent', 'already_sent', 'failed')),
  code_n integer,
  error text,
  primary key (job_id, line)
);
