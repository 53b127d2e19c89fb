import { normalizeAccessRules } from '../domain/groups/access';
import { actorOf, type Principal } from '../domain/principal';
import { AppError, notFound } from '../errors';
import { recordAudit } from '../repos/audit';
import type { Page } from '../repos/list';
import { findCustomer, findPlan, getProduct } from '../repos/groups/catalog';
import { canFoundGroup, existsInStripe } from '../domain/groups/subscriptions';
import type { Services } from '../platform/services';
import { callStripe } from '../platform/stripe';
import { requireGroupStripe } from './stripe';
import { accessRulesOf, getGroup, insertGroup, listGroups as readGroups, upsertAccessRules, type AccessRules, type Group } from '../repos/groups/groups';
import { attachOwner, subscriptionById } from '../repos/groups/subscriptions';
import { findOrganization } from '../repos/organizations';

export interface GroupInput {
  name: string;
  ownerCustomerId: string;
  ownerSubscriptionId: string;
  usersPlanId: string;
  organizationId?: string | null;
}

const invalid = (path: string, message: string) => new AppError('UNPROCESSABLE', message, { errors: [{ path, message }] });

/** A group ties an owner (customer + their subscription) to the plan its users get. */
export async function createGroup(s: Pick<Services, 'sql'>, p: Principal, input: GroupInput): Promise<Group> {
  return s.sql.begin(async (tx) => {
    const [customer, owner, plan] = await Promise.all([
      findCustomer(tx, input.ownerCustomerId),
      subscriptionById(tx, input.ownerSubscriptionId),
      findPlan(tx, input.usersPlanId),
    ]);
    if (!customer) throw notFound('Owner customer');
    if (!owner) throw notFound('Owner subscription');
    if (!plan) throw notFound('Users plan');
    if (input.organizationId && !(await findOrganization(tx, p, input.organizationId))) throw notFound('Organization');
    if (owner.customerId !== customer.id) throw invalid('ownerSubscriptionId', 'The owner subscription belongs to another customer');
    if (owner.groupId) throw new AppError('CONFLICT', 'This subscription already belongs to a group');
    if (!existsInStripe(owner.status)) throw invalid('ownerSubscriptionId', 'The owner subscription does not exist in Stripe yet');
    if (!canFoundGroup(owner.status)) throw invalid('ownerSubscriptionId', `The owner subscription has ended in Stripe (${owner.status})`);
    const group = await insertGroup(tx, {
      name: input.name, organizationId: input.organizationId ?? null, ownerCustomerId: customer.id,
      ownerSubscriptionId: owner.id, usersPlanId: plan.id, createdBy: p.userId,
    });
    if (!(await attachOwner(tx, owner.id, group.id))) throw new AppError('CONFLICT', 'This subscription already belongs to a group');
    await recordAudit(tx, { actor: actorOf(p), entity: 'group', entityId: group.id, action: 'create', organizationId: group.organizationId, after: group });
    return group;
  });
}

/** Admins: every group; managers: the groups linked to organizations in their scope. */
export function listGroups(s: Pick<Services, 'sql'>, p: Principal, q: Page & { organizationId?: string }): Promise<Group[]> {
  return readGroups(s.sql, p, q);
}

/** A group in the caller's scope, with its access rules (null before any were set). */
export async function getGroupWithRules(s: Pick<Services, 'sql'>, p: Principal, id: string): Promise<Group & { accessRules: AccessRules | null }> {
  const group = await getGroup(s.sql, p, id);
  return { ...group, accessRules: (await accessRulesOf(s.sql, group.id)) ?? null };
}

/**
 * Replaces the group's IP ranges and e-mail domains, validated and normalised. On a paid users
 * plan, claims subscribe with a 100 %-off coupon ("IP and domain access for group users can also
 * be configured on each plan", seed 003): it is created in Stripe with the first rules (Stripe
 * first, idempotency key group-<id>-access-coupon), so a Stripe refusal stores nothing.
 */
export async function setAccessRules(s: Pick<Services, 'sql' | 'stripe'>, p: Principal, groupId: string, input: { ipRanges: string[]; emailDomains: string[] }): Promise<AccessRules> {
  const normalized = normalizeAccessRules(input);
  if (normalized.errors.length) {
    throw new AppError('VALIDATION_FAILED', `Invalid access rules: ${normalized.errors.map((e) => e.path).join(', ')}`, { errors: normalized.errors });
  }
  const found = await getGroup(s.sql, p, groupId);
  const couponId = (await accessRulesOf(s.sql, found.id))?.stripeCouponId ?? (await accessCoupon(s, found));
  return s.sql.begin(async (tx) => {
    const group = await getGroup(tx, p, groupId);
    const before = await accessRulesOf(tx, group.id);
    const rules = await upsertAccessRules(tx, { groupId: group.id, ipRanges: normalized.ipRanges, emailDomains: normalized.emailDomains, stripeCouponId: couponId, updatedBy: p.userId });
    await recordAudit(tx, {
      actor: actorOf(p), entity: 'group', entityId: group.id, action: 'set_access_rules', organizationId: group.organizationId,
      before: before ? { ipRanges: before.ipRanges, emailDomains: before.emailDomains, stripeCouponId: before.stripeCouponId } : null,
      after: { ipRanges: rules.ipRanges, emailDomains: rules.emailDomains, stripeCouponId: rules.stripeCouponId },
    });
    return rules;
  });
}

/** The 100 %-off coupon claims on a paid users plan subscribe with (forever, only the plan's product); none for a free plan. */
async function accessCoupon(s: Pick<Services, 'sql' | 'stripe'>, group: Group): Promise<string | null> {
  const plan = (await findPlan(s.sql, group.usersPlanId))!;
  if (plan.amount === 0) return null;
  const stripe = requireGroupStripe(s.stripe);
  const product = await getProduct(s.sql, plan.productId);
  const coupon = await callStripe('access coupon', () =>
    stripe.coupons.create(
      {
        percent_off: 100,
        duration: 'forever',
        name: `${group.name} access`.slice(0, 40),
        applies_to: { products: [product.stripeProductId] },
        metadata: { groupId: group.id, purpose: 'access_rules' },
      },
      { idempotencyKey: `group-${group.id}-access-coupon` },
    ),
  );
  return coupon.id;
}
