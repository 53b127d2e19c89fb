import { normalizeAccessRules } from '../domain/groups/access';
import { actorOf, type Principal } from '../domain/principal';
import { AppError, notFound } from '../errors';
import { recordAudit } from '../repos/audit';
import type { Page } from '../repos/list';
import { findCustomer, findPlan } from '../repos/groups/catalog';
import { existsInStripe } from '../domain/groups/subscriptions';
import type { Services } from '../platform/services';
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

/** Replaces the group's IP ranges and e-mail domains, validated and normalised. */
export async function setAccessRules(s: Pick<Services, 'sql'>, p: Principal, groupId: string, input: { ipRanges: string[]; emailDomains: string[] }): Promise<AccessRules> {
  const normalized = normalizeAccessRules(input);
  if (normalized.errors.length) {
    throw new AppError('VALIDATION_FAILED', `Invalid access rules: ${normalized.errors.map((e) => e.path).join(', ')}`, { errors: normalized.errors });
  }
  return s.sql.begin(async (tx) => {
    const group = await getGroup(tx, p, groupId);
    const before = await accessRulesOf(tx, group.id);
    const rules = await upsertAccessRules(tx, { groupId: group.id, ipRanges: normalized.ipRanges, emailDomains: normalized.emailDomains, updatedBy: p.userId });
    await recordAudit(tx, {
      actor: actorOf(p), entity: 'group', entityId: group.id, action: 'set_access_rules', organizationId: group.organizationId,
      before: before ? { ipRanges: before.ipRanges, emailDomains: before.emailDomains } : null,
      after: { ipRanges: rules.ipRanges, emailDomains: rules.emailDomains },
    });
    return rules;
  });
}
