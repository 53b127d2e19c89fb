import type postgres from 'postgres';
import type { Db } from '../../db/connect';
import type { Principal } from '../../domain/principal';
import { notFound } from '../../errors';
import { andEqual, keysetPage, type Page } from '../list';
import { inScope } from '../scope';

export interface Group {
  id: string;
  name: string;
  organizationId: string | null;
  ownerCustomerId: string;
  ownerSubscriptionId: string;
  usersPlanId: string;
  createdAt: Date;
}

export interface AccessRules {
  id: string;
  groupId: string;
  ipRanges: string[];
  emailDomains: string[];
  /** Paid users plans: the 100 %-off coupon claims subscribe with. */
  stripeCouponId: string | null;
  updatedAt: Date;
}

/**
 * Groups a caller may run: admins all; managers those linked to an organization in their scope.
 * `column` is the group's organization_id column in the surrounding query.
 */
export function groupInScope(sql: Db, principal: Principal, column: string): postgres.PendingQuery<postgres.Row[]> {
  if (principal.role === 'admin') return sql`true`;
  return sql`(${sql(column)} is not null and ${inScope(sql, principal, column)})`;
}

const columns = (sql: Db) => sql`g.id, g.name, g.organization_id, g.owner_customer_id, g.owner_subscription_id, g.users_plan_id, g.created_at`;

export async function insertGroup(sql: Db, g: Omit<Group, 'id' | 'createdAt'> & { createdBy: string | null }): Promise<Group> {
  const [row] = await sql<Group[]>`
    insert into groups as g (name, organization_id, owner_customer_id, owner_subscription_id, users_plan_id, created_by)
    values (${g.name}, ${g.organizationId}, ${g.ownerCustomerId}, ${g.ownerSubscriptionId}, ${g.usersPlanId}, ${g.createdBy})
    returning ${columns(sql)}`;
  return row!;
}

/** The group when it is in the caller's scope; 404 otherwise, exactly like a group that does not exist. */
export async function getGroup(sql: Db, principal: Principal, id: string): Promise<Group> {
  const [row] = await sql<Group[]>`select ${columns(sql)} from groups g where g.id = ${id} and ${groupInScope(sql, principal, 'g.organization_id')}`;
  if (!row) throw notFound('Group');
  return row;
}

/** Unscoped: for public callers (a code, a claim) and workflows. */
export async function groupById(sql: Db, id: string): Promise<Group | undefined> {
  const [row] = await sql<Group[]>`select ${columns(sql)} from groups g where g.id = ${id}`;
  return row;
}

export async function listGroups(sql: Db, principal: Principal, page: Page & { organizationId?: string }): Promise<Group[]> {
  return sql<Group[]>`
    select ${columns(sql)} from groups g
    where ${groupInScope(sql, principal, 'g.organization_id')} ${andEqual(sql, { 'g.organization_id': page.organizationId })}
    ${keysetPage(sql, 'g.id', page)}`;
}

export async function accessRulesOf(sql: Db, groupId: string): Promise<AccessRules | undefined> {
  const [row] = await sql<AccessRules[]>`
    select id, group_id, ip_ranges, email_domains, stripe_coupon_id, updated_at from group_access_rules where group_id = ${groupId}`;
  return row;
}

/** Replaces the group's rules (one rule set per group); an access coupon, once recorded, stays. */
export async function upsertAccessRules(
  sql: Db,
  r: { groupId: string; ipRanges: string[]; emailDomains: string[]; stripeCouponId: string | null; updatedBy: string | null },
): Promise<AccessRules> {
  const [row] = await sql<AccessRules[]>`
    insert into group_access_rules as ar (group_id, ip_ranges, email_domains, stripe_coupon_id, updated_by)
    values (${r.groupId}, ${r.ipRanges}::text[], ${r.emailDomains}::text[], ${r.stripeCouponId}, ${r.updatedBy})
    on conflict (group_id) do update set ip_ranges = excluded.ip_ranges, email_domains = excluded.email_domains,
      stripe_coupon_id = coalesce(ar.stripe_coupon_id, excluded.stripe_coupon_id), updated_by = excluded.updated_by, updated_at = now()
    returning id, group_id, ip_ranges, email_domains, stripe_coupon_id, updated_at`;
  return row!;
}
