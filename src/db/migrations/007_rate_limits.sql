-- Limits on the public endpoints (docs/security.md, "Limits, timeouts and crash recovery"):
-- how often something was hit in one fixed window. Kept here, not in a process, so every API
-- replica counts together and a restart forgets nothing. A row is one (bucket, subject, window):
-- bucket 'failed_lookup' with the client address (unknown tokens, codes, keys), or the kind of
-- credential with its id ('share_link', 'redemption_code', …). The statement that counts also
-- deletes a few windows that have run out, so the table stays as small as the last minutes' traffic.
create table rate_limit_hits (
  bucket text not null check (bucket ~ '^[a-z_]{1,40}$'),
  subject text not null check (length(subject) between 1 and 200),
  window_start timestamptz not null,
  hits integer not null check (hits > 0),
  primary key (bucket, subject, window_start)
);
create index rate_limit_hits_window_idx on rate_limit_hits (window_start);
