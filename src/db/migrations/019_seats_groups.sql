-- ── Moving a seat of a sale from one user to another (issue 13) ─────────────────────────────
-- An admin moves a seat: the old user's key is revoked at once (with the reason) and no longer
-- holds the seat; the seat waits for the new user, whose next launch issues their key on it.
-- seats_used keeps counting every held seat (keys holding one + moves not yet claimed), so the
-- existing check seats_used <= number_of_users still bounds live keys + waiting seats.
create table sale_seat_moves (
  id uuid primary key default gen_random_uuid(),
  sale_id uuid not null references sales(id) on delete cascade,
  sale_distribution_id uuid not null references sale_distributions(id) on delete cascade,
  -- Where the seat came from: the old user's key, or an earlier move not yet claimed (moved on).
  from_key_id uuid unique references sale_keys(id) on delete cascade,
  from_move_id uuid unique references sale_seat_moves(id) on delete cascade,
  from_email text not null,
  to_email text not null check (length(trim(to_email)) > 0),
  reason text not null check (length(trim(reason)) > 0),
  moved_by uuid not null references users(id),
  moved_at timestamptz not null default now(),
  -- The new user's key once their launch issued it on this seat.
  claimed_key_id uuid unique references sale_keys(id) on delete cascade,
  claimed_at timestamptz,
  -- Moved on again before the new user launched.
  moved_on_at timestamptz,
  check (num_nonnulls(from_key_id, from_move_id) = 1),
  check ((claimed_key_id is null) = (claimed_at is null)),
  check (claimed_at is null or moved_on_at is null)
);
-- One waiting seat per user and line.
create unique index sale_seat_moves_waiting_idx on sale_seat_moves (sale_distribution_id, lower(to_email))
  where claimed_key_id is null and moved_on_at is null;
create index sale_seat_moves_sale_idx on sale_seat_moves (sale_id, moved_at, id);

-- ── Removing a user from a group (issue 13) ─────────────────────────────────────────────────
-- A manager or admin removes a group user: their subscription is canceled in Stripe and here
-- (status canceled, ended_at), with who removed them and why. A removal is an end.
alter table subscriptions
  add column removed_at timestamptz,
  add column removed_by uuid references users(id),
  add column removal_reason text,
  add constraint subscriptions_removal_check check (
    (removed_at is null and removed_by is null and removal_reason is null)
    or (removed_at is not null and removed_by is not null and group_role = 'user' and ended_at is not null
        and (removal_reason is null or length(trim(removal_reason)) > 0)));
