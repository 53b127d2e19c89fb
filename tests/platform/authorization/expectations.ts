import Stripe from 'stripe';
import { todayUtc } from '../../../src/domain/sales/dates';
import { WEBHOOK_SECRET } from '../../support/stack';
import { unique, uniqueEmail } from '../../support/unique';
import type { PlatformWorld } from '../world';

// Who may call what: one rule per operation of the OpenAPI document, and how to probe it. The
// authorization matrix (tests/platform/authorization.e2e.test.ts) calls every operation as every
// caller and compares the answer's class with the rule's; an operation without an entry here
// fails it ("route added without a rule"). The world is tests/platform/world.ts: every object
// belongs to the organization `own` (parent ─┬─ own ── child; parent ── sibling).

/** Who calls: no token, a revoked token, a respondent's share-link token as bearer ("public"), and users by role and place. */
export const CALLERS = ['none', 'revoked', 'public', 'admin', 'approver', 'own', 'child', 'parent', 'sibling', 'unlinked'] as const;
export type Caller = (typeof CALLERS)[number];

/**
 * The class of an answer: `ok` is authorized (a 2xx, or the 409/422 a business rule answers once
 * the caller got through: a sale already approved, a code already redeemed); 404 is "not in your
 * scope", exactly as if it did not exist; 403 a role refusal; 401 no valid token.
 */
export type Outcome = 'ok' | 401 | 403 | 404;

const ANONYMOUS = { none: 401, revoked: 401, public: 401 } as const;

/** The rules, as each caller fares under them. */
export const RULES = {
  /** No token needed (`/v1/public/…`): whatever the caller sends, the route answers on its own terms. */
  public: { none: 'ok', revoked: 'ok', public: 'ok', admin: 'ok', approver: 'ok', own: 'ok', child: 'ok', parent: 'ok', sibling: 'ok', unlinked: 'ok' },
  /** Proved by Stripe's signature, not a token. */
  signed: { none: 'ok', revoked: 'ok', public: 'ok', admin: 'ok', approver: 'ok', own: 'ok', child: 'ok', parent: 'ok', sibling: 'ok', unlinked: 'ok' },
  /** Any user; a list answers exactly the caller's scope. */
  user: { ...ANONYMOUS, admin: 'ok', approver: 'ok', own: 'ok', child: 'ok', parent: 'ok', sibling: 'ok', unlinked: 'ok' },
  /** Admins only. */
  admin: { ...ANONYMOUS, admin: 'ok', approver: 403, own: 403, child: 403, parent: 403, sibling: 403, unlinked: 403 },
  /** Admins and managers (each over their scope); approvers are refused. */
  manager: { ...ANONYMOUS, admin: 'ok', approver: 403, own: 'ok', child: 'ok', parent: 'ok', sibling: 'ok', unlinked: 'ok' },
  /** Reads an object of `own`: its managers and its parent's; 404 for everyone else. */
  'org-read': { ...ANONYMOUS, admin: 'ok', approver: 404, own: 'ok', child: 404, parent: 'ok', sibling: 404, unlinked: 'ok' },
  /** Changes an object of `own`: as org-read, and approvers (who may read) are refused. */
  'org-write': { ...ANONYMOUS, admin: 'ok', approver: 403, own: 'ok', child: 404, parent: 'ok', sibling: 404, unlinked: 'ok' },
  /** Reads an object of `own` and of the assessment: managers must also be linked to the assessment. */
  'assessment-read': { ...ANONYMOUS, admin: 'ok', approver: 404, own: 'ok', child: 404, parent: 'ok', sibling: 404, unlinked: 404 },
  /** Changes an object of `own` and of the assessment. */
  'assessment-write': { ...ANONYMOUS, admin: 'ok', approver: 403, own: 'ok', child: 404, parent: 'ok', sibling: 404, unlinked: 404 },
  /** The assessment itself: every manager linked to it, wherever their organization. */
  'assessment-linked': { ...ANONYMOUS, admin: 'ok', approver: 404, own: 'ok', child: 'ok', parent: 'ok', sibling: 'ok', unlinked: 404 },
  /** Sales: as org-read, and site approvers (no organization) see every sale (docs/sales.md). */
  'sale-read': { ...ANONYMOUS, admin: 'ok', approver: 'ok', own: 'ok', child: 404, parent: 'ok', sibling: 404, unlinked: 'ok' },
  /** Approve or reject: admins and approvers in scope; managers are refused. */
  'sale-decision': { ...ANONYMOUS, admin: 'ok', approver: 'ok', own: 403, child: 403, parent: 403, sibling: 403, unlinked: 403 },
  /** A token for a user: admins for anyone, everyone for themselves (the probe targets own's manager). */
  'self-create': { ...ANONYMOUS, admin: 'ok', approver: 403, own: 'ok', child: 403, parent: 403, sibling: 403, unlinked: 403 },
  /** Revoking a token: admins any, users their own; someone else's is not found. */
  'self-revoke': { ...ANONYMOUS, admin: 'ok', approver: 404, own: 'ok', child: 404, parent: 404, sibling: 404, unlinked: 404 },
} as const satisfies Record<string, Record<Caller, Outcome>>;

export type RuleName = keyof typeof RULES;

/** One request: path parameters, query, JSON body or a CSV upload. */
export interface Probe {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  csv?: string;
  /** A body sent as it is (the webhook's signed payload). */
  raw?: string;
  /** Extra headers (the webhook's signature). */
  headers?: Record<string, string>;
}

export interface Expectation {
  rule: RuleName;
  probe: (w: PlatformWorld, caller: Caller) => Probe;
}

const id = (value: string): Probe => ({ params: { id: value } });
const none = (): Probe => ({});
const respondent = () => ({ email: uniqueEmail('r'), name: 'Res Pondent' });
const signer = new Stripe('sk_test_signer');

/** A correctly signed event of a type no lifecycle handles: recorded once, answered 200. */
function signedEvent(): Probe {
  const raw = JSON.stringify({
    id: `evt_${unique('probe').replace(/-/g, '')}`, object: 'event', api_version: '2024-06-20', created: Math.floor(Date.now() / 1000), livemode: false,
    pending_webhooks: 1, request: { id: null, idempotency_key: null }, type: 'customer.created',
    data: { object: { id: 'cus_probe', object: 'customer', email: 'probe@example.test', metadata: {} } },
  });
  return { raw, headers: { 'content-type': 'application/json', 'stripe-signature': signer.webhooks.generateTestHeaderString({ payload: raw, secret: WEBHOOK_SECRET }) } };
}

/** Every operation of the API, by "METHOD /path" as the OpenAPI document names it. */
export const EXPECTATIONS: Record<string, Expectation> = {
  // Platform
  'GET /v1/settings': { rule: 'user', probe: none },
  'PATCH /v1/settings': { rule: 'admin', probe: () => ({ body: { useAllotments: true } }) },
  'POST /v1/organizations': { rule: 'org-write', probe: (w) => ({ body: { name: unique('Below own'), parentId: w.orgs.own } }) },
  'GET /v1/organizations': { rule: 'user', probe: none },
  'GET /v1/organizations/{id}': { rule: 'org-read', probe: (w) => id(w.orgs.own) },
  'PATCH /v1/organizations/{id}': { rule: 'org-write', probe: (w) => ({ ...id(w.orgs.own), body: { name: unique('Own') } }) },
  'POST /v1/users': { rule: 'admin', probe: () => ({ body: { email: uniqueEmail('new'), name: 'New User', role: 'approver' } }) },
  'GET /v1/users': { rule: 'user', probe: none },
  'POST /v1/users/{id}/tokens': { rule: 'self-create', probe: (w) => ({ ...id(w.users.own.userId), body: {} }) },
  'DELETE /v1/tokens/{id}': { rule: 'self-revoke', probe: (w) => id(w.ids.tokens) },
  // Everyone may rename themselves; anything else, or anyone else, is for admins (docs/security.md).
  'PATCH /v1/users/{id}': { rule: 'self-create', probe: (w) => ({ ...id(w.users.own.userId), body: { name: 'Own Manager' } }) },
  'POST /v1/users/{id}/deactivate': { rule: 'admin', probe: (w) => id(w.ids['spare-users']) },
  'POST /v1/users/{id}/reactivate': { rule: 'admin', probe: (w) => id(w.ids['spare-users']) },
  'GET /v1/users/{id}/tokens': { rule: 'self-create', probe: (w) => id(w.users.own.userId) },
  'GET /v1/audit': { rule: 'user', probe: (w) => ({ query: { entity: 'organization', id: w.orgs.own } }) },
  // A job (the platform's progress record of a bulk upload or import) follows its organization; a
  // bulk invitation's job also its assessment, as its responses do (the probe is one).
  'GET /v1/jobs/{id}': { rule: 'assessment-read', probe: (w) => id(w.ids.jobs) },
  'GET /v1/reconciliation/findings': { rule: 'manager', probe: none },
  'POST /v1/stripe/webhook': { rule: 'signed', probe: signedEvent },
  // Outgoing webhooks (docs/events.md): admins and managers over their scope; approvers are refused.
  // A created endpoint listens for an event no suite causes, so nothing is delivered behind a suite's back.
  'POST /v1/webhook-endpoints': { rule: 'org-write', probe: (w) => ({ body: { url: 'http://127.0.0.1:9/probe', events: ['purchase.expired'], organizationId: w.orgs.own } }) },
  'GET /v1/webhook-endpoints': { rule: 'manager', probe: none },
  'GET /v1/webhook-endpoints/{id}': { rule: 'org-write', probe: (w) => id(w.ids['webhook-endpoints']) },
  'PATCH /v1/webhook-endpoints/{id}': { rule: 'org-write', probe: (w) => ({ ...id(w.ids['webhook-endpoints']), body: { description: unique('Endpoint') } }) },
  'DELETE /v1/webhook-endpoints/{id}': {
    rule: 'org-write',
    probe: (w, caller) => id(w.spareEndpoints[caller as keyof PlatformWorld['spareEndpoints']] ?? w.spareEndpoints.own),
  },
  'POST /v1/webhook-endpoints/{id}/rotate-secret': { rule: 'org-write', probe: (w) => id(w.ids['webhook-endpoints']) },
  'GET /v1/webhook-endpoints/{id}/deliveries': { rule: 'org-write', probe: (w) => id(w.ids['webhook-endpoints']) },
  'GET /v1/events': { rule: 'manager', probe: none },
  'GET /v1/events/{id}': { rule: 'org-write', probe: (w) => id(w.ids.events) },
  'POST /v1/events/{id}/redeliver': { rule: 'org-write', probe: (w) => ({ ...id(w.ids.events), body: {} }) },

  // Sales
  'POST /v1/distributions': { rule: 'admin', probe: () => ({ body: { name: unique('Distribution'), unitPrices: { EUR: 100 } } }) },
  'GET /v1/distributions': { rule: 'user', probe: none },
  'GET /v1/distributions/{id}': { rule: 'user', probe: (w) => id(w.ids.distributions) },
  'POST /v1/sales': {
    rule: 'org-write',
    probe: (w) => ({
      body: {
        name: 'Probe sale', customer: { organizationId: w.orgs.own }, billed: 'invoice', activationDate: todayUtc(new Date()),
        distributions: [{ distributionId: w.ids.distributions, salesType: 'per_user', numberOfUsers: 1, currency: 'EUR' }],
      },
    }),
  },
  'GET /v1/sales': { rule: 'user', probe: none },
  'GET /v1/sales/{id}': { rule: 'sale-read', probe: (w) => id(w.ids.sales) },
  'PATCH /v1/sales/{id}': { rule: 'org-write', probe: (w) => ({ ...id(w.ids.sales), body: { name: unique('Sale') } }) },
  'POST /v1/sales/{id}/comments': { rule: 'sale-read', probe: (w) => ({ ...id(w.ids.sales), body: { text: 'Probe comment' } }) },
  'POST /v1/sales/{id}/approve': { rule: 'sale-decision', probe: (w) => id(w.ids.sales) },
  'POST /v1/sales/{id}/reject': { rule: 'sale-decision', probe: (w) => ({ ...id(w.ids.sales), body: { reason: 'Probe' } }) },
  'POST /v1/sales/{id}/launches': { rule: 'org-write', probe: (w) => ({ ...id(w.ids['active-sales']), body: { userEmail: uniqueEmail('launch') } }) },
  // Probed on the pending sale (admins get 409 INVALID_STATE) so the world's active sale lives on.
  'POST /v1/sales/{id}/cancel': { rule: 'admin', probe: (w) => ({ ...id(w.ids.sales), body: { reason: 'Probe' } }) },
  'GET /v1/sales/{id}/keys': { rule: 'sale-read', probe: (w) => id(w.ids['active-sales']) },
  'POST /v1/sales/{id}/keys/{keyId}/revoke': {
    rule: 'admin',
    probe: (w) => ({ params: { id: w.ids['active-sales'], keyId: w.ids['spare-keys'] }, body: { reason: 'Probe' } }),
  },
  // Probed on the pending sale (admins get 409 INVALID_STATE), like the cancellation: same rule as revoking a key.
  'POST /v1/sales/{id}/seats/move': {
    rule: 'admin',
    probe: (w) => ({ ...id(w.ids.sales), body: { fromEmail: uniqueEmail('from'), toEmail: uniqueEmail('to'), reason: 'Probe' } }),
  },
  'GET /v1/keys': { rule: 'user', probe: () => ({ query: { userEmail: uniqueEmail('launch') } }) },
  'GET /v1/public/keys/{key}': { rule: 'public', probe: (w) => ({ params: { key: w.licenceKey } }) },

  // Allotments
  'POST /v1/assessments': { rule: 'admin', probe: () => ({ body: { name: unique('Assessment') } }) },
  'GET /v1/assessments': { rule: 'user', probe: none },
  'GET /v1/assessments/{id}': { rule: 'assessment-linked', probe: (w) => id(w.ids.assessments) },
  'PATCH /v1/assessments/{id}': { rule: 'admin', probe: (w) => ({ ...id(w.ids.assessments), body: { responseExpiryDays: 14 } }) },
  'POST /v1/assessments/{id}/price-lists': {
    rule: 'admin',
    probe: (w) => ({ ...id(w.ids.assessments), body: { name: 'Probe prices', validFrom: '2020-01-01', currencies: { EUR: [{ upTo: null, unitAmount: 900 }] } } }),
  },
  'GET /v1/assessments/{id}/price-lists': { rule: 'assessment-linked', probe: (w) => id(w.ids.assessments) },
  'GET /v1/price-lists/{id}': { rule: 'assessment-read', probe: (w) => id(w.ids['price-lists']) },
  'PATCH /v1/price-lists/{id}': { rule: 'admin', probe: (w) => ({ ...id(w.ids['spare-price-lists']), body: { name: unique('Spare prices') } }) },
  'POST /v1/price-lists/{id}/successor': {
    rule: 'admin',
    probe: (w) => ({ ...id(w.ids['spare-price-lists']), body: { name: unique('Next prices'), currencies: { EUR: [{ upTo: null, unitAmount: 900 }] } } }),
  },
  'GET /v1/price-lists/{id}/quote': { rule: 'assessment-read', probe: (w) => ({ ...id(w.ids['price-lists']), query: { quantity: '5', currency: 'EUR' } }) },
  'PUT /v1/organizations/{id}/price-lists/{assessmentId}': {
    rule: 'admin',
    probe: (w) => ({ params: { id: w.orgs.own, assessmentId: w.ids.assessments }, body: { priceListId: w.ids['price-lists'] } }),
  },
  'GET /v1/allotments': { rule: 'user', probe: none },
  'POST /v1/allotments/purchases': {
    rule: 'assessment-write',
    probe: (w) => ({ body: { organizationId: w.orgs.own, assessmentId: w.ids.assessments, quantity: 1, currency: 'EUR' } }),
  },
  'GET /v1/allotments/purchases': { rule: 'user', probe: none },
  'GET /v1/allotments/{organizationId}/{assessmentId}/entries': {
    rule: 'assessment-read',
    probe: (w) => ({ params: { organizationId: w.orgs.own, assessmentId: w.ids.assessments } }),
  },
  'GET /v1/allotments/purchases/{id}': { rule: 'assessment-read', probe: (w) => id(w.ids.purchases) },
  'PATCH /v1/allotments/{organizationId}/{assessmentId}': {
    rule: 'assessment-write',
    probe: (w) => ({ params: { organizationId: w.orgs.own, assessmentId: w.ids.assessments }, body: { lowBalanceThreshold: 3 } }),
  },
  'POST /v1/assessments/{id}/responses': {
    rule: 'assessment-write',
    probe: (w) => ({ ...id(w.ids.assessments), body: { organizationId: w.orgs.own, respondent: respondent() } }),
  },
  'POST /v1/assessments/{id}/responses/bulk': {
    rule: 'assessment-write',
    probe: (w) => ({ ...id(w.ids.assessments), query: { organizationId: w.orgs.own }, csv: `email,name\n${uniqueEmail('bulk')},Bulk Probe\n` }),
  },
  'GET /v1/responses': { rule: 'user', probe: none },
  'GET /v1/responses/{id}': { rule: 'assessment-read', probe: (w) => id(w.ids.responses) },
  'POST /v1/responses/{id}/complete': { rule: 'assessment-write', probe: (w) => ({ ...id(w.ids.responses), body: {} }) },
  'POST /v1/responses/{id}/extend': { rule: 'assessment-write', probe: (w) => ({ ...id(w.ids.responses), body: { expiresAt: '2099-01-01T00:00:00Z' } }) },
  'GET /v1/assessments/{id}/cohorts': { rule: 'assessment-linked', probe: (w) => id(w.ids.assessments) },
  'GET /v1/assessments/{id}/share-links': { rule: 'assessment-linked', probe: (w) => id(w.ids.assessments) },
  'POST /v1/assessments/{id}/cohorts': { rule: 'assessment-write', probe: (w) => ({ ...id(w.ids.assessments), body: { organizationId: w.orgs.own, name: unique('Cohort') } }) },
  'POST /v1/cohorts/{id}/invitations': { rule: 'assessment-write', probe: (w) => ({ ...id(w.ids.cohorts), body: { respondents: [respondent()] } }) },
  'POST /v1/assessments/{id}/share-links': { rule: 'assessment-write', probe: (w) => ({ ...id(w.ids.assessments), body: { organizationId: w.orgs.own } }) },
  'POST /v1/share-links/{id}/revoke': { rule: 'assessment-write', probe: (w) => id(w.ids['spare-share-links']) },
  'GET /v1/public/invitations/{token}': { rule: 'public', probe: (w) => ({ params: { token: w.invitationToken } }) },
  'POST /v1/public/share-links/{token}/responses': { rule: 'public', probe: (w) => ({ params: { token: w.shareToken }, body: respondent() }) },

  // Groups
  'POST /v1/public/redemptions': { rule: 'public', probe: (w) => ({ body: { code: w.code, email: `${unique('redeemer')}@xyz.example`, name: 'Redeemer' } }) },
  'POST /v1/public/access-claims': { rule: 'public', probe: (w) => ({ body: { groupId: w.ids.groups, email: `${unique('claimer')}@xyz.example`, name: 'Claimer' } }) },
  'POST /v1/public/access-claims/{id}/verify': { rule: 'public', probe: (w) => ({ ...id(w.ids['access-claims']), body: { code: '000000' } }) },
  'POST /v1/products': { rule: 'admin', probe: () => ({ body: { name: unique('Product') } }) },
  'GET /v1/products': { rule: 'admin', probe: none },
  'GET /v1/products/{id}': { rule: 'admin', probe: (w) => id(w.free.owners.id) },
  'POST /v1/products/{id}/plans': {
    rule: 'admin',
    probe: (w) => ({ ...id(w.free.owners.id), body: { name: unique('Plan'), description: 'Probe', amount: 0, currency: 'EUR', interval: 'month' } }),
  },
  'POST /v1/customers': { rule: 'admin', probe: () => ({ body: { name: 'Probe Customer', email: uniqueEmail('customer') } }) },
  'GET /v1/customers/{id}': { rule: 'admin', probe: (w) => id(w.ids.customers) },
  'POST /v1/customers/{id}/setup-intents': { rule: 'admin', probe: (w) => ({ ...id(w.ids.customers), body: {} }) },
  'POST /v1/subscriptions': { rule: 'admin', probe: (w) => ({ body: { customerId: w.ids.customers, planId: w.free.usersPlan.id, collection: 'send_invoice' } }) },
  'GET /v1/subscriptions': { rule: 'user', probe: none },
  'GET /v1/subscriptions/{id}': { rule: 'org-read', probe: (w) => id(w.ids.subscriptions) },
  'POST /v1/groups': {
    rule: 'admin',
    probe: (w) => ({ body: { name: unique('Group'), ownerCustomerId: w.ids.customers, ownerSubscriptionId: w.ids.subscriptions, usersPlanId: w.free.usersPlan.id } }),
  },
  'GET /v1/groups': { rule: 'user', probe: none },
  'GET /v1/groups/{id}': { rule: 'org-read', probe: (w) => id(w.ids.groups) },
  'POST /v1/groups/{id}/access-rules': { rule: 'org-write', probe: (w) => ({ ...id(w.ids.groups), body: { ipRanges: [], emailDomains: ['xyz.example'] } }) },
  'POST /v1/groups/{id}/imports': { rule: 'org-write', probe: (w) => ({ ...id(w.ids.groups), body: { users: [{ email: uniqueEmail('imp'), name: 'Imp Probe' }] } }) },
  'POST /v1/groups/{id}/users/{subscriptionId}/remove': {
    rule: 'org-write',
    probe: (w) => ({ params: { id: w.ids.groups, subscriptionId: w.ids['group-users'] }, body: { reason: 'Probe' } }),
  },
  'GET /v1/groups/{id}/imports/{jobId}': { rule: 'org-read', probe: (w) => ({ params: { id: w.ids.groups, jobId: w.ids['import-jobs'] } }) },
  'POST /v1/groups/{id}/campaigns': {
    rule: 'org-write',
    probe: (w) => ({ ...id(w.ids['paid-groups']), body: { mode: 'shared', code: unique('P').replace(/-/g, '').toUpperCase(), maxRedemptions: 1 } }),
  },
  'GET /v1/groups/{id}/campaigns': { rule: 'org-read', probe: (w) => id(w.ids['paid-groups']) },
  'GET /v1/campaigns/{id}': { rule: 'org-read', probe: (w) => id(w.ids.campaigns) },
  'GET /v1/campaigns/{id}/codes': { rule: 'org-read', probe: (w) => id(w.ids.campaigns) },
  'POST /v1/campaigns/{id}/sends': { rule: 'org-write', probe: (w) => ({ ...id(w.ids['unique-campaigns']), body: { recipients: [{ email: uniqueEmail('send'), name: 'Send' }] } }) },
  'GET /v1/campaigns/{id}/sends/{jobId}': { rule: 'org-read', probe: (w) => ({ params: { id: w.ids['unique-campaigns'], jobId: w.ids['sends-jobs'] } }) },
  'POST /v1/campaigns/{id}/deactivate': { rule: 'org-write', probe: (w) => ({ ...id(w.ids.campaigns), body: {} }) },
  'GET /v1/reports/subscriptions': { rule: 'manager', probe: () => ({ query: { groupBy: 'group' } }) },
  'GET /v1/reports/subscribers': { rule: 'manager', probe: () => ({ query: { groupBy: 'plan' } }) },

  // Aggregators
  'POST /v1/tariffs': { rule: 'org-write', probe: (w) => ({ body: { organizationId: w.orgs.own, name: unique('Tariff'), paymentFrequency: 'FREE', services: [] } }) },
  'GET /v1/tariffs': { rule: 'user', probe: none },
  'GET /v1/tariffs/{id}': { rule: 'org-read', probe: (w) => id(w.ids.tariffs) },
  'POST /v1/aggregators': { rule: 'org-write', probe: (w) => ({ body: { organizationId: w.orgs.own, name: unique('Aggregator') } }) },
  'GET /v1/aggregators': { rule: 'user', probe: none },
  'GET /v1/aggregators/{id}': { rule: 'org-read', probe: (w) => id(w.ids.aggregators) },
  'PUT /v1/aggregators/{id}/tariff': { rule: 'org-write', probe: (w) => ({ ...id(w.ids.aggregators), query: { dryRun: 'true' }, body: { tariffId: w.ids.tariffs } }) },
  'DELETE /v1/aggregators/{id}/tariff': { rule: 'org-write', probe: (w) => ({ ...id(w.ids.aggregators), query: { dryRun: 'true' } }) },
  'POST /v1/aggregators/{id}/deactivate': { rule: 'org-write', probe: (w) => ({ ...id(w.ids.aggregators), query: { dryRun: 'true' }, body: {} }) },
  'POST /v1/profiles': { rule: 'org-write', probe: (w) => ({ body: { organizationId: w.orgs.own, name: 'Probe Profile', email: uniqueEmail('profile') } }) },
  'GET /v1/profiles': { rule: 'user', probe: none },
  'GET /v1/profiles/{id}': { rule: 'org-read', probe: (w) => id(w.ids.profiles) },
  'PATCH /v1/profiles/{id}': { rule: 'org-write', probe: (w) => ({ ...id(w.ids.profiles), body: { name: 'Pat Profile' } }) },
  'GET /v1/profiles/{id}/contracts': { rule: 'org-read', probe: (w) => id(w.ids.profiles) },
  'GET /v1/organizations/{id}/member-stats': { rule: 'org-read', probe: (w) => id(w.orgs.own) },
};
