-- Platform: organizations, users, tokens, settings, audit trail, idempotency records.

create table organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(trim(name)) > 0),
  parent_id uuid references organizations(id),
  -- Ancestors from the root down to and including this organization: scope checks are one index lookup.
  path uuid[] not null,
  response_allotment text not null default 'none' check (response_allotment in ('none', 'can_be_purchased')),
  lti_service boolean not null default false,
  package text not null default 'basic' check (package in ('basic', 'advanced', 'premium')),
  member_limit integer check (member_limit >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (path[array_length(path, 1)] = id)
);
create index organizations_path_idx on organizations using gin (path);
create index organizations_parent_idx on organizations (parent_id);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  name text not null,
  role text not null check (role in ('admin', 'manager', 'approver')),
  organization_id uuid references organizations(id),
  created_at timestamptz not null default now(),
  check (role <> 'manager' or organization_id is not null),
  check (role <> 'admin' or organization_id is null)
);
create unique index users_email_idx on users (lower(email));

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id),
  name text,
  token_hash bytea not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

create table site_settings (
  id boolean primary key default true check (id),
  use_allotments boolean not null default false,
  updated_at timestamptz not null default now()
);
insert into site_settings (id) values (true);

create table audit_events (
  id bigint generated always as identity primary key,
  at timestamptz not null default clock_timestamp(),
  actor text not null,
  entity text not null,
  entity_id text not null,
  action text not null,
  -- The organization the entity belongs to, so managers can read the trail of their scope only.
  organization_id uuid references organizations(id),
  before jsonb,
  after jsonb
);
create index audit_events_entity_idx on audit_events (entity, entity_id, id);

create table idempotency_records (
  principal text not null,
  key text not null,
  method text not null,
  path text not null,
  request_hash text not null,
  state text not null default 'in_progress' check (state in ('in_progress', 'done')),
  response_status integer,
  response_headers jsonb,
  response_body text,
  created_at timestamptz not null default now(),
  primary key (principal, key)
);
create index idempotency_records_created_idx on idempotency_records (created_at);
