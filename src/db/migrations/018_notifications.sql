-- Every e-mail partnerflow sends, one row per notification id (a business key such as
-- `sale-<id>.approved.<user>` or `purchase-<id>.receipt`): the send is claimed here before the
-- SMTP transaction and marked sent after it, so a retried activity never sends it again.
-- No body is kept: a message may carry a secret (a one-time code, an invitation link).
create table notifications (
  id text primary key check (length(id) between 1 and 300),
  recipient text not null,
  template text not null,
  message_id text not null unique,
  status text not null check (status in ('sending', 'sent', 'failed')),
  attempts integer not null default 1 check (attempts > 0),
  -- While a send is under way: another attempt before this instant finds it in progress.
  claimed_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  check ((status = 'sent') = (sent_at is not null))
);
create index notifications_recipient_idx on notifications (lower(recipient), created_at desc);
