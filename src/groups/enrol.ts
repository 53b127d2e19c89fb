import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { deleteCustomer, insertCustomer } from '../repos/groups/catalog';
import type { Group } from '../repos/groups/groups';
import { subscriptionCreated } from './events';
import { insertGroupUser, subscriptionById, type Subscription, type SubscriptionSource } from '../repos/groups/subscriptions';
import { subscriptionOutcomeUpdate, subscriptionWorkflowId } from '../../workflows/groups/subscription-definitions';
import { startGroupWorkflow } from './start';

export interface NewGroupUser {
  group: Group;
  email: string;
  name: string;
  source: SubscriptionSource;
  campaignId?: string | null;
  jobId?: string | null;
  actor: string;
}

/**
 * Reserves a group user's customer and subscription (pending) inside the caller's transaction.
 * Undefined when the address already has a live subscription in the group.
 */
export async function reserveGroupUser(tx: Db, u: NewGroupUser): Promise<Subscription | undefined> {
  const customerId = randomUUID();
  await insertCustomer(tx, { id: customerId, name: u.name, email: u.email.toLowerCase(), stripeCustomerId: null, createdBy: null });
  const sub = await insertGroupUser(tx, {
    id: randomUUID(), customerId, planId: u.group.usersPlanId, groupId: u.group.id, email: u.email,
    source: u.source, campaignId: u.campaignId, jobId: u.jobId,
  });
  if (!sub) {
    await deleteCustomer(tx, customerId);
    return undefined;
  }
  await recordAudit(tx, {
    actor: u.actor, entity: 'subscription', entityId: sub.id, action: 'reserve', organizationId: u.group.organizationId,
    after: { groupId: u.group.id, source: u.source, campaignId: sub.campaignId, status: sub.status },
  });
  await subscriptionCreated(tx, sub, u.group.organizationId);
  return sub;
}

/**
 * Starts the workflow that creates the subscription in Stripe (or releases it). Call it inside
 * the reserving transaction: a failed start rolls the reservation back, so nothing is counted
 * without a workflow to finish it.
 */
export function startProvisioning(s: Pick<Services, 'temporal' | 'taskQueue'>, sub: Subscription, group: Group): Promise<void> {
  return startGroupWorkflow(s, group, 'groupSubscriptionWorkflow', {
    workflowId: subscriptionWorkflowId(sub.id), args: [{ subscriptionId: sub.id, groupId: group.id }], kind: 'subscription', status: 'pending',
  });
}

/**
 * Waits (bounded) until Stripe has the subscription or it was released, and answers the row.
 * An update rather than the workflow's result: it does not unlock time skipping in tests, and a
 * slow Stripe just leaves the answer `pending`.
 */
export async function awaitProvisioning(s: Pick<Services, 'sql' | 'temporal'>, subscriptionId: string, timeoutMs = 20_000): Promise<Subscription> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    s.temporal.workflow.getHandle(subscriptionWorkflowId(subscriptionId)).executeUpdate(subscriptionOutcomeUpdate).catch(() => undefined),
    new Promise((ok) => (timer = setTimeout(ok, timeoutMs))),
  ]);
  clearTimeout(timer);
  return (await subscriptionById(s.sql, subscriptionId))!;
}
