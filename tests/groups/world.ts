export { waitFor } from '../support/wait';
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { waitFor } from '../support/wait';
import { ok } from '../support/client';
import { readMail } from '../support/mail';
import { WEBHOOK_SECRET, type TestStack } from '../support/stack';
import { unique } from '../support/unique';

/**
 * A group set up the way the help-centre article describes: a "Group owners" product and plan,
 * the owner's customer and subscription, a "Group users" product and plan, and the group.
 * `usersAmount` 0 (default) makes the users plan free (imports, access rules); above 0 it is
 * paid and handed out with coupon campaigns.
 */
export async function groupWorld(
  s: TestStack,
  o: { usersAmount?: number; organizationId?: string; collection?: 'charge_automatically' | 'send_invoice' } = {},
) {
  const t = unique('xyz');
  const owners = await ok(s.api.POST('/v1/products', { body: { name: `Group owners ${t}`, description: 'Owners of group subscriptions' } }), 201);
  const ownerPlan = await ok(s.api.POST('/v1/products/{id}/plans', {
    params: { path: { id: owners.id } },
    body: { name: `XYZ owner ${t}`, description: 'Annual group licence for XYZ', amount: 250_000, currency: 'EUR', interval: 'year' },
  }), 201);
  const users = await ok(s.api.POST('/v1/products', { body: { name: `Group users ${t}` } }), 201);
  const usersPlan = await ok(s.api.POST('/v1/products/{id}/plans', {
    params: { path: { id: users.id } },
    body: { name: `XYZ users ${t}`, description: 'Access for XYZ staff', amount: o.usersAmount ?? 0, currency: 'EUR', interval: 'month' },
  }), 201);
  const owner = await ok(s.api.POST('/v1/customers', { body: { name: 'XYZ Corp', email: `billing-${t}@xyz.example` } }), 201);
  const ownerSubscription = await ok(s.api.POST('/v1/subscriptions', {
    body: { customerId: owner.id, planId: ownerPlan.id, collection: o.collection ?? 'send_invoice' },
  }), 201);
  const group = await ok(s.api.POST('/v1/groups', {
    body: {
      name: `XYZ ${t}`, ownerCustomerId: owner.id, ownerSubscriptionId: ownerSubscription.id, usersPlanId: usersPlan.id,
      ...(o.organizationId && { organizationId: o.organizationId }),
    },
  }), 201);
  return { owners, ownerPlan, users, usersPlan, owner, ownerSubscription, group, groupId: group.id };
}

/** Creates a campaign and waits until it is active (its coupon and codes exist in Stripe). */
export async function activeCampaign(s: TestStack, groupId: string, body: Record<string, unknown>, token?: string) {
  const created = await s.call('POST', `/v1/groups/${groupId}/campaigns`, { body, token });
  if (created.status !== 201) throw new Error(`campaign failed: ${JSON.stringify(created.body)}`);
  const c = await waitFor(() => s.call('GET', `/v1/campaigns/${created.body.id}`, { token }), (r) => r.body.status !== 'creating', 60_000);
  if (c.body.status !== 'active') throw new Error(`campaign not active: ${JSON.stringify(c.body)}`);
  return c.body;
}

export const redeem = (s: TestStack, code: string, email: string, headers: Record<string, string> = {}) =>
  s.call('POST', '/v1/public/redemptions', { token: null, body: { code, email, name: email.split('@')[0] }, headers });

/** Group users' subscriptions as the database has them. */
export async function groupUsers(s: TestStack, groupId: string) {
  return s.sql<{ id: string; email: string; status: string; source: string; customerId: string }[]>`
    select id, email, status, source, customer_id from subscriptions where group_id = ${groupId} and group_role = 'user' order by email`;
}

export const claim = (s: TestStack, groupId: string, email: string, headers: Record<string, string> = {}) =>
  s.call('POST', '/v1/public/access-claims', { token: null, body: { groupId, email, name: email.split('@')[0] }, headers });

export const verify = (s: TestStack, claimId: string, code: string) =>
  s.call('POST', `/v1/public/access-claims/${claimId}/verify`, { token: null, body: { code } });

/** The six-digit code in the message the real SMTP listener received. */
export async function codeMailedTo(s: TestStack, email: string): Promise<string> {
  const mail = await s.smtp.waitFor(email);
  const code = /\bis (\d{6})\b/.exec(readMail(mail.raw).text ?? '')?.[1];
  if (!code) throw new Error(`no code in ${mail.raw}`);
  return code;
}

/**
 * The ids of a group's workflows of one kind, as ops find them by the group search attribute
 * (visibility lags a moment): waits until they are exactly `expected`, or at least `expected` many.
 */
export function groupWorkflowIds(s: TestStack, groupId: string, kind: string, expected: string[] | number): Promise<string[]> {
  const want = typeof expected === 'number' ? undefined : [...expected].sort().join();
  return waitFor(
    async () => {
      const out: string[] = [];
      for await (const wf of s.client.workflow.list({ query: `PartnerflowGroupId = "${groupId}" AND PartnerflowKind = "${kind}"` })) out.push(wf.workflowId);
      return out.sort();
    },
    (ids) => (want === undefined ? ids.length >= (expected as number) : ids.join() === want),
    { what: `the ${kind} workflows listed under PartnerflowGroupId = "${groupId}" to be ${want ?? `at least ${expected as number}`}` },
  );
}

const signer = new Stripe('sk_test_signer');

/** Stripe's seconds for an instant `offset` seconds from now. */
export const stripeSeconds = (offset = 0) => Math.floor(Date.now() / 1000) + offset;

/**
 * Delivers a Stripe event to the webhook, built in Stripe's documented shape and signed with
 * Stripe's own test helper (stripe-mock cannot send events: it keeps no state).
 */
export async function stripeEvent(
  s: TestStack,
  type: string,
  object: Record<string, unknown>,
  o: { id?: string; created?: number; secret?: string } = {},
) {
  const payload = JSON.stringify({
    id: o.id ?? `evt_${randomBytes(12).toString('hex')}`,
    object: 'event',
    api_version: '2025-03-31.basil',
    created: o.created ?? stripeSeconds(),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  });
  const signature = signer.webhooks.generateTestHeaderString({ payload, secret: o.secret ?? WEBHOOK_SECRET });
  return s.call('POST', '/v1/stripe/webhook', { token: null, raw: payload, headers: { 'content-type': 'application/json', 'stripe-signature': signature } });
}

/** A Stripe subscription object as customer.subscription.* events carry it. */
export const stripeSubscription = (
  sub: { stripeSubscriptionId: string; id: string; customerStripeId?: string | null },
  status: string,
  extra: Record<string, unknown> = {},
) => ({
  id: sub.stripeSubscriptionId,
  object: 'subscription',
  customer: sub.customerStripeId ?? 'cus_unknown',
  status,
  collection_method: 'send_invoice',
  created: stripeSeconds(-3600),
  canceled_at: null,
  ended_at: null,
  metadata: { subscriptionId: sub.id },
  ...extra,
});

/** A subscription invoice as invoice.paid / invoice.payment_failed carry it (API 2025-03-31 and later: parent.subscription_details). */
export const stripeInvoice = (sub: { stripeSubscriptionId: string; id: string }, status: 'paid' | 'open', extra: Record<string, unknown> = {}) => ({
  id: `in_${randomBytes(10).toString('hex')}`,
  object: 'invoice',
  status,
  billing_reason: 'subscription_cycle',
  amount_due: 250_000,
  currency: 'eur',
  parent: { type: 'subscription_details', quote_details: null, subscription_details: { subscription: sub.stripeSubscriptionId, metadata: { subscriptionId: sub.id } } },
  ...extra,
});
