import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, it } from 'vitest';
import { suiteStack } from '../support/suite';
import { unique } from '../support/unique';
import { waitFor } from '../support/wait';
import { cancelRequested, resetToFirstWorkflowTask } from '../support/reset';
import { payPurchase, register, webhookWorld } from './webhooks-world';

// Outgoing webhooks end to end (docs/events.md): a real purchase paid through Stripe records
// `purchase.paid`; a real HTTP receiver gets it, signed, and checks every signature with the
// standardwebhooks package.

type Attempt = { deliveryId: string; eventId: string; attempt: number; at: string; httpStatus: number | null; error: string | null; outcome: string; nextRetryAt: string | null; durationMs: number };

describe('outgoing webhooks', () => {
  const { s, w } = suiteStack({}, webhookWorld);
  afterAll(async () => w.receiver.close());

  const attempts = async (endpointId: string) => (await s.call('GET', `/v1/webhook-endpoints/${endpointId}/deliveries`)).body.items as Attempt[];

  it('registers an endpoint: 201 with its secret shown once, stored sealed; managers within their scope only', async () => {
    const created = await s.call('POST', '/v1/webhook-endpoints', { body: { url: w.receiver.url('/register'), events: ['sale.approved', 'purchase.paid'], organizationId: w.organizationId, description: 'ERP' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: w.receiver.url('/register'), events: ['purchase.paid', 'sale.approved'], organizationId: w.organizationId, status: 'enabled', description: 'ERP' });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const read = await s.call('GET', `/v1/webhook-endpoints/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('secret');
    const [row] = await s.sql`select * from webhook_endpoints where id = ${created.body.id}`;
    expect(JSON.stringify(row)).not.toContain(created.body.secret.slice('whsec_'.length));

    const all = await s.call('POST', '/v1/webhook-endpoints', { body: { url: w.receiver.url('/all'), events: ['*'] } });
    expect(all.status).toBe(201);
    expect(all.body).toMatchObject({ organizationId: null, events: ['*'] });

    // A manager: for their organization, not for every organization, not for another one.
    const mine = await s.call('POST', '/v1/webhook-endpoints', { token: w.manager.token, body: { url: w.receiver.url('/mine'), events: ['*'], organizationId: w.organizationId } });
    expect(mine.status).toBe(201);
    const everything = await s.call('POST', '/v1/webhook-endpoints', { token: w.manager.token, body: { url: w.receiver.url('/x'), events: ['*'] } });
    expect(everything.status).toBe(403);
    const other = await s.organization({ name: unique('Other') });
    const elsewhere = await s.call('POST', '/v1/webhook-endpoints', { token: w.manager.token, body: { url: w.receiver.url('/x'), events: ['*'], organizationId: other } });
    expect(elsewhere.status).toBe(404);
    const listed = await s.call('GET', '/v1/webhook-endpoints', { token: w.manager.token });
    // Their organization's endpoints (an admin's included); never the site-wide one.
    expect(listed.body.items.map((e: { id: string }) => e.id).sort()).toEqual([created.body.id, mine.body.id].sort());

    const unknown = await s.call('POST', '/v1/webhook-endpoints', { body: { url: w.receiver.url('/x'), events: ['purchase.refunded'] } });
    expect(unknown.status).toBe(400);
    const ftp = await s.call('POST', '/v1/webhook-endpoints', { body: { url: 'ftp://partner.example/hook', events: ['*'] } });
    expect(ftp.status).toBe(422);
    expect(ftp.body.code).toBe('URL_NOT_ALLOWED');
  });

  it('delivers a real event to every endpoint whose scope and subscription hold it, signed (standardwebhooks verifies it)', { timeout: 120_000 }, async () => {
    const mine = await register(s, w, '/paid', {}, w.manager.token);
    const everywhere = await register(s, w, '/everywhere', { events: ['*'], organizationId: undefined });
    const otherType = await register(s, w, '/other-type', { events: ['sale.approved'] });
    const other = await s.organization({ name: unique('Other') });
    const otherOrg = await register(s, w, '/other-org', { organizationId: other });
    w.receiver.verifyWith(mine.secret, everywhere.secret);

    const { purchaseId, eventId } = await payPurchase(s, w, 10);
    const [paid] = await w.receiver.waitFor('/paid', 1);
    // A site-wide endpoint for every type gets the payment and the credit it caused, one request each.
    const siteWide = await w.receiver.waitFor('/everywhere', 2);
    expect(siteWide.map((r) => r.body.type).sort()).toEqual(['allotment.credited', 'purchase.paid']);
    const site = siteWide.find((r) => r.body.type === 'purchase.paid');
    for (const r of [paid!, site!]) {
      expect(r.body).toMatchObject({ type: 'purchase.paid', data: { purchaseId, organizationId: w.organizationId, assessmentId: w.assessmentId, quantity: 10, amount: { amount: 10_000, currency: 'EUR' } } });
      expect(Date.parse(r.body.timestamp)).not.toBeNaN();
      expect(r.headers['content-type']).toBe('application/json');
    }
    expect(paid!.verifiedWith).toEqual([mine.secret]);
    expect(site!.verifiedWith).toEqual([everywhere.secret]);
    expect(paid!.headers['webhook-id']).not.toBe(site!.headers['webhook-id']);
    // The signature, checked by hand as docs/events.md shows it.
    expect(new Webhook(mine.secret).verify(paid!.raw, paid!.headers as Record<string, string>)).toMatchObject({ type: 'purchase.paid' });

    const [first] = await waitFor(() => attempts(mine.id), (a) => a.length === 1);
    expect(first).toMatchObject({ eventId, attempt: 1, httpStatus: 200, error: null, outcome: 'succeeded', nextRetryAt: null, deliveryId: paid!.headers['webhook-id'] });
    // Not subscribed, or out of scope: nothing was written for them, so nothing will ever be sent.
    const [outbox] = await s.sql`select count(*)::int as n from webhook_deliveries where endpoint_id in ${s.sql([otherType.id, otherOrg.id])}`;
    expect(outbox!.n).toBe(0);
    expect(w.receiver.at('/other-type')).toHaveLength(0);
    expect(w.receiver.at('/other-org')).toHaveLength(0);
  });

  it('lists events newest first, scoped: a manager of another organization cannot read them', { timeout: 120_000 }, async () => {
    const a = await payPurchase(s, w, 3);
    const b = await payPurchase(s, w, 4);
    const listed = await s.call('GET', `/v1/events?type=purchase.paid&organizationId=${w.organizationId}&limit=2`, { token: w.manager.token });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((e: { id: string }) => e.id)).toEqual([b.eventId, a.eventId]);
    expect(listed.body.nextCursor).toEqual(expect.any(String));
    const next = await s.call('GET', `/v1/events?type=purchase.paid&organizationId=${w.organizationId}&limit=2&cursor=${listed.body.nextCursor}`, { token: w.manager.token });
    expect(next.body.items.length).toBeGreaterThan(0);
    expect(next.body.items.map((e: { id: string }) => e.id)).not.toContain(a.eventId);

    const one = await s.call('GET', `/v1/events/${a.eventId}`, { token: w.manager.token });
    expect(one.body).toMatchObject({ id: a.eventId, type: 'purchase.paid', organizationId: w.organizationId, data: { purchaseId: a.purchaseId, quantity: 3 } });
    const other = await s.organization({ name: unique('Other') });
    const outsider = await s.userWithToken({ role: 'manager', organizationId: other });
    expect((await s.call('GET', `/v1/events/${a.eventId}`, { token: outsider.token })).status).toBe(404);
    const theirs = await s.call('GET', '/v1/events', { token: outsider.token });
    expect(theirs.body.items).toEqual([]);
    const future = await s.call('GET', `/v1/events?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(future.body.items).toEqual([]);
  });

  it('retries a 500 after about five seconds; honours Retry-After on 429; records each attempt', { timeout: 120_000 }, async () => {
    const flaky = await register(s, w, '/flaky');
    const limited = await register(s, w, '/limited');
    w.receiver.verifyWith(flaky.secret, limited.secret);
    w.receiver.answerNext('/flaky', { status: 500 });
    w.receiver.answerNext('/limited', { status: 429, retryAfter: '20' });
    const { eventId } = await payPurchase(s, w, 2);

    const [throttled] = await waitFor(() => attempts(limited.id), (a) => a.length === 1);
    expect(throttled).toMatchObject({ eventId, attempt: 1, httpStatus: 429, outcome: 'retry' });
    // The schedule says five seconds; the receiver asked for twenty.
    expect(Date.parse(throttled!.nextRetryAt!) - Date.parse(throttled!.at)).toBeGreaterThanOrEqual(20_000);

    const done = await waitFor(() => attempts(flaky.id), (a) => a.length === 2, { timeoutMs: 60_000 });
    const [second, first] = done;
    expect(first).toMatchObject({ eventId, attempt: 1, httpStatus: 500, outcome: 'retry', error: null });
    const wait = Date.parse(first!.nextRetryAt!) - Date.parse(first!.at);
    expect(wait).toBeGreaterThanOrEqual(4_500);
    expect(wait).toBeLessThanOrEqual(5_500);
    expect(second).toMatchObject({ eventId, attempt: 2, httpStatus: 200, outcome: 'succeeded', deliveryId: first!.deliveryId, nextRetryAt: null });
    expect(Date.parse(second!.at) - Date.parse(first!.at)).toBeGreaterThanOrEqual(4_500);
    // The same delivery both times: the same webhook-id, the same body, verified both times.
    const got = w.receiver.at('/flaky');
    expect(got).toHaveLength(2);
    expect(got.map((r) => r.headers['webhook-id'])).toEqual([first!.deliveryId, first!.deliveryId]);
    expect(got[1]!.raw).toBe(got[0]!.raw);
    expect(got.every((r) => r.verifiedWith.length === 1)).toBe(true);

    // The throttled one is sent again once its twenty seconds are over.
    const [, again] = await w.receiver.waitFor('/limited', 2, 60_000);
    expect(again!.at.getTime() - w.receiver.at('/limited')[0]!.at.getTime()).toBeGreaterThanOrEqual(19_000);
  });

  it('gives each attempt 15 seconds: a receiver that answers later counts as failed, and is tried again', { timeout: 120_000 }, async () => {
    const slow = await register(s, w, '/slow');
    w.receiver.verifyWith(slow.secret);
    w.receiver.answerNext('/slow', { status: 200, delayMs: 25_000 });
    await payPurchase(s, w, 1);
    const [timedOut] = await waitFor(() => attempts(slow.id), (a) => a.length === 1, { timeoutMs: 60_000 });
    expect(timedOut).toMatchObject({ attempt: 1, httpStatus: null, outcome: 'retry', error: expect.stringMatching(/no answer within 15 s/) });
    expect(timedOut!.durationMs).toBeGreaterThanOrEqual(15_000);
    expect(timedOut!.durationMs).toBeLessThan(20_000);
    const done = await waitFor(() => attempts(slow.id), (a) => a.length === 2, { timeoutMs: 60_000 });
    expect(done[0]).toMatchObject({ attempt: 2, httpStatus: 200, outcome: 'succeeded' });
  });

  it('a 410 disables the endpoint; enabling it again makes it receive new events', { timeout: 120_000 }, async () => {
    const gone = await register(s, w, '/gone');
    w.receiver.verifyWith(gone.secret);
    w.receiver.answerNext('/gone', { status: 410 });
    await payPurchase(s, w, 1);
    const disabled = await waitFor(async () => (await s.call('GET', `/v1/webhook-endpoints/${gone.id}`)).body, (e) => e.status === 'disabled');
    expect(disabled).toMatchObject({ status: 'disabled', disabledReason: 'gone' });
    expect((await attempts(gone.id))[0]).toMatchObject({ attempt: 1, httpStatus: 410, outcome: 'gone', nextRetryAt: null });
    await payPurchase(s, w, 1);
    expect(w.receiver.at('/gone')).toHaveLength(1);

    const enabled = await s.call('PATCH', `/v1/webhook-endpoints/${gone.id}`, { body: { status: 'enabled' } });
    expect(enabled.body).toMatchObject({ status: 'enabled', disabledReason: null });
    await payPurchase(s, w, 1);
    const got = await w.receiver.waitFor('/gone', 2);
    expect(got[1]!.answered).toBe(200);
  });

  it('rotating the secret signs with both for a day; redelivery sends an event again with a new delivery id', { timeout: 120_000 }, async () => {
    const ep = await register(s, w, '/rotate');
    w.receiver.verifyWith(ep.secret);
    const { eventId } = await payPurchase(s, w, 1);
    const [first] = await w.receiver.waitFor('/rotate', 1);
    expect(first!.verifiedWith).toEqual([ep.secret]);

    const rotated = await s.call('POST', `/v1/webhook-endpoints/${ep.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(ep.secret);
    const expires = Date.parse(rotated.body.previousSecretExpiresAt);
    expect(expires - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
    w.receiver.verifyWith(ep.secret, rotated.body.secret);

    const again = await s.call('POST', `/v1/events/${eventId}/redeliver`, { body: { endpointId: ep.id } });
    expect(again.status).toBe(202);
    expect(again.body.deliveries).toHaveLength(1);
    expect(again.body.deliveries[0]).toMatchObject({ endpointId: ep.id });
    const [, second] = await w.receiver.waitFor('/rotate', 2);
    expect(String(second!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(second!.verifiedWith.sort()).toEqual([ep.secret, rotated.body.secret].sort());
    expect(second!.headers['webhook-id']).toBe(again.body.deliveries[0].id);
    expect(second!.headers['webhook-id']).not.toBe(first!.headers['webhook-id']);
    expect(second!.raw).toBe(first!.raw);

    // Redelivering to every endpoint that receives it: this one, and the site-wide ones registered earlier.
    const everyone = await s.call('POST', `/v1/events/${eventId}/redeliver`, {});
    expect(everyone.status).toBe(202);
    expect(everyone.body.deliveries.map((d: { endpointId: string }) => d.endpointId)).toContain(ep.id);
    await w.receiver.waitFor('/rotate', 3);
  });

  it('deleting an endpoint stops its deliveries; a deleted endpoint is not found', { timeout: 60_000 }, async () => {
    const ep = await register(s, w, '/deleted');
    expect((await s.call('DELETE', `/v1/webhook-endpoints/${ep.id}`)).status).toBe(204);
    expect((await s.call('GET', `/v1/webhook-endpoints/${ep.id}`)).status).toBe(404);
    expect((await s.call('DELETE', `/v1/webhook-endpoints/${ep.id}`)).status).toBe(404);
    const seen = await register(s, w, '/after-delete');
    w.receiver.verifyWith(seen.secret);
    await payPurchase(s, w, 1);
    await w.receiver.waitFor('/after-delete', 1);
    expect(w.receiver.at('/deleted')).toHaveLength(0);
  });

  it('`temporal workflow cancel` of a delivery waiting for its next attempt is refused: it goes on and delivers', { timeout: 120_000 }, async () => {
    const ep = await register(s, w, '/cancel');
    w.receiver.verifyWith(ep.secret);
    w.receiver.answerNext('/cancel', { status: 500 });
    const { eventId } = await payPurchase(s, w, 2);
    await waitFor(() => attempts(ep.id), (a) => a.length === 1);
    const handle = s.client.workflow.getHandle(`delivery-${eventId}-${ep.id}`);
    await handle.cancel();
    expect(await handle.result()).toBe('succeeded');
    expect(await cancelRequested(handle)).toBe(true);
    expect((await handle.describe()).status.name).toBe('COMPLETED');
    expect((await attempts(ep.id)).map((a) => a.httpStatus)).toEqual([200, 500]);
  });

  it('a delivery reset to its first workflow task sends nothing again: the recorded attempt answers, and the run says succeeded', { timeout: 120_000 }, async () => {
    const ep = await register(s, w, '/reset');
    w.receiver.verifyWith(ep.secret);
    const { eventId } = await payPurchase(s, w, 2);
    await w.receiver.waitFor('/reset', 1);
    const workflowId = `delivery-${eventId}-${ep.id}`;
    expect(await s.client.workflow.getHandle(workflowId).result()).toBe('succeeded');

    const runId = await resetToFirstWorkflowTask(s.client, workflowId);
    const handle = s.client.workflow.getHandle(workflowId, runId);
    expect(await handle.result()).toBe('succeeded');
    expect((await handle.describe()).searchAttributes.PartnerflowStatus).toEqual(['succeeded']);
    expect(w.receiver.at('/reset')).toHaveLength(1);
    const recorded = await attempts(ep.id);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ eventId, attempt: 1, httpStatus: 200, outcome: 'succeeded' });
  });
});

describe('webhook URLs when private addresses are not allowed (the default)', () => {
  const { s, w } = suiteStack({ webhookAllowPrivate: false }, webhookWorld);
  afterAll(async () => w.receiver.close());

  it('refuses loopback, private and link-local addresses with 422 URL_NOT_ALLOWED, at registration and on change', async () => {
    for (const url of ['http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://10.1.2.3/hook', 'http://192.168.0.10/hook', 'http://169.254.169.254/latest', 'http://[::1]/hook', 'http://[fe80::1]/hook']) {
      const res = await s.call('POST', '/v1/webhook-endpoints', { body: { url, events: ['*'] } });
      expect(res.status, url).toBe(422);
      expect(res.body.code, url).toBe('URL_NOT_ALLOWED');
    }
    const [row] = await s.sql`select count(*)::int as n from webhook_endpoints where url = any(${['http://127.0.0.1:8080/hook', 'http://localhost/hook']})`;
    expect(row!.n).toBe(0);

    // A public address is fine; changing it to a private one is refused and changes nothing.
    const ep = await s.call('POST', '/v1/webhook-endpoints', { body: { url: 'https://93.184.216.34/hook', events: ['*'] } });
    expect(ep.status).toBe(201);
    const moved = await s.call('PATCH', `/v1/webhook-endpoints/${ep.body.id}`, { body: { url: 'http://127.0.0.1:8080/hook' } });
    expect(moved.status).toBe(422);
    expect(moved.body.code).toBe('URL_NOT_ALLOWED');
    expect((await s.call('GET', `/v1/webhook-endpoints/${ep.body.id}`)).body.url).toBe('https://93.184.216.34/hook');
  });

  it('checks the address again at every delivery: a host that now points at a private address gets nothing', { timeout: 120_000 }, async () => {
    const endpoint = async () => {
      const ep = await s.call('POST', '/v1/webhook-endpoints', { body: { url: 'https://93.184.216.34/hook', events: ['purchase.paid'], organizationId: w.organizationId } });
      expect(ep.status).toBe(201);
      return ep.body.id as string;
    };
    // As if their DNS now answered a loopback address: the receiver on 127.0.0.1, by address and by name.
    const [byAddress, byName] = [await endpoint(), await endpoint()];
    await s.sql`update webhook_endpoints set url = ${w.receiver.url('/rebound')} where id = ${byAddress}`;
    await s.sql`update webhook_endpoints set url = ${w.receiver.url('/rebound-name').replace('127.0.0.1', 'localhost')} where id = ${byName}`;
    const { eventId } = await payPurchase(s, w, 1);
    for (const id of [byAddress, byName]) {
      const [refused] = await waitFor(async () => (await s.call('GET', `/v1/webhook-endpoints/${id}/deliveries`)).body.items as Attempt[], (a) => a.length === 1, { timeoutMs: 60_000 });
      expect(refused).toMatchObject({ eventId, attempt: 1, httpStatus: null, outcome: 'retry', error: expect.stringMatching(/(127\.0\.0\.1|::1).*loopback, private or link-local/) });
      await s.call('DELETE', `/v1/webhook-endpoints/${id}`);
    }
    expect(w.receiver.at('/rebound')).toHaveLength(0);
    expect(w.receiver.at('/rebound-name')).toHaveLength(0);
  });
});
