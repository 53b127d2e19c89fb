import { awaitsStripe, hasEnded } from '../domain/groups/subscriptions';
import { actorOf, type Principal } from '../domain/principal';
import { AppError, notFound } from '../errors';
import { isPermanentStripeError } from '../platform/stripe';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { getGroup } from '../repos/groups/groups';
import { lockSubscription, recordRemoval, subscriptionById, type Subscription } from '../repos/groups/subscriptions';
import { requireGroupStripe } from './stripe';

/** The Stripe idempotency key of a group user's cancellation: the same business key a released reservation uses. */
export const cancellationKey = (subscriptionId: string) => `subscription-${subscriptionId}-cancel`;

/**
 * A manager (in scope) or admin removes a user from a group: their subscription is canceled in
 * Stripe (idempotency key subscription-<id>-cancel), then here, with who and why, in one
 * transaction with the audit entry. The user's place in the group is freed; a code they redeemed
 * stays used (seed 003: a code's redemptions are counted so it is not overused). A repeat answers
 * the removal as recorded. The subscription's workflow ended once Stripe had the subscription, so
 * only a subscription still being created is refused (409 INVALID_STATE: try again in a moment).
 */
export async function removeGroupUser(
  s: Pick<Services, 'sql' | 'stripe'>,
  p: Principal,
  groupId: string,
  subscriptionId: string,
  reason: string | null,
): Promise<Subscription> {
  const group = await getGroup(s.sql, p, groupId);
  const found = await subscriptionById(s.sql, subscriptionId);
  if (!found || found.groupId !== group.id || found.groupRole !== 'user') throw notFound('Group user');
  if (found.removedAt) return found;
  if (awaitsStripe(found.status)) throw new AppError('INVALID_STATE', 'The user\'s subscription is still being created in Stripe; remove them once it is');
  if (found.status === 'failed' || !found.stripeSubscriptionId) throw new AppError('INVALID_STATE', 'The user\'s subscription was never created in Stripe: they are not in the group');
  const stripeId = found.stripeSubscriptionId;

  if (!hasEnded(found.status)) {
    const stripe = requireGroupStripe(s.stripe);
    try {
      await stripe.subscriptions.cancel(stripeId, {}, { idempotencyKey: cancellationKey(found.id) });
    } catch (err) {
      // Canceled already (e.g. from Stripe's dashboard): the end is what removing asks for.
      const code = (err as { code?: string } | null)?.code;
      if (!(isPermanentStripeError(err) && code === 'resource_missing')) {
        if (isPermanentStripeError(err)) throw new AppError('UNPROCESSABLE', `Stripe refused to cancel the subscription: ${(err as Error).message}`);
        if ((err as { type?: string } | null)?.type?.startsWith('Stripe')) {
          throw new AppError('UNAVAILABLE', `Stripe could not be reached to cancel the subscription (${(err as Error).message}); nothing changed, try again`);
        }
        throw err;
      }
    }
  }

  return s.sql.begin(async (tx) => {
    const row = await lockSubscription(tx, found.id);
    if (!row) throw notFound('Group user');
    if (row.removedAt) return row;
    await recordRemoval(tx, row.id, { stripeSubscriptionId: stripeId, at: new Date(), by: p.userId, reason });
    await recordAudit(tx, {
      actor: actorOf(p), entity: 'subscription', entityId: row.id, action: 'remove_from_group', organizationId: group.organizationId,
      before: { status: row.status }, after: { status: hasEnded(row.status) ? row.status : 'canceled', groupId: group.id, email: row.email, reason },
    });
    return (await lockSubscription(tx, row.id))!;
  });
}
