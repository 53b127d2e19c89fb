-- Group subscriptions follow Stripe (seed 003, issue 12): a subscription's status is Stripe's own
-- once it exists there, kept up to date by verified webhook events applied in order; cards put
-- on file decide how an owner is charged; paid users plans can be claimed through a 100 %-off
-- access coupon.

-- pending (reserved, not in Stripe yet) and failed (released, never in Stripe) are ours; every
-- other status is Stripe's (src/domain/groups/subscriptions.ts).
alter table subscriptions drop constraint subscriptions_status_check;
alter table subscriptions add constraint subscriptions_status_check check (status in (
  'pending', 'incomplete', 'incomplete_expired', 'trialing', 'active', 'past_due', 'unpaid', 'paused', 'canceled', 'failed'));

alter table subscriptions
  -- The instant of the Stripe state we hold (the event's or the subscription's `created`): an
  -- older event never overwrites a newer state.
  add column stripe_status_at timestamptz,
  -- When Stripe ended it (canceled, incomplete_expired).
  add column ended_at timestamptz,
  -- How the collection method was chosen: asked for, or by whether Stripe had a card on file.
  add column collection_reason text check (collection_reason in ('requested', 'card_on_file', 'no_card_on_file'));

-- Rows made before: "active" meant "exists in Stripe"; their status becomes Stripe's.
update subscriptions set status = stripe_status
where status = 'active' and stripe_status in ('incomplete', 'incomplete_expired', 'trialing', 'active', 'past_due', 'unpaid', 'paused', 'canceled');
update subscriptions set stripe_status_at = coalesce(activated_at, created_at) where stripe_status is not null;
update subscriptions set ended_at = coalesce(activated_at, created_at) where status in ('canceled', 'incomplete_expired');
update subscriptions set collection_reason = 'requested' where source = 'direct';

alter table subscriptions
  add constraint subscriptions_stripe_status_has_id check (status in ('pending', 'failed') or stripe_subscription_id is not null),
  add constraint subscriptions_ended_has_date check (status not in ('canceled', 'incomplete_expired') or ended_at is not null);

-- One place per group and address, held while the subscription is reserved or has not ended in
-- Stripe: someone whose subscription Stripe canceled can come back in.
drop index subscriptions_group_user_idx;
create unique index subscriptions_group_user_idx on subscriptions (group_id, lower(email))
  where group_role = 'user' and status not in ('failed', 'canceled', 'incomplete_expired');

-- The card Stripe charges a customer by default, as the last verified event said (ids only:
-- a payment method id is not a secret; SetupIntent client secrets are never stored).
alter table customers
  add column default_payment_method_id text,
  add column default_payment_method_at timestamptz;

-- Paid users plans: the 100 %-off coupon an IP or e-mail-domain claim subscribes with.
alter table group_access_rules add column stripe_coupon_id text unique;
