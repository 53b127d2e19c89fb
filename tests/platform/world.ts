import { todayUtc } from '../../src/domain/sales/dates';
import { recordEvent } from '../../src/platform/events';
import { activeCampaign, groupWorld } from '../groups/world';
import { readMail } from '../support/mail';
import type { TestStack } from '../support/stack';
import { unique, uniqueEmail } from '../support/unique';
import { waitFor } from '../support/wait';

type Res = { status: number; body: any };
const ok = (what: string, res: Res, ...statuses: number[]) => {
  if (!(statuses.length ? statuses : [200, 201, 202]).includes(res.status)) throw new Error(`${what} failed (${res.status}): ${JSON.stringify(res.body)}`);
  return res.body;
};

/**
 * One world with an object of every kind the API knows, seeded through the API, for the
 * platform-wide suites (fuzzing, the authorization matrix, secrets). The organizations form
 *
 *     parent ─┬─ own ── child
 *             └─ sibling
 *
 * and every object belongs to `own` (or is global: catalog, distributions). Managers of each
 * organization are linked to the assessment; `unlinked` manages `own` without that link.
 */
export async function platformWorld(s: TestStack) {
  const call = (method: string, path: string, o: Parameters<TestStack['call']>[2] = {}) => s.call(method, path, o);
  ok('settings', await call('PATCH', '/v1/settings', { body: { useAllotments: true } }));
  const commercial = { responseAllotment: 'can_be_purchased', ltiService: true, package: 'advanced' } as const;
  const parent = await s.organization({ name: unique('Parent'), ...commercial });
  const own = await s.organization({ name: unique('Own'), parentId: parent, ...commercial, memberLimit: 1000 });
  const child = await s.organization({ name: unique('Child'), parentId: own, ...commercial });
  const sibling = await s.organization({ name: unique('Sibling'), parentId: parent, ...commercial });
  const orgs = { parent, own, child, sibling };

  // Allotments: an assessment priced by a list linked to `own`, units granted, one of each object.
  const assessment = ok('assessment', await call('POST', '/v1/assessments', { body: { name: unique('Assessment'), responseExpiryDays: 14, pricingByCohort: false } })).id as string;
  const priceList = ok('price list', await call('POST', `/v1/assessments/${assessment}/price-lists`, {
    body: { name: 'Prices', validFrom: '2020-01-01', currencies: { EUR: [{ upTo: 99, unitAmount: 1000 }, { upTo: null, unitAmount: 800 }] } },
  })).id as string;
  ok('price list link', await call('PUT', `/v1/organizations/${own}/price-lists/${assessment}`, { body: { priceListId: priceList } }));
  // A list no organization uses, that suites may edit or give a successor.
  const sparePriceList = ok('spare price list', await call('POST', `/v1/assessments/${assessment}/price-lists`, {
    body: { name: 'Spare prices', validFrom: '2020-01-01', validTo: '2020-12-31', currencies: { EUR: [{ upTo: null, unitAmount: 1000 }] } },
  })).id as string;

  const manager = async (organizationId: string, linked = true) =>
    s.userWithToken({ role: 'manager', organizationId, email: uniqueEmail('manager'), ...(linked && { assessmentIds: [assessment] }) });
  const users = {
    own: await manager(own),
    child: await manager(child),
    parent: await manager(parent),
    sibling: await manager(sibling),
    unlinked: await manager(own, false),
    approver: await s.userWithToken({ role: 'approver', email: uniqueEmail('approver') }),
    revoked: await manager(own),
  };
  ok('revocation', await call('DELETE', `/v1/tokens/${users.revoked.tokenId}`), 204);
  const m = users.own.token;
  // A token of `own`'s manager that suites may revoke without locking anyone out.
  const spareToken = ok('spare token', await call('POST', `/v1/users/${users.own.userId}/tokens`, { token: m, body: { name: 'spare' } })).id as string;

  const grant = ok('grant', await call('POST', '/v1/allotments/purchases', {
    body: { organizationId: own, assessmentId: assessment, quantity: 5000, currency: 'EUR', paymentMethod: 'manual' },
  })).id as string;
  const purchase = ok('purchase', await call('POST', '/v1/allotments/purchases', {
    token: m, body: { organizationId: own, assessmentId: assessment, quantity: 2, currency: 'EUR' },
  })).id as string;
  const response = ok('response', await call('POST', `/v1/assessments/${assessment}/responses`, {
    token: m, body: { organizationId: own, respondent: { email: uniqueEmail('respondent'), name: 'Resp Ondent' } },
  })).id as string;
  // An invitation e-mail's link token (GET /v1/public/invitations/{token}), from a response of its own.
  ok('invitation template', await call('PATCH', `/v1/assessments/${assessment}`, { body: { invitationUrlTemplate: 'https://assess.example/start/{token}' } }));
  const invitee = uniqueEmail('invitee');
  ok('invited response', await call('POST', `/v1/assessments/${assessment}/responses`, { token: m, body: { organizationId: own, respondent: { email: invitee, name: 'In Vitee' } } }));
  const invitationToken = /https:\/\/assess\.example\/start\/([A-Za-z0-9_-]+)/.exec(readMail((await s.smtp.waitFor(invitee, 60_000)).raw).text ?? '')![1]!;
  ok('invitation template off', await call('PATCH', `/v1/assessments/${assessment}`, { body: { invitationUrlTemplate: null } }));
  const cohort = ok('cohort', await call('POST', `/v1/assessments/${assessment}/cohorts`, { token: m, body: { organizationId: own, name: unique('Cohort') } })).id as string;
  const shareLink = ok('share link', await call('POST', `/v1/assessments/${assessment}/share-links`, { token: m, body: { organizationId: own } }));
  // A link and a user that suites may revoke or deactivate without locking anyone out.
  const spareShareLink = ok('spare share link', await call('POST', `/v1/assessments/${assessment}/share-links`, { token: m, body: { organizationId: own } })).id as string;
  const spareUser = ok('spare user', await call('POST', '/v1/users', { body: { email: uniqueEmail('spare'), name: 'Spare User', role: 'manager', organizationId: own } })).id as string;
  const job = ok('bulk invite', await call('POST', `/v1/assessments/${assessment}/responses/bulk?organizationId=${own}`, {
    token: m, raw: `email,name\n${uniqueEmail('bulk')},Bulk One\n`, headers: { 'content-type': 'text/csv' },
  })).id as string;

  // Sales: a distribution, a sale pending approval and an active one with a licence key.
  const distribution = ok('distribution', await call('POST', '/v1/distributions', { body: { name: unique('Distribution'), unitPrices: { EUR: 1250 } } })).id as string;
  const saleBody = (name: string) => ({
    name, customer: { organizationId: own }, billed: 'invoice', activationDate: todayUtc(new Date()),
    distributions: [{ distributionId: distribution, salesType: 'per_user', numberOfUsers: 5, currency: 'EUR' }],
  });
  const pendingSale = ok('sale', await call('POST', '/v1/sales', { token: m, body: saleBody('Pending sale') })).id as string;
  const activeSale = ok('sale', await call('POST', '/v1/sales', { token: m, body: saleBody('Active sale') })).id as string;
  ok('approval', await call('POST', `/v1/sales/${activeSale}/approve`));
  const active = await waitFor(() => call('GET', `/v1/sales/${activeSale}`), (r) => r.body.status === 'active', 60_000);
  if (active.body.status !== 'active') throw new Error(`sale did not become active: ${JSON.stringify(active.body)}`);
  const licenceKey = ok('launch', await call('POST', `/v1/sales/${activeSale}/launches`, { token: m, body: { userEmail: uniqueEmail('launcher') } })).key as string;
  // A key suites may revoke without touching the one the public probes check.
  const spareKey = ok('spare launch', await call('POST', `/v1/sales/${activeSale}/launches`, { token: m, body: { userEmail: uniqueEmail('spare') } })).id as string;

  // Groups: a free users plan (imports, access rules, claims) and a paid one (coupon campaigns).
  const free = await groupWorld(s, { organizationId: own });
  const paid = await groupWorld(s, { organizationId: own, usersAmount: 500 });
  ok('access rules', await call('POST', `/v1/groups/${free.groupId}/access-rules`, { token: m, body: { ipRanges: [], emailDomains: ['xyz.example'] } }));
  const importJob = ok('import', await call('POST', `/v1/groups/${free.groupId}/imports`, { token: m, body: { users: [{ email: uniqueEmail('imported'), name: 'Imp Orted' }] } })).id as string;
  const code = unique('CODE').replace(/-/g, '').toUpperCase();
  const campaign = (await activeCampaign(s, paid.groupId, { mode: 'shared', code, maxRedemptions: 1000 }, m)).id as string;
  // A unique-code campaign whose codes go out by e-mail, and one finished sends job.
  const uniqueCampaign = (await activeCampaign(s, paid.groupId, { mode: 'unique', count: 20 }, m)).id as string;
  const sendsJob = ok('sends', await call('POST', `/v1/campaigns/${uniqueCampaign}/sends`, { token: m, body: { recipients: [{ email: uniqueEmail('recipient'), name: 'Re Cipient' }] } })).id as string;
  const claim = ok('claim', await call('POST', '/v1/public/access-claims', {
    token: null, body: { groupId: free.groupId, email: `${unique('claimer')}@xyz.example`, name: 'Claimer' },
  }));

  // Aggregators: a FREE tariff, an aggregator using it, a profile that came through it (with a contract).
  const tariff = ok('tariff', await call('POST', '/v1/tariffs', {
    token: m, body: { organizationId: own, name: unique('FREE tariff'), paymentFrequency: 'FREE', services: [{ name: 'Gym floor', kind: 'service' }] },
  })).id as string;
  const aggregator = ok('aggregator', await call('POST', '/v1/aggregators', { token: m, body: { organizationId: own, name: unique('Aggregator') } })).id as string;
  ok('tariff assignment', await call('PUT', `/v1/aggregators/${aggregator}/tariff`, { token: m, body: { tariffId: tariff } }));
  await waitFor(() => call('GET', `/v1/aggregators/${aggregator}`), (r) => r.body.tariffId === tariff && r.body.state !== 'assigning', 60_000);
  const profile = ok('profile', await call('POST', '/v1/profiles', {
    token: m, body: { organizationId: own, name: 'Pat Profile', email: uniqueEmail('profile'), aggregatorId: aggregator },
  })).id as string;

  // Jobs run by workflows: let them finish so nothing writes behind a suite's back.
  for (const id of [job, importJob, sendsJob]) {
    const done = await waitFor(() => call('GET', `/v1/jobs/${id}`), (r) => r.body.status !== 'running', 60_000);
    if (done.body.status === 'running') throw new Error(`job ${id} did not finish`);
  }

  // Outgoing webhooks: an endpoint of `own` (disabled, so nothing is sent behind a suite's back),
  // one for each caller that may delete one, and an event of `own` (recorded as a lifecycle records it).
  const endpoint = async () => {
    const created = ok('webhook endpoint', await call('POST', '/v1/webhook-endpoints', { token: m, body: { url: 'http://127.0.0.1:9/world', events: ['*'], organizationId: own } })).id as string;
    ok('endpoint disabled', await call('PATCH', `/v1/webhook-endpoints/${created}`, { token: m, body: { status: 'disabled' } }));
    return created;
  };
  const webhookEndpoint = await endpoint();
  const spareEndpoints = { admin: await endpoint(), own: await endpoint(), parent: await endpoint(), unlinked: await endpoint() };
  const event = await recordEvent(s.sql, {
    type: 'sale.registered', organizationId: own, data: { saleId: pendingSale, organizationId: own, name: 'Pending sale', status: 'pending_approval' },
  });
  // The imported group user, whom the matrix removes from the group (a repeat answers the removal).
  const imported = ok('import results', await call('GET', `/v1/groups/${free.groupId}/imports/${importJob}`));
  const groupUser = imported.rows?.[0]?.subscriptionId;
  if (typeof groupUser !== 'string') throw new Error(`the import made no group user: ${JSON.stringify(imported)}`);

  const ids = {
    'webhook-endpoints': webhookEndpoint, events: event.id,
    organizations: own, users: users.own.userId, tokens: spareToken, assessments: assessment, 'price-lists': priceList, 'spare-price-lists': sparePriceList,
    purchases: purchase, grants: grant, responses: response, cohorts: cohort, 'share-links': shareLink.id as string, 'spare-share-links': spareShareLink, 'spare-users': spareUser, jobs: job,
    distributions: distribution, sales: pendingSale, 'active-sales': activeSale, 'spare-keys': spareKey, products: free.owners.id as string,
    plans: free.usersPlan.id as string, customers: free.owner.id as string, subscriptions: free.ownerSubscription.id as string,
    groups: free.groupId, 'paid-groups': paid.groupId, 'import-jobs': importJob, campaigns: campaign, 'unique-campaigns': uniqueCampaign, 'sends-jobs': sendsJob, 'access-claims': claim.id as string,
    tariffs: tariff, aggregators: aggregator, profiles: profile, 'group-users': groupUser as string,
  };
  return { orgs, users, ids, spareEndpoints, shareToken: shareLink.token as string, invitationToken, licenceKey, code, free, paid };
}

export type PlatformWorld = Awaited<ReturnType<typeof platformWorld>>;
