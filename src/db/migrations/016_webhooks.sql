-- Outgoing webhooks (docs/events.md): endpoints, one delivery per (event, endpoint) written in the
-- transaction of the event (the outbox a dispatcher turns into delivery workflows), and attempts.

create table webhook_endpoints (
  id uuid primary key default gen_random_uuid(),
  url text not null check (url ~ '^https?://' and length(url) <= 2000),
  -- Event types, or '{*}' for every type.
  events text[] not null check (cardinality(events) between 1 and 100),
  -- null: every organization's events and the site-wide ones (admins only).
  organization_id uuid references organizations(id),
  description text check (length(description) <= 500),
  status text not null default 'enabled' check (status in ('enabled', 'disabled')),
  -- Why it was disabled: 'gone' (the receiver answered 410) or 'manual' (PATCH).
  disabled_reason text check (disabled_reason in ('gone', 'manual')),
  -- The signing secret, sealed with SECRETS_KEY (AES-256-GCM); never stored as it is.
  secret_sealed text not null,
  -- The secret before the last rotation, still signing beside the new one until it expires.
  previous_secret_sealed text,
  previous_secret_expires_at timestamptz,
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  check ((previous_secret_sealed is null) = (previous_secret_expires_at is null)),
  check ((status = 'disabled') = (disabled_reason is not null))
);
create index webhook_endpoints_organization_idx on webhook_endpoints (organization_id) where deleted_at is null;

create table webhook_deliveries (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events(id),
  endpoint_id uuid not null references webhook_endpoints(id),
  -- false: the delivery the event's transaction wrote (one per event and endpoint); true: POST /v1/events/{id}/redeliver.
  redelivery boolean not null default false,
  status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed', 'cancelled')),
  attempts integer not null default 0 check (attempts between 0 and 10),
  -- When its workflow was started; null: still in the outbox.
  dispatched_at timestamptz,
  created_at timestamptz not null default clock_timestamp(),
  finished_at timestamptz,
  check ((status = 'pending') = (finished_at is null))
);
create unique index webhook_deliveries_once_idx on webhook_deliveries (event_id, endpoint_id) where not redelivery;
create index webhook_deliveries_outbox_idx on webhook_deliveries (created_at) where dispatched_at is null;
create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id);

create table webhook_attempts (
  id bigint generated always as identity primary key,
  delivery_id uuid not null references webhook_deliveries(id),
  attempt integer not null check (attempt between 1 and 10),
  -- When the attempt was made, and how long it took until an answer or an error.
  at timestamptz not null,
  duration_ms integer not null check (duration_ms >= 0),
  http_status integer check (http_status between 100 and 599),
  error text check (length(error) <= 500),
  outcome text not null check (outcome in ('succeeded', 'retry', 'failed', 'gone')),
  next_retry_at timestamptz,
  unique (delivery_id, attempt),
  check (http_status is not null or error is not null),
  check ((outcome = 'retry') = (next_retry_at is not null))
);
create index webhook_attempts_delivery_idx on webhook_attempts (delivery_id, attempt);
