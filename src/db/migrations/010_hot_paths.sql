-- Hot paths (issue 17).
--
-- The hand-off from a created response to its invitation workflow (a transactional outbox).
-- A manual, cohort or share-link creation inserts one row here in the transaction that
-- reserves the units and inserts the response; the workflow is started after the commit, and
-- its first step deletes the row. A row that stays (the API process died between the commit
-- and the start, or Temporal was unreachable) is drained by the workers: they start the
-- workflow then. Bulk invites have their own hand-off (the job and its workflow) and never
-- write here.
create table response_handoffs (
  response_id uuid primary key references responses(id) on delete cascade,
  created_at timestamptz not null default now()
);
create index response_handoffs_created_idx on response_handoffs (created_at);
