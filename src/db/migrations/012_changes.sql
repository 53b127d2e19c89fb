-- Changes and revocations (issue 13): users deactivated and reactivated, share links revoked,
-- price lists succeeded and versioned, one user's sale key revoked,
-- active sales cancelled early.
-- The database guards what must never happen whatever the code does.

-- ── Users ────────────────────────────────────────────────────────────────────────────────────
-- A deactivated user's tokens stop working at once (the token lookup checks the user), and come
-- back with a reactivation unless they were revoked.
alter table users
  add column deactivated_at timestamptz,
  add column deactivated_by uuid references users(id);

-- There is always an active admin: the last one can be neither deactivated nor demoted. The
-- service locks the active admins first (so two concurrent requests cannot each leave the other
-- as the last one); this is the guard behind it.
create function users_keep_an_admin() returns trigger language plpgsql as $$
begin
  if old.role = 'admin' and old.deactivated_at is null
     and (new.role <> 'admin' or new.deactivated_at is not null)
     and not exists (select 1 from users u where u.role = 'admin' and u.deactivated_at is null and u.id <> new.id) then
    raise exception 'user % is the last active admin', old.id using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger users_keep_an_admin before update on users for each row execute function users_keep_an_admin();

-- ── Share links ──────────────────────────────────────────────────────────────────────────────
-- revoked_at existed already; who revoked it.
alter table share_links add column revoked_by uuid references users(id);

-- ── Price lists ──────────────────────────────────────────────────────────────────────────────
-- A successor starts the day after its predecessor ends; pricing on a date follows the chain from
-- the list an organization is linked to. A list used by a purchase is never edited: an edit makes
-- a new version (replaces_id) that takes its place in links and chains.
alter table price_lists
  add column successor_id uuid unique,
  add column replaces_id uuid unique,
  add column version integer not null default 1 check (version >= 1),
  add column updated_at timestamptz not null default now(),
  add constraint price_lists_successor_fk foreign key (successor_id, assessment_id) references price_lists(id, assessment_id),
  add constraint price_lists_replaces_fk foreign key (replaces_id, assessment_id) references price_lists(id, assessment_id),
  add constraint price_lists_successor_needs_end check (successor_id is null or valid_to is not null),
  add constraint price_lists_not_own_successor check (successor_id <> id),
  add constraint price_lists_version_replaces check ((version = 1) = (replaces_id is null));

-- Successors join without a gap or an overlap (checked at commit, when every pointer has moved).
create function price_lists_chain_check() returns trigger language plpgsql as $$
begin
  if exists (
    select 1 from price_lists p join price_lists s on s.id = p.successor_id
    where (p.id = new.id or s.id = new.id) and s.valid_from <> p.valid_to + 1) then
    raise exception 'price list % must start the day after its predecessor ends', new.id using errcode = 'check_violation';
  end if;
  return null;
end $$;
create constraint trigger price_lists_chain after insert or update on price_lists
  deferrable initially deferred for each row execute function price_lists_chain_check();

-- The terms a purchase was priced with stay as they were.
create function price_lists_used_terms() returns trigger language plpgsql as $$
begin
  if (new.name, new.valid_from, new.valid_to, new.tiers_mode, new.currencies)
       is distinct from (old.name, old.valid_from, old.valid_to, old.tiers_mode, old.currencies)
     and exists (select 1 from purchases p where p.price_list_id = old.id) then
    raise exception 'price list % has been used for a purchase: edit a new version', old.id using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger price_lists_used_terms before update on price_lists for each row execute function price_lists_used_terms();

-- ── Sale keys ────────────────────────────────────────────────────────────────────────────────
-- An admin revokes one user's key (revoked_at existed for the sale's cancellation): who and why.
-- The seat stays with the user's key, so seats_used is unchanged.
alter table sale_keys
  add column revoked_by uuid references users(id),
  add column revocation_reason text,
  add constraint sale_keys_revocation_reason_check
    check (revocation_reason is null or (revoked_at is not null and length(trim(revocation_reason)) > 0));

-- ── Sales cancelled early ────────────────────────────────────────────────────────────────────
-- An admin cancels an active sale before its cancellation date, with a reason (the sale's
-- workflow records it, revokes every key and e-mails the registrant).
alter table sales
  add column cancelled_by uuid references users(id),
  add column cancellation_reason text,
  add constraint sales_cancellation_reason_check
    check (cancellation_reason is null or (status = 'cancelled' and length(trim(cancellation_reason)) > 0));
