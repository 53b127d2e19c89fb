-- Seed rules for allotments (issue 12): payments must be the one the purchase asked for,
-- Stripe-hosted Checkout, and refunds or disputes that take units back.

-- A purchase waiting for payment may also have seen a payment that does not match it.
alter table purchases drop constraint purchases_status_check;
alter table purchases add constraint purchases_status_check
  check (status in ('pending_payment', 'payment_mismatch', 'paid', 'expired', 'granted'));

alter table purchases
  -- How the partner pays: Stripe.js with the PaymentIntent's client secret, or a Stripe-hosted Checkout page.
  add column payment_flow text not null default 'payment_intent' check (payment_flow in ('payment_intent', 'checkout')),
  add column stripe_checkout_session_id text unique,
  add column checkout_url text,
  -- Units taken back from the allotment after refunds and disputes, and those that could not be
  -- (already used or held by open invitations). Together never more than were bought.
  add column refunded_units integer not null default 0 check (refunded_units >= 0),
  add column refund_shortfall integer not null default 0 check (refund_shortfall >= 0),
  add constraint purchase_reversals_within_quantity check (refunded_units + refund_shortfall <= quantity);

-- A signed payment event naming a purchase whose id, amount or currency is not the purchase's:
-- nothing is allocated for it; it is kept for ops (and shown on the purchase).
create table purchase_payment_mismatches (
  id bigint generated always as identity primary key,
  purchase_id uuid not null references purchases(id),
  stripe_event_id text not null unique,
  event_type text not null,
  object_id text not null,
  amount bigint,
  currency text,
  reasons text[] not null check (cardinality(reasons) > 0),
  recorded_at timestamptz not null default now()
);
create index purchase_payment_mismatches_purchase_idx on purchase_payment_mismatches (purchase_id, id);

-- Each refund or dispute event of a paid purchase: the units it asks back, those taken from the
-- allotment and the shortfall. The ledger's allocated column is lowered by `taken` in the same
-- transaction, so allocated = sum(allocations.units) - sum(purchase_reversals.taken).
create table purchase_reversals (
  id bigint generated always as identity primary key,
  purchase_id uuid not null references purchases(id),
  stripe_event_id text not null unique,
  kind text not null check (kind in ('refund', 'dispute')),
  -- The charge (refund) or dispute (dispute) it comes from.
  stripe_object_id text not null,
  -- Money newly refunded or disputed by this event, in the purchase's currency (minor units).
  amount bigint not null check (amount >= 0),
  units integer not null check (units >= 0),
  taken integer not null check (taken >= 0),
  shortfall integer not null check (shortfall >= 0),
  recorded_at timestamptz not null default now(),
  check (taken + shortfall = units)
);
create index purchase_reversals_purchase_idx on purchase_reversals (purchase_id, id);
-- A dispute takes its units back once, whatever events repeat it.
create unique index purchase_reversals_one_per_dispute on purchase_reversals (stripe_object_id) where kind = 'dispute';
