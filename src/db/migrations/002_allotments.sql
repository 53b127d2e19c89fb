-- Allotments: assessments, price lists, purchases, the ledger and the responses it counts.

create table assessments (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(trim(name)) > 0),
  response_expiry_days integer not null default 14 check (response_expiry_days between 1 and 3650),
  pricing_by_cohort boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The assessments a manager may sell and use.
create table user_assessments (
  user_id uuid not null references users(id) on delete cascade,
  assessment_id uuid not null references assessments(id),
  primary key (user_id, assessment_id)
);

create table price_lists (
  id uuid primary key default gen_random_uuid(),
  assessment_id uuid not null references assessments(id),
  name text not null,
  valid_from date not null,
  valid_to date check (valid_to >= valid_from),
  tiers_mode text not null default 'volume' check (tiers_mode in ('volume', 'graduated')),
  -- { "EUR": [{ "upTo": 99, "unitAmount": 1000 }, …, { "upTo": null, "unitAmount": 600 }] }, validated in src/domain/pricing.ts
  currencies jsonb not null,
  created_at timestamptz not null default now(),
  unique (id, assessment_id)
);

create table organization_price_lists (
  organization_id uuid not null references organizations(id),
  assessment_id uuid not null,
  price_list_id uuid not null,
  linked_at timestamptz not null default now(),
  primary key (organization_id, assessment_id),
  foreign key (price_list_id, assessment_id) references price_lists(id, assessment_id)
);

-- One row per organization × assessment. The counters are maintained in the same transaction as
-- the facts below (allocations, responses, cohorts); the CHECK makes overspending impossible
-- whatever the code does.
create table allotments (
  organization_id uuid not null references organizations(id),
  assessment_id uuid not null references assessments(id),
  allocated integer not null default 0 check (allocated >= 0),
  invited integer not null default 0 check (invited >= 0),
  used integer not null default 0 check (used >= 0),
  unexpired integer not null default 0 check (unexpired >= 0),
  expired integer not null default 0 check (expired >= 0),
  primary key (organization_id, assessment_id),
  constraint allotment_not_overspent check (allocated - used - unexpired >= 0)
);

create table purchases (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  assessment_id uuid not null references assessments(id),
  quantity integer not null check (quantity > 0),
  currency char(3) not null,
  unit_amount integer not null check (unit_amount >= 0),
  amount integer not null check (amount >= 0),
  price_list_id uuid references price_lists(id),
  payment_method text not null check (payment_method in ('stripe', 'manual')),
  status text not null check (status in ('pending_payment', 'paid', 'expired', 'granted')),
  stripe_payment_intent_id text unique,
  client_secret text,
  expires_at timestamptz,
  paid_at timestamptz,
  created_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index purchases_org_idx on purchases (organization_id, assessment_id);

-- A purchase allocates at most once: the primary key is the purchase.
create table allocations (
  purchase_id uuid primary key references purchases(id),
  organization_id uuid not null,
  assessment_id uuid not null,
  units integer not null check (units > 0),
  allocated_at timestamptz not null default now()
);

-- Each Stripe event is applied once.
create table stripe_events (
  id text primary key,
  type text not null,
  received_at timestamptz not null default now()
);

create table cohorts (
  id uuid primary key default gen_random_uuid(),
  assessment_id uuid not null references assessments(id),
  organization_id uuid not null references organizations(id),
  name text not null,
  counted boolean not null,
  created_by uuid references users(id),
  created_at timestamptz not null default now()
);

create table share_links (
  id uuid primary key default gen_random_uuid(),
  token_hash bytea not null unique,
  assessment_id uuid not null references assessments(id),
  organization_id uuid not null references organizations(id),
  cohort_id uuid references cohorts(id),
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

create table jobs (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  organization_id uuid references organizations(id),
  status text not null default 'running' check (status in ('running', 'completed', 'failed')),
  total integer not null,
  processed integer not null default 0,
  failed integer not null default 0,
  errors jsonb not null default '[]',
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  check (processed + failed <= total)
);

create table responses (
  id uuid primary key default gen_random_uuid(),
  assessment_id uuid not null references assessments(id),
  organization_id uuid not null references organizations(id),
  cohort_id uuid references cohorts(id),
  job_id uuid references jobs(id),
  job_line integer,
  source text not null check (source in ('manual', 'bulk', 'cohort', 'share_link')),
  respondent_email text not null,
  respondent_name text not null,
  -- Whether this response holds a unit of the allotment (false: cohort-priced, or not metered).
  counted boolean not null,
  status text not null default 'invited' check (status in ('invited', 'completed', 'expired')),
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  completed_at timestamptz,
  expired_at timestamptz,
  unique (job_id, job_line)
);
create index responses_org_idx on responses (organization_id, assessment_id);
create index responses_open_idx on responses (organization_id, assessment_id, expires_at) where status = 'invited' and counted;
create index responses_job_idx on responses (job_id, job_line) where job_id is not null;
