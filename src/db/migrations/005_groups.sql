-- Group subscriptions: mirrors of the Stripe catalog (products, plans, customers, subscriptions),
-- groups, coupon campaigns and their codes, redemptions, access rules and claims.
-- Stripe is the system of record; these rows are what the API lists and reports, and what
-- enforces counts and uniqueness (Stripe's own limits are a second line, not the first).

create table products (
  id uuid primary key,
  name text not null check (length(trim(name)) > 0),
  description text,
  stripe_product_id text not null unique,
  created_by uuid references users(id),
  created_at timestamptz not null default now()
);

create table plans (
  id uuid primary key,
  product_id uuid not null references products(id),
  name text not null check (length(trim(name)) > 0),
  description text not null,
  amount integer not null check (amount >= 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  interval text not null check (interval in ('day', 'week', 'month', 'year')),
  stripe_price_id text not null unique,
  created_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index plans_product_idx on plans (product_id);

create table customers (
  id uuid primary key,
  name text not null,
  email text not null,
  -- Null while a group user's customer is still being created in Stripe.
  stripe_customer_id text unique,
  created_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index customers_email_idx on customers (lower(email));

create table groups (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(trim(name)) > 0),
  -- Optional: managers of this organization (and its ancestors) run the group; null = admins only.
  organization_id uuid references organizations(id),
  owner_customer_id uuid not null references customers(id),
  owner_subscription_id uuid not null unique,
  users_plan_id uuid not null references plans(id),
  created_by uuid references users(id),
  created_at timestamptz not null default now()
);
create index groups_org_idx on groups (organization_id);

create table campaigns (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references groups(id),
  mode text not null check (mode in ('shared', 'unique')),
  status text not null default 'creating' check (status in ('creating', 'active', 'closed', 'deactivated')),
  -- Shared: redemptions of the one code; unique: the number of codes (each redeemable once).
  max_redemptions integer not null check (max_redemptions > 0),
  code_count integer not null check (code_count > 0),
  codes_created integer not null default 0,
  ends_at timestamptz,
  stripe_coupon_id text unique,
  -- Why Stripe refused to create the campaign (it is then deactivated).
  failure text,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  activated_at timestamptz,
  closed_at timestamptz,
  deactivated_at timestamptz,
  check (mode = 'unique' or code_count = 1),
  check (codes_created between 0 and code_count)
);
create index campaigns_group_idx on campaigns (group_id);

-- Code strings are generated here first (unique forever, case-insensitively), then created in
-- Stripe one by one with the idempotency key campaign-<id>-code-<n>: a code is never created twice.
create table campaign_codes (
  campaign_id uuid not null references campaigns(id),
  n integer not null check (n >= 1),
  code text not null check (code ~ '^[A-Za-z0-9]{3,64}$'),
  max_redemptions integer not null check (max_redemptions > 0),
  redemptions integer not null default 0,
  stripe_promotion_code_id text unique,
  primary key (campaign_id, n),
  -- Concurrent redemptions serialise on the code row; this makes over-redeeming impossible.
  constraint code_not_overredeemed check (redemptions between 0 and max_redemptions)
);
create unique index campaign_codes_code_idx on campaign_codes (upper(code));
create index campaign_codes_pending_idx on campaign_codes (campaign_id, n) where stripe_promotion_code_id is null;

create table subscriptions (
  id uuid primary key,
  customer_id uuid not null references customers(id),
  plan_id uuid not null references plans(id),
  collection text not null check (collection in ('charge_automatically', 'send_invoice')),
  days_until_due integer check (days_until_due between 1 and 365),
  group_id uuid references groups(id),
  group_role text check (group_role in ('owner', 'user')),
  -- Group users: the person's address, one live subscription per group and address.
  email text,
  source text not null check (source in ('direct', 'import', 'redemption', 'ip_claim', 'email_claim')),
  campaign_id uuid references campaigns(id),
  job_id uuid references jobs(id),
  -- pending: reserved, being created in Stripe; active: exists in Stripe; failed: released.
  status text not null check (status in ('pending', 'active', 'failed')),
  stripe_subscription_id text unique,
  stripe_status text,
  failure text,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  activated_at timestamptz,
  check ((collection = 'send_invoice') = (days_until_due is not null)),
  check ((group_id is null) = (group_role is null)),
  check (group_role is distinct from 'user' or email is not null)
);
create unique index subscriptions_group_user_idx on subscriptions (group_id, lower(email)) where group_role = 'user' and status <> 'failed';
create unique index subscriptions_group_owner_idx on subscriptions (group_id) where group_role = 'owner';
create index subscriptions_plan_idx on subscriptions (plan_id);
create index subscriptions_customer_idx on subscriptions (customer_id);
create index subscriptions_campaign_idx on subscriptions (campaign_id) where campaign_id is not null;

alter table groups add foreign key (owner_subscription_id) references subscriptions(id);

create table redemptions (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null,
  code_n integer not null,
  subscription_id uuid not null unique references subscriptions(id),
  email text not null,
  -- pending: counted, subscription being created; redeemed: done; released: Stripe refused, uncounted.
  status text not null default 'pending' check (status in ('pending', 'redeemed', 'released')),
  created_at timestamptz not null default now(),
  redeemed_at timestamptz,
  released_at timestamptz,
  foreign key (campaign_id, code_n) references campaign_codes (campaign_id, n)
);
create unique index redemptions_once_idx on redemptions (campaign_id, lower(email)) where status <> 'released';

create table group_access_rules (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null unique references groups(id),
  -- Normalised in src/domain/groups/access.ts: canonical CIDR, lower-case domains.
  ip_ranges text[] not null default '{}',
  email_domains text[] not null default '{}',
  updated_by uuid references users(id),
  updated_at timestamptz not null default now()
);

create table access_claims (
  id uuid primary key default gen_random_uuid(),
  group_id uuid not null references groups(id),
  email text not null,
  name text not null,
  via text not null check (via in ('ip', 'email_domain')),
  client_ip text not null,
  status text not null check (status in ('verifying', 'granted', 'locked')),
  -- E-mail proof: only a hash of the one-time code is stored.
  code_hash bytea,
  code_expires_at timestamptz,
  attempts integer not null default 0 check (attempts >= 0),
  subscription_id uuid references subscriptions(id),
  created_at timestamptz not null default now(),
  granted_at timestamptz,
  check (via = 'ip' or code_hash is not null)
);
create index access_claims_recent_idx on access_claims (group_id, lower(email), created_at);

-- An import job (the platform's jobs row) of a group, and each row's outcome.
create table group_imports (
  job_id uuid primary key references jobs(id),
  group_id uuid not null references groups(id)
);
create index group_imports_group_idx on group_imports (group_id);

create table group_import_rows (
  job_id uuid not null references group_imports(job_id),
  line integer not null,
  email text not null,
  name text not null,
  status text not null check (status in ('pending', 'created', 'existing', 'failed')),
  error text,
  subscription_id uuid references subscriptions(id),
  primary key (job_id, line)
);
