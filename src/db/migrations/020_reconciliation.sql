-- Rows that need attention (issue 18): the reconciliation schedule (platform-reconcile, every 15
-- minutes) finds business rows that still say they are live (a sale pending, approved or active, a
-- campaign active, a purchase awaiting payment, …) while the workflow that keeps them ended
-- (completed, failed, cancelled, terminated, timed out, or not found). It records them here and
-- never touches the row's own status: the business status stays what it was, this says that no
-- workflow is looking after it any more. A finding is cleared by the next run once the row is no
-- longer live or its workflow runs again (docs/temporal-ops.md "Reconciliation").
create table needs_attention (
  kind text not null check (kind in ('sale', 'response', 'purchase', 'campaign', 'subscription', 'aggregator', 'job')),
  entity_id uuid not null,
  organization_id uuid references organizations(id),
  workflow_id text not null,
  -- The row's business status when it was found (it is not changed).
  entity_status text not null,
  -- How Temporal described the workflow: COMPLETED, FAILED, CANCELLED, TERMINATED, TIMED_OUT, NOT_FOUND.
  workflow_status text not null,
  reason text not null check (length(reason) > 0),
  -- First found; the last run that still found it.
  found_at timestamptz not null default now(),
  checked_at timestamptz not null default now(),
  primary key (kind, entity_id),
  check (checked_at >= found_at)
);
create index needs_attention_found_idx on needs_attention (found_at, kind, entity_id);
