import type { Db } from '../db/connect';
import type { SubscriptionStatus } from '../domain/groups/subscriptions';
import { recordEvent } from '../platform/events';
import type { Subscription } from '../repos/groups/subscriptions';

// What partners' systems learn of subscriptions: subscription.created when the row comes into
// being (a group user's place reserved, or a direct subscription made in Stripe) and
// subscription.updated at every change of its status afterwards (provisioned, released, or
// following Stripe). Callers run these inside the transaction that writes the row.

type SubscriptionRef = Pick<Subscription, 'id' | 'customerId' | 'planId' | 'groupId'>;

/** The organization whose scope the event belongs to: the group's (null for a subscription outside any group). */
export async function subscriptionCreated(tx: Db, sub: SubscriptionRef & { status: SubscriptionStatus }, organizationId: string | null): Promise<void> {
  await recordEvent(tx, {
    type: 'subscription.created', organizationId,
    data: { subscriptionId: sub.id, customerId: sub.customerId, planId: sub.planId, groupId: sub.groupId, status: sub.status },
  });
}

export async function subscriptionUpdated(tx: Db, sub: SubscriptionRef, change: { status: SubscriptionStatus; previousStatus: SubscriptionStatus }, organizationId: string | null): Promise<void> {
  if (change.status === change.previousStatus) return;
  await recordEvent(tx, {
    type: 'subscription.updated', organizationId,
    data: { subscriptionId: sub.id, customerId: sub.customerId, planId: sub.planId, groupId: sub.groupId, status: change.status, previousStatus: change.previousStatus },
  });
}
