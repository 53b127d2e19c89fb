import type { Db } from '../../db/connect';
import { SUBSCRIPTION_TRANSITIONS, type Collection, type SubscriptionSource, type SubscriptionStatus } from '../../domain/groups/subscriptions';
import type { Principal } from '../../domain/principal';
import { notFound } from '../../errors';
import { andEqual, keysetPage, type Page } from '../list';
import { groupInScope } from './groups';

export type { Collection, SubscriptionSource, SubscriptionStatus };

export interface Subscription {
  id: string;
  customerId: string;
  planId: string;
  collection: Collection;
  daysUntilDue: number | null;
  groupId: string | null;
  groupRole: 'owner' | 'user' | null;
  email: string | null;
  source: SubscriptionSource;
  campaignId: string | null;
  jobId: string | null;
  status: SubscriptionStatus;
  stripeSubscriptionId: string | null;
  stripeStatus: string | null;
  failure: string | null;
  createdAt: Date;
  activatedAt: Date | null;
}

const columns = (sql: Db) => sql`
  s.id, s.customer_id, s.plan_id, s.collection, s.days_until_due, s.group_id, s.group_role, s.email, s.source,
  s.campaign_id, s.job_id, s.status, s.stripe_subscription_id, s.stripe_status, s.failure, s.created_at, s.activated_at`;

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
  source: SubscriptionSource;
  status: SubscriptionStatus;
  stripeSubscriptionId?: string | null;
  stripeStatus?: string | null;
  createdBy: string | null;
}

/** A subscription that already exists in Stripe (admin-created, e.g. a group owner's). */
export async function insertSubscription(sql: Db, s: NewSubscription): Promise<Subscription> {
  const [row] = await sql<Subscription[]>`
    insert into subscriptions as s (id, customer_id, plan_id, collection, days_until_due, source, status, stripe_subscription_id, stripe_status, created_by, activated_at)
    values (${s.id}, ${s.customerId}, ${s.planId}, ${s.collection}, ${s.daysUntilDue}, ${s.source}, ${s.status},
            ${s.stripeSubscriptionId ?? null}, ${s.stripeStatus ?? null}, ${s.createdBy}, ${s.status === 'active' ? sql`now()` : null})
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
    on conflict (group_id, lower(email)) where group_role = 'user' and status <> 'failed' do nothing
    returning ${columns(sql)}`;
  return row;
}

export async function liveGroupUser(sql: Db, groupId: string, email: string): Promise<Subscription | undefined> {
  const [row] = await sql<Subscription[]>`
    select ${columns(sql)} from subscriptions s
    where s.group_id = ${groupId} and s.group_role = 'user' and lower(s.email) = ${email.toLowerCase()} and s.status <> 'failed'`;
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
    where id = ${subscriptionId} and group_id is null and status = 'active' returning 1`;
  return rows.length > 0;
}

/** pending → active once Stripe has it (SUBSCRIPTION_TRANSITIONS.activate); returns whether this call made the change. */
export async function markSubscriptionActive(sql: Db, id: string, stripeSubscriptionId: string, stripeStatus: string): Promise<boolean> {
  const { from, to } = SUBSCRIPTION_TRANSITIONS.activate;
  const rows = await sql`
    update subscriptions set status = ${to}, stripe_subscription_id = ${stripeSubscriptionId}, stripe_status = ${stripeStatus}, activated_at = now()
    where id = ${id} and status = ${from} returning 1`;
  return rows.length > 0;
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
  stripePromotionCodeId: string | null;
  redemptionId: string | null;
  organizationId: string | null;
}

export async function provisioningView(sql: Db, id: string): Promise<ProvisioningView | undefined> {
  const sub = await subscriptionById(sql, id);
  if (!sub) return undefined;
  const [extra] = await sql<{ name: string; email: string; stripeCustomerId: string | null; stripePriceId: string; stripePromotionCodeId: string | null; redemptionId: string | null; organizationId: string | null }[]>`
    select c.name, c.email, c.stripe_customer_id, p.stripe_price_id, cc.stripe_promotion_code_id, r.id as redemption_id, g.organization_id
    from subscriptions s
    join customers c on c.id = s.customer_id
    join plans p on p.id = s.plan_id
    left join groups g on g.id = s.group_id
    left join redemptions r on r.subscription_id = s.id
    left join campaign_codes cc on cc.campaign_id = r.campaign_id and cc.n = r.code_n
    where s.id = ${id}`;
  return {
    subscription: sub,
    customer: { id: sub.customerId, name: extra!.name, email: extra!.email, stripeCustomerId: extra!.stripeCustomerId },
    stripePriceId: extra!.stripePriceId,
    stripePromotionCodeId: extra!.stripePromotionCodeId,
    redemptionId: extra!.redemptionId,
    organizationId: extra!.organizationId,
  };
}
