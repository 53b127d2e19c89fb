import type postgres from 'postgres';
import type { Db } from '../../db/connect';
import { REPORTED_STATUSES, type GroupBy, type SubscriberGroupBy, type SubscriberRow } from '../../domain/groups/report';
import { LIVE_STATUSES, type SubscriptionSource, type SubscriptionStatus } from '../../domain/groups/subscriptions';
import type { Principal } from '../../domain/principal';
import { andEqual } from '../list';
import { groupInScope } from './groups';

type Fragment = postgres.PendingQuery<postgres.Row[]>;

const visibleSubscriptions = (sql: Db, principal: Principal): Fragment =>
  principal.role === 'admin' ? sql`true` : sql`s.group_id in (select g.id from groups g where ${groupInScope(sql, principal, 'g.organization_id')})`;

const createdIn = (sql: Db, range: { from?: Date; to?: Date }): Fragment =>
  sql`${range.from ? sql`and s.created_at >= ${range.from}` : sql``} ${range.to ? sql`and s.created_at < ${range.to}` : sql``}`;

/** `array[count of status 1, count of status 2, …]` in REPORTED_STATUSES order (arrays keep their shape through the column transform). */
function countsByStatus(sql: Db): Fragment {
  const counts = REPORTED_STATUSES.map((status) => sql`count(*) filter (where s.status = ${status})::int`);
  return sql`array[${counts.reduce((acc, c) => sql`${acc}, ${c}`)}]::int[] as status_counts`;
}

/**
 * Subscriptions and redemptions per segment. Admins see every segment, zeros included;
 * managers see only what their groups account for. Released reservations (failed) are not
 * subscriptions and are left out; `subscriptions` counts the live ones (LIVE_STATUSES).
 */
export async function subscriptionReport(sql: Db, principal: Principal, groupBy: GroupBy, range: { from?: Date; to?: Date }) {
  const admin = principal.role === 'admin';
  const subs = sql`(
    select s.id, s.plan_id, s.group_id, s.group_role, s.source, s.campaign_id, s.status, r.status as redemption_status
    from subscriptions s left join redemptions r on r.subscription_id = s.id
    where ${visibleSubscriptions(sql, principal)} and s.status <> 'failed' ${createdIn(sql, range)}
  )`;
  const live = sql`s.status in ${sql(LIVE_STATUSES)}`;
  const counts = sql`
    count(*) filter (where ${live})::int as subscriptions,
    count(*) filter (where ${live} and s.group_role = 'owner')::int as owner_subscriptions,
    count(*) filter (where ${live} and s.group_role = 'user')::int as user_subscriptions,
    count(*) filter (where ${live} and s.source = 'import')::int as imported,
    count(*) filter (where ${live} and s.source in ('ip_claim', 'email_claim'))::int as claimed,
    count(*) filter (where s.redemption_status = 'redeemed')::int as redemptions,
    count(*) filter (where s.redemption_status = 'pending')::int as pending_redemptions,
    ${countsByStatus(sql)}`;
  const onlyUsed = admin ? sql`` : sql`having count(s.id) > 0`;

  switch (groupBy) {
    case 'product':
      return sql`
        select p.id as product_id, p.name as product_name, ${counts}
        from products p left join plans pl on pl.product_id = p.id left join ${subs} s on s.plan_id = pl.id
        group by p.id, p.name ${onlyUsed} order by p.name, p.id`;
    case 'plan':
      return sql`
        select pl.id as plan_id, pl.name as plan_name, p.id as product_id, p.name as product_name,
               pl.amount, pl.currency, pl.interval, ${counts}
        from plans pl join products p on p.id = pl.product_id left join ${subs} s on s.plan_id = pl.id
        group by pl.id, p.id ${onlyUsed} order by p.name, pl.name, pl.id`;
    case 'group':
      return sql`
        select g.id as group_id, g.name as group_name, g.organization_id, g.users_plan_id, ${counts}
        from groups g left join ${subs} s on s.group_id = g.id
        where ${groupInScope(sql, principal, 'g.organization_id')}
        group by g.id order by g.name, g.id`;
    case 'campaign':
      return sql`
        select c.id as campaign_id, g.id as group_id, g.name as group_name, c.mode, c.status, c.max_redemptions, ${counts}
        from campaigns c join groups g on g.id = c.group_id left join ${subs} s on s.campaign_id = c.id
        where ${groupInScope(sql, principal, 'g.organization_id')}
        group by c.id, g.id order by g.name, c.created_at, c.id`;
  }
}

/** A subscriber as the export query answers it (the service turns `source` into the export's words). */
export interface SubscriberRecord extends Omit<SubscriberRow, 'source' | 'live'> {
  source: SubscriptionSource;
  campaignMode: 'shared' | 'unique' | null;
}

export interface SubscriberFilter {
  groupBy?: SubscriberGroupBy;
  productId?: string;
  planId?: string;
  groupId?: string;
  status?: SubscriptionStatus;
  from?: Date;
  to?: Date;
}

const SEGMENT_ORDER: Record<SubscriberGroupBy | 'none', (sql: Db) => Fragment> = {
  product: (sql) => sql`p.name, p.id, lower(coalesce(s.email, c.email)), s.id`,
  plan: (sql) => sql`p.name, pl.name, pl.id, lower(coalesce(s.email, c.email)), s.id`,
  group: (sql) => sql`g.name nulls first, g.id, lower(coalesce(s.email, c.email)), s.id`,
  none: (sql) => sql`s.created_at, s.id`,
};

/**
 * Every subscriber the caller may see, one row per subscription, read through a cursor of
 * `batch` rows at a time (constant memory however many there are). Released reservations
 * (failed) are left out unless asked for by status.
 */
export function subscribers(sql: Db, principal: Principal, f: SubscriberFilter, batch = 500): AsyncIterable<SubscriberRecord[]> {
  return sql<SubscriberRecord[]>`
    select s.id as subscription_id, c.id as customer_id, c.name as customer_name, coalesce(s.email, c.email) as email,
           p.id as product_id, p.name as product_name, pl.id as plan_id, pl.name as plan_name, g.id as group_id, g.name as group_name,
           s.group_role as role, s.source, s.campaign_id, cm.mode as campaign_mode, s.status, s.stripe_subscription_id,
           s.created_at, s.activated_at, s.stripe_status_at as status_at, s.ended_at
    from subscriptions s
    join customers c on c.id = s.customer_id
    join plans pl on pl.id = s.plan_id
    join products p on p.id = pl.product_id
    left join groups g on g.id = s.group_id
    left join campaigns cm on cm.id = s.campaign_id
    where ${visibleSubscriptions(sql, principal)} ${f.status ? sql`and s.status = ${f.status}` : sql`and s.status <> 'failed'`}
      ${andEqual(sql, { 'p.id': f.productId, 'pl.id': f.planId, 's.group_id': f.groupId })} ${createdIn(sql, f)}
    order by ${SEGMENT_ORDER[f.groupBy ?? 'none'](sql)}`.cursor(batch);
}
