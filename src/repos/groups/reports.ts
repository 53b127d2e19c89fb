import type { Db } from '../../db/connect';
import type { GroupBy } from '../../domain/groups/report';
import type { Principal } from '../../domain/principal';
import { groupInScope } from './groups';

/**
 * Subscriptions and redemptions per segment. Admins see every segment, zeros included;
 * managers see only what their groups account for.
 */
export async function subscriptionReport(sql: Db, principal: Principal, groupBy: GroupBy, range: { from?: Date; to?: Date }) {
  const admin = principal.role === 'admin';
  const visible = admin ? sql`true` : sql`s.group_id in (select g.id from groups g where ${groupInScope(sql, principal, 'g.organization_id')})`;
  const subs = sql`(
    select s.id, s.plan_id, s.group_id, s.group_role, s.source, s.campaign_id, s.status, r.status as redemption_status
    from subscriptions s left join redemptions r on r.subscription_id = s.id
    where ${visible} and (s.status = 'active' or r.status = 'pending')
      ${range.from ? sql`and s.created_at >= ${range.from}` : sql``}
      ${range.to ? sql`and s.created_at < ${range.to}` : sql``}
  )`;
  const counts = sql`
    count(*) filter (where s.status = 'active')::int as subscriptions,
    count(*) filter (where s.status = 'active' and s.group_role = 'owner')::int as owner_subscriptions,
    count(*) filter (where s.status = 'active' and s.group_role = 'user')::int as user_subscriptions,
    count(*) filter (where s.status = 'active' and s.source = 'import')::int as imported,
    count(*) filter (where s.status = 'active' and s.source in ('ip_claim', 'email_claim'))::int as claimed,
    count(*) filter (where s.redemption_status = 'redeemed')::int as redemptions,
    count(*) filter (where s.redemption_status = 'pending')::int as pending_redemptions`;
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
