-- Events partnerflow announces: written in the transaction of the change they report.
create table events (
  id uuid primary key default gen_random_uuid(),
  type text not null,
  organization_id uuid references organizations(id),
  data jsonb not null,
  created_at timestamptz not null default clock_timestamp()
);
create index events_created_idx on events (created_at desc, id desc);
create index events_organization_idx on events (organization_id, created_at desc, id desc);
create index events_type_idx on events (type, created_at desc, id desc);
