-- Aggregator partner tariffs: tariffs and their services, profiles, contracts, aggregator integrations.

create table tariffs (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  name text not null check (length(trim(name)) > 0),
  payment_frequency text not null
    check (payment_frequency in ('FREE', 'WEEKLY', 'BIWEEKLY', 'MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY')),
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  -- Lets an aggregator reference a tariff of its own studio only (see aggregators below).
  unique (id, organization_id)
);
create index tariffs_org_idx on tariffs (organization_id, id);

create table tariff_services (
  tariff_id uuid not null references tariffs(id),
  position integer not null,
  name text not null check (length(trim(name)) > 0),
  kind text not null check (kind in ('service', 'flat_rate', 'module')),
  primary key (tariff_id, position)
);

-- One integration of an aggregator partner with a studio. The assignment progress lives here so
-- the API reads it without asking the workflow; the workflow `aggregator-<id>` writes it.
create table aggregators (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  name text not null check (length(trim(name)) > 0),
  status text not null default 'active' check (status in ('active', 'inactive')),
  tariff_id uuid,
  state text not null default 'idle' check (state in ('idle', 'assigning', 'unassigning', 'done')),
  -- What the running (or last) backfill does: assign the tariff, unassign it, or clean up on deactivation.
  mode text check (mode in ('assign', 'unassign', 'deactivate')),
  -- Bumped by every change of tariff or status: a batch of an older change never writes.
  generation integer not null default 0,
  -- The last profile id the backfill has handled (profiles are walked in id order).
  cursor uuid,
  profiles_total integer not null default 0 check (profiles_total >= 0),
  profiles_done integer not null default 0 check (profiles_done >= 0),
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deactivated_at timestamptz,
  foreign key (tariff_id, organization_id) references tariffs(id, organization_id),
  check ((status = 'inactive') = (deactivated_at is not null)),
  check (status = 'active' or tariff_id is null)
);
create index aggregators_org_idx on aggregators (organization_id, id);

create table profiles (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations(id),
  name text not null check (length(trim(name)) > 0),
  email text not null,
  status text not null default 'prospect' check (status in ('prospect', 'member', 'former')),
  aggregator_id uuid references aggregators(id),
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Aggregator profiles are prospects: they never count as members or against memberLimit.
  check (aggregator_id is null or status = 'prospect')
);
create index profiles_org_idx on profiles (organization_id, id);
create index profiles_aggregator_idx on profiles (aggregator_id, id) where aggregator_id is not null;
create index profiles_members_idx on profiles (organization_id) where status = 'member';

-- A profile × tariff. Contracts given by an aggregator carry its id as their source.
create table contracts (
  id uuid primary key default gen_random_uuid(),
  profile_id uuid not null references profiles(id),
  tariff_id uuid not null references tariffs(id),
  aggregator_id uuid references aggregators(id),
  status text not null default 'active' check (status in ('active', 'terminated')),
  started_at timestamptz not null default now(),
  terminated_at timestamptz,
  termination_reason text check (termination_reason in ('tariff_changed', 'tariff_unassigned', 'aggregator_deactivated')),
  check ((status = 'terminated') = (terminated_at is not null))
);
-- Never two active contracts from the same aggregator for one profile: the backfill and the
-- creation of a profile both insert with ON CONFLICT DO NOTHING on this index, so they can overlap.
create unique index contracts_one_active_per_aggregator on contracts (aggregator_id, profile_id)
  where status = 'active' and aggregator_id is not null;
create index contracts_profile_idx on contracts (profile_id, started_at);
