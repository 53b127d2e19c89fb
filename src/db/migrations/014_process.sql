-- An Idempotency-Key claim names the API process that runs its request: `owner` (host, process
-- id, for people) and `owner_lock`, the key of the session advisory lock that process holds on a
-- connection of its own for as long as it lives (pg_advisory_lock(1886744935, owner_lock)). When
-- the process dies its connections close, PostgreSQL releases the lock and aborts whatever it had
-- not committed, and another replica takes the claim over at once. Claims made before this
-- migration (no owner) are taken over after 5 minutes, as before.
alter table idempotency_records add column owner text;
alter table idempotency_records add column owner_lock integer check (owner_lock > 0);
