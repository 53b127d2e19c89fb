import type Stripe from 'stripe';
import type { Db } from '../db/connect';
import {
  hasEnded,
  isStripeStatus,
  statusAfterInvoice,
  statusFollowingStripe,
  stripeStateOf,
  supersedes,
  type StripeState,
  type StripeSubscriptionStatus,
} from '../domain/groups/subscriptions';
import type { Services } from '../platform/services';
import type { StripeEventHandler } from '../platform/stripe-webhook';
import { recordAudit } from '../repos/audit';
import { lockCustomerByStripeId, setDefaultPaymentMethod } from '../repos/groups/catalog';
import { subscriptionUpdated } from './events';
import { lockForStripe, recordStripeState, subscriptionOrganization, type Subscription } from '../repos/groups/subscriptions';

// The local copy follows Stripe. Each event is verified and recorded once by the platform's
// webhook (src/platform/stripe-webhook.ts), which hands it here inside that transaction; the rows
// an event touches are locked, so events for one subscription or customer apply one after the
// other, and the ordering rules in src/domain/groups/subscriptions.ts make the order they arrive
// in irrelevant.

const SUBSCRIPTION_EVENTS = ['customer.subscription.created', 'customer.subscription.updated', 'customer.subscription.deleted'];
const INVOICE_EVENTS = ['invoice.paid', 'invoice.payment_failed'];
const CUSTOMER_EVENTS = ['setup_intent.succeeded', 'customer.updated'];

type Deps = Pick<Services, 'sql' | 'temporal' | 'taskQueue' | 'stripe' | 'config'>;

const idOf = (v: string | { id: string } | null | undefined): string | undefined => (typeof v === 'string' ? v : v?.id) || undefined;
const eventAt = (event: Stripe.Event) => new Date(event.created * 1000);

/** The Stripe state we hold for a row, if any. */
const heldState = (row: Subscription): StripeState | null =>
  row.stripeStatus && row.stripeStatusAt && isStripeStatus(row.stripeStatus) ? { status: row.stripeStatus, at: row.stripeStatusAt } : null;

/**
 * Applies a Stripe state to a locked row when it is newer than the one we hold; the row's status
 * becomes Stripe's (a pending or released one keeps ours and remembers Stripe's).
 */
async function follow(tx: Db, row: Subscription, stripeSubscriptionId: string, incoming: StripeState, event: Stripe.Event, endedAt?: Date): Promise<'applied' | 'ignored'> {
  if (!supersedes(heldState(row), incoming)) return 'ignored';
  const status = statusFollowingStripe(row.status, incoming.status);
  await recordStripeState(tx, row.id, {
    status, stripeSubscriptionId, stripeStatus: incoming.status, stripeStatusAt: incoming.at, endedAt: hasEnded(incoming.status) ? (endedAt ?? incoming.at) : null,
  });
  if (status !== row.status) {
    const organizationId = await subscriptionOrganization(tx, row.id);
    await recordAudit(tx, {
      actor: 'stripe', entity: 'subscription', entityId: row.id, action: 'stripe_status', organizationId,
      before: { status: row.status }, after: { status, stripeEventId: event.id, eventType: event.type },
    });
    await subscriptionUpdated(tx, row, { status, previousStatus: row.status }, organizationId);
  }
  return 'applied';
}

/** customer.subscription.*: the subscription object carries its own status. */
async function subscriptionEvent(tx: Db, event: Stripe.Event): Promise<'applied' | 'ignored'> {
  const sub = event.data.object as Stripe.Subscription;
  if (!sub.id || !isStripeStatus(sub.status)) return 'ignored';
  const row = await lockForStripe(tx, sub.id, sub.metadata?.subscriptionId);
  if (!row) return 'ignored';
  const ended = sub.ended_at ?? sub.canceled_at;
  return follow(tx, row, sub.id, stripeStateOf(sub.status, event.created), event, ended ? new Date(ended * 1000) : undefined);
}

/** The subscription an invoice bills, in the shapes Stripe has used (parent.subscription_details since 2025-03-31, `subscription` before). */
function invoiceSubscription(invoice: Stripe.Invoice): { stripeId?: string; subscriptionId?: string } {
  const legacy = invoice as unknown as { subscription?: string | { id: string } | null; subscription_details?: { metadata?: Record<string, string> | null } | null };
  const details = invoice.parent?.subscription_details;
  return {
    stripeId: idOf(details?.subscription) ?? idOf(legacy.subscription),
    subscriptionId: details?.metadata?.subscriptionId ?? legacy.subscription_details?.metadata?.subscriptionId,
  };
}

/** invoice.paid / invoice.payment_failed: the status they imply from the one we hold, as of the event. */
async function invoiceEvent(tx: Db, event: Stripe.Event): Promise<'applied' | 'ignored'> {
  const { stripeId, subscriptionId } = invoiceSubscription(event.data.object as Stripe.Invoice);
  if (!stripeId) return 'ignored';
  const row = await lockForStripe(tx, stripeId, subscriptionId);
  if (!row) return 'ignored';
  const held = heldState(row);
  const status: StripeSubscriptionStatus = statusAfterInvoice(held?.status ?? null, event.type === 'invoice.paid' ? 'paid' : 'payment_failed');
  if (held && status === held.status) return 'ignored';
  return follow(tx, row, stripeId, { status, at: eventAt(event) }, event);
}

/**
 * setup_intent.succeeded: the card just put on file becomes the customer's default in Stripe
 * (customers.update, idempotent per SetupIntent) and here. customer.updated: Stripe's default as
 * it is now (including none). Each applies when it is not older than the default we hold.
 */
async function customerEvent(tx: Db, s: Deps, event: Stripe.Event): Promise<'applied' | 'ignored'> {
  const object = event.data.object as Stripe.SetupIntent | Stripe.Customer;
  const stripeCustomerId = object.object === 'setup_intent' ? idOf((object as Stripe.SetupIntent).customer) : object.id;
  if (!stripeCustomerId) return 'ignored';
  const customer = await lockCustomerByStripeId(tx, stripeCustomerId);
  if (!customer) return 'ignored';
  const at = eventAt(event);
  if (customer.defaultPaymentMethodAt && customer.defaultPaymentMethodAt > at) return 'ignored';

  let paymentMethod: string | null;
  if (object.object === 'setup_intent') {
    const intent = object as Stripe.SetupIntent;
    paymentMethod = idOf(intent.payment_method) ?? null;
    if (!paymentMethod || intent.status !== 'succeeded') return 'ignored';
    if (!s.stripe) throw new Error('Stripe is not connected: the card cannot be made the default');
    // A failure throws: the event stays unrecorded and Stripe delivers it again.
    await s.stripe.customers.update(stripeCustomerId, { invoice_settings: { default_payment_method: paymentMethod } }, { idempotencyKey: `setup-intent-${intent.id}-default` });
  } else {
    paymentMethod = idOf((object as Stripe.Customer).invoice_settings?.default_payment_method) ?? null;
  }
  await setDefaultPaymentMethod(tx, customer.id, paymentMethod, at);
  if (paymentMethod === customer.defaultPaymentMethodId) return 'ignored';
  await recordAudit(tx, {
    actor: 'stripe', entity: 'customer', entityId: customer.id, action: 'default_payment_method',
    before: { defaultPaymentMethodId: customer.defaultPaymentMethodId }, after: { defaultPaymentMethodId: paymentMethod, stripeEventId: event.id, eventType: event.type },
  });
  return 'applied';
}

/** The group-subscription lifecycle's part of the one Stripe webhook (src/platform/stripe-handlers.ts). */
export const groupSubscriptionEvents: StripeEventHandler = {
  types: [...SUBSCRIPTION_EVENTS, ...INVOICE_EVENTS, ...CUSTOMER_EVENTS],
  async apply(tx, s, event) {
    if (SUBSCRIPTION_EVENTS.includes(event.type)) return subscriptionEvent(tx, event);
    if (INVOICE_EVENTS.includes(event.type)) return invoiceEvent(tx, event);
    return customerEvent(tx, s, event);
  },
};
