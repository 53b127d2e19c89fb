-- The Partner Portal's password-less sign-in (issue 15). A sign-in link is e-mailed, valid 15
-- minutes and usable once; opening it starts a session. Both secrets are stored only as their
-- SHA-256 hash (docs/security.md), like API tokens.
create table portal_sign_in_links (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id),
  token_hash bytea not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  check (expires_at > created_at)
);
create index portal_sign_in_links_user_idx on portal_sign_in_links (user_id, created_at);

create table portal_sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users(id),
  session_hash bytea not null unique,
  -- The link that opened it: one link opens one session, ever.
  sign_in_link_id uuid not null unique references portal_sign_in_links(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  revoked_at timestamptz,
  check (expires_at > created_at)
);
create index portal_sessions_user_idx on portal_sessions (user_id) where revoked_at is null;
