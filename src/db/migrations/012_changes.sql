-- Changes and revocations (issue 13): users deactivated and reactivated, share links revoked.
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
