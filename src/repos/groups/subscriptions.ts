import type { Db } from '../../db/connect';
import {
  canFoundGroup,
  existsInStripe,
  PLACE_FREEING_STATUSES,
  SUBSCRIPTION_STATUSES,
  SUBSCRIPTION_TRANSITIONS,
  type Collection,
  type CollectionReason,
  type StripeSubscriptionStatus,
  type SubscriptionSource,
  type SubscriptionStatus,
} from '../../domain/groups/subscriptions';
import type { Principal } from '../../domain/principal';
import { notFound } from '../../errors';
import { andEqual, keysetPage, type Page } from '../list';
import { groupInScope } from './groups';

export type { Collection, CollectionReason, SubscriptionSource, SubscriptionStatus };

export interface Subscription {
  id: string;
  customerId: string;
  planId: string;
  collection: Collection;
  daysUntilDue: number | null;
  /** How the collection was chosen (owner subscriptions): asked for, or by whether Stripe had a card. */
  collectionReason: CollectionReason | null;
  groupId: string | null;
  groupRole: 'owner' | 'user' | null;
  email: string | null;
  source: SubscriptionSource;
  campaignId: string | null;
  jobId: string | null;
  status: SubscriptionStatus;
  stripeSubscriptionId: string | null;
  stripeStatus: string | null;
  /** The instant of the Stripe state we hold. */
  stripeStatusAt: Date | null;
  failure: string | null;
  createdAt: Date;
  activatedAt: Date | null;
  endedAt: Date | null;
  /** A group user removed by a manager or admin: when, by whom, why. */
  removedAt: Date | null;
  removedBy: string | null;
  removalReason: string | null;
}

const columns = (sql: Db) => sql`
  s.id, s.customer_id, s.plan_id, s.collection, s.days_until_due, s.group_id, s.group_role, s.email, s.source,
  s.campaign_id, s.job_id, s.status, s.stripe_subscription_id, s.stripe_status, s.failure, s.created_at, s.activated_at,
  s.collection_reason, s.stripe_status_at, s.ended_at, s.removed_at, s.removed_by, s.removal_reason`;

/** The statuses in which a group user holds their place (the partial unique index says the same). */
const placeHeld = (sql: Db) => sql`s.status not in ${sql(PLACE_FREEING_STATUSES)}`;

/** Admins: every subscription. Managers: the subscriptions of groups in their scope. */
const visible = (sql: Db, principal: Principal) =>
  principal.role === 'admin'
    ? sql`true`
    : sql`s.group_id in (select g.id from groups g where ${groupInScope(sql, principal, 'g.organization_id')})`;

export interface NewSubscription {
  id: string;
  customerId: string;
  planId: string;
  collection: Collection;
  daysUntilDue: number | null;
  collectionReason: CollectionReason;
  source: SubscriptionSource;
  status: SubscriptionStatus;
  stripeSubscriptionId?: string | null;
  stripeStatus?: string | null;
  stripeStatusAt?: Date | null;
  endedAt?: Date | null;
  createdBy: string | null;
}

/** A subscription that already exists in Stripe (admin-created, e.g. a group owner's). */
export async function insertSubscription(sql: Db, s: NewSubscription): Promise<Subscription> {
  const [row] = await sql<Subscription[]>`
    insert into subscriptions as s (id, customer_id, plan_id, collection, days_until_due, collection_reason, source, status, stripe_subscription_id,
                                    stripe_status, stripe_status_at, ended_at, created_by, activated_at)
    values (${s.id}, ${s.customerId}, ${s.planId}, ${s.collection}, ${s.daysUntilDue}, ${s.collectionReason}, ${s.source}, ${s.status},
            ${s.stripeSubscriptionId ?? null}, ${s.stripeStatus ?? null}, ${s.stripeStatusAt ?? null}, ${s.endedAt ?? null}, ${s.createdBy},
            ${existsInStripe(s.status) ? sql`now()` : null})
    returning ${columns(sql)}`;
  return row!;
}

/**
 * Reserves a group user's subscription (status pending, created in Stripe afterwards).
 * Undefined when the address already has a live subscription in the group: the database's
 * unique index decides, so concurrent requests cannot both get one.
 */
export async function insertGroupUser(
  sql: Db,
  s: { id: string; customerId: string; planId: string; groupId: string; email: string; source: SubscriptionSource; campaignId?: string | null; jobId?: string | null; createdBy?: string | null },
): Promise<Subscription | undefined> {
  const [row] = await sql<Subscription[]>`
    insert into subscriptions as s (id, customer_id, plan_id, collection, group_id, group_role, email, source, campaign_id, job_id, status, created_by)
    values (${s.id}, ${s.customerId}, ${s.planId}, 'charge_automatically', ${s.groupId}, 'user', ${s.email.toLowerCase()}, ${s.source},
            ${s.campaignId ?? null}, ${s.jobId ?? null}, 'pending', ${s.createdBy ?? null})
    on conflict (group_id, lower(email)) where group_role = 'user' and status not in ('failed', 'canceled', 'incomplete_expired') do nothing
    returning ${columns(sql)}`;
  return row;
}

export async function liveGroupUser(sql: Db, groupId: string, email: string): Promise<Subscription | undefined> {
  const [row] = await sql<Subscription[]>`
    select ${columns(sql)} from subscriptions s
    where s.group_id = ${groupId} and s.group_role = 'user' and lower(s.email) = ${email.toLowerCase()} and ${placeHeld(sql)}`;
  return row;
}

export async function subscriptionById(sql: Db, id: string): Promise<Subscription | undefined> {
  const [row] = await sql<Subscription[]>`select ${columns(sql)} from subscriptions s where s.id = ${id}`;
  return row;
}

export async function getSubscription(sql: Db, principal: Principal, id: string): Promise<Subscription> {
  const [row] = await sql<Subscription[]>`select ${columns(sql)} from subscriptions s where s.id = ${id} and ${visible(sql, principal)}`;
  if (!row) throw notFound('Subscription');
  return row;
}

/** The optional filters of the subscriptions list; they combine. */
export type SubscriptionFilter = Page & { planId?: string; groupId?: string; customerId?: string };

export async function listSubscriptions(sql: Db, principal: Principal, q: SubscriptionFilter): Promise<Subscription[]> {
  return sql<Subscription[]>`
    select ${columns(sql)} from subscriptions s
    where ${visible(sql, principal)} ${andEqual(sql, { 's.plan_id': q.planId, 's.group_id': q.groupId, 's.customer_id': q.customerId })}
    ${keysetPage(sql, 's.id', q)}`;
}

/** Makes an existing subscription the owner's of a new group; false when it cannot be. */
export async function attachOwner(sql: Db, subscriptionId: string, groupId: string): Promise<boolean> {
  const rows = await sql`
    update subscriptions set group_id = ${groupId}, group_role = 'owner'
    where id = ${subscriptionId} and group_id is null and status in ${sql(SUBSCRIPTION_STATUSES.filter(canFoundGroup))} returning 1`;
  return rows.length > 0;
}

/** What following Stripe writes: the status the row shows and the Stripe state (with its instant) behind it. */
export interface StripeStateWrite {
  status: SubscriptionStatus;
  stripeSubscriptionId: string;
  stripeStatus: StripeSubscriptionStatus;
  stripeStatusAt: Date;
  endedAt: Date | null;
}

/**
 * pending → Stripe's status once Stripe has it (SUBSCRIPTION_TRANSITIONS.activate); returns whether
 * this call made the change. The caller decides the state (an event may have told us a newer one).
 */
export async function markSubscriptionProvisioned(sql: Db, id: string, w: StripeStateWrite): Promise<boolean> {
  const { from } = SUBSCRIPTION_TRANSITIONS.activate;
  const rows = await sql`
    update subscriptions set status = ${w.status}, stripe_subscription_id = ${w.stripeSubscriptionId}, stripe_status = ${w.stripeStatus},
      stripe_status_at = ${w.stripeStatusAt}, ended_at = coalesce(ended_at, ${w.endedAt}), activated_at = now()
    where id = ${id} and status = ${from} returning 1`;
  return rows.length > 0;
}

/**
 * The subscription a Stripe event is about, locked until the caller's transaction ends (events
 * for one subscription apply one after the other): ours by its Stripe id, or — while we do not
 * know that id yet (a group user being provisioned) — by the subscriptionId in its metadata.
 */
export async function lockForStripe(sql: Db, stripeSubscriptionId: string, subscriptionId: string | undefined): Promise<Subscription | undefined> {
  const [byStripe] = await sql<Subscription[]>`select ${columns(sql)} from subscriptions s where s.stripe_subscription_id = ${stripeSubscriptionId} for update`;
  if (byStripe || !subscriptionId) return byStripe;
  const [byMetadata] = await sql<Subscription[]>`
    select ${columns(sql)} from subscriptions s where s.id = ${subscriptionId} and s.stripe_subscription_id is null for update`;
  return byMetadata;
}

/** A subscription, locked until the caller's transaction ends. */
export async function lockSubscription(sql: Db, id: string): Promise<Subscription | undefined> {
  const [row] = await sql<Subscription[]>`select ${columns(sql)} from subscriptions s where s.id = ${id} for update`;
  return row;
}

/** Records the Stripe state an event told us (the caller locked the row and decided it is newer). */
export async function recordStripeState(sql: Db, id: string, w: StripeStateWrite): Promise<void> {
  await sql`
    update subscriptions set status = ${w.status}, stripe_subscription_id = ${w.stripeSubscriptionId}, stripe_status = ${w.stripeStatus},
      stripe_status_at = ${w.stripeStatusAt}, ended_at = coalesce(ended_at, ${w.endedAt})
    where id = ${id}`;
}

/** The group (and its organization) a subscription belongs to, for audit entries. */
export async function subscriptionOrganization(sql: Db, id: string): Promise<string | null> {
  const [row] = await sql<{ organizationId: string | null }[]>`
    select g.organization_id from subscriptions s left join groups g on g.id = s.group_id where s.id = ${id}`;
  return row?.organizationId ?? null;
}

/** pending → failed, the reservation released (SUBSCRIPTION_TRANSITIONS.release); returns whether this call made the change. */
export async function markSubscriptionFailed(sql: Db, id: string, failure: string): Promise<boolean> {
  const { from, to } = SUBSCRIPTION_TRANSITIONS.release;
  const rows = await sql`update subscriptions set status = ${to}, failure = ${failure} where id = ${id} and status = ${from} returning 1`;
  return rows.length > 0;
}

/** What creating a group user's subscription in Stripe needs, in one read. */
export interface ProvisioningView {
  subscription: Subscription;
  customer: { id: string; name: string; email: string; stripeCustomerId: string | null };
  stripePriceId: string;
  planAmount: number;
  stripePromotionCodeId: string | null;
  /** The group's 100 %-off access coupon (paid users plans with access rules). */
  accessCouponId: string | null;
  redemptionId: string | null;
  organizationId: string | null;
}

export async function provisioningView(sql: Db, id: string): Promise<ProvisioningView | undefined> {
  const sub = await subscriptionById(sql, id);
  if (!sub) return undefined;
  const [extra] = await sql<{
    name: string; email: string; stripeCustomerId: string | null; stripePriceId: string; planAmount: number; stripePromotionCodeId: string | null;
    accessCouponId: string | null; redemptionId: string | null; organizationId: string | null;
  }[]>`
    select c.name, c.email, c.stripe_customer_id, p.stripe_price_id, p.amount as plan_amount, cc.stripe_promotion_code_id,
           ar.stripe_coupon_id as access_coupon_id, r.id as redemption_id, g.organization_id
    from subscriptions s
    join customers c on c.id = s.customer_id
    join plans p on p.id = s.plan_id
    left join groups g on g.id = s.group_id
    left join group_access_rules ar on ar.group_id = s.group_id
    left join redemptions r on r.subscription_id = s.id
    left join campaign_codes cc on cc.campaign_id = r.campaign_id and cc.n = r.code_n
    where s.id = ${id}`;
  return {
    subscription: sub,
    customer: { id: sub.customerId, name: extra!.name, email: extra!.email, stripeCustomerId: extra!.stripeCustomerId },
    stripePriceId: extra!.stripePriceId,
    planAmount: extra!.planAmount,
    stripePromotionCodeId: extra!.stripePromotionCodeId,
    accessCouponId: extra!.accessCouponId,
    redemptionId: extra!.redemptionId,
    organizationId: extra!.organizationId,
  };
}

/**
 * A group user removed: canceled as Stripe now says (a final state, so it replaces whatever was
 * held; an end Stripe told before stays as it was) and the removal recorded. The caller locked the row and checked it was not removed yet.
 */
export async function recordRemoval(sql: Db, id: string, r: { stripeSubscriptionId: string; at: Date; by: string; reason: string | null }): Promise<void> {
  await sql`
    update subscriptions set
      status = case when status in ('canceled', 'incomplete_expired') then status else 'canceled' end,
      stripe_status = case when stripe_status in ('canceled', 'incomplete_expired') then stripe_status else 'canceled' end,
      stripe_status_at = case when status in ('canceled', 'incomplete_expired') then stripe_status_at else ${r.at} end,
      stripe_subscription_id = ${r.stripeSubscriptionId}, ended_at = coalesce(ended_at, ${r.at}),
      removed_at = ${r.at}, removed_by = ${r.by}, removal_reason = ${r.reason}
    where id = ${id} and removed_at is null`;
}
