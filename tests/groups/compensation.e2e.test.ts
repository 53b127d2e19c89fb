import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { suiteStack } from '../support/suite';
import { activeCampaign, groupUsers, groupWorld, redeem, waitFor } from './world';

/** A Stripe that refuses every request as invalid, the way Stripe refuses what it will never accept. */
async function refusingStripe(): Promise<{ stripe: Stripe; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such price' } }));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const port = (server.address() as AddressInfo).port;
  return { server, stripe: new Stripe('sk_test_refusing', { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 }) };
}

describe('when Stripe refuses a user\'s subscription', () => {
  // The stack's own Stripe (stripe-mock) and one that refuses everything.
  const { s, w: stripes } = suiteStack({}, async (s) => ({ working: s.deps.stripe, refusing: await refusingStripe() }));
  afterAll(() => stripes.refusing.server.close());
  // The worker's activities talk to Stripe; the API only reserves and answers.
  const workerStripe = async (stripe: Stripe | null) => {
    await s.stopWorker();
    s.deps.stripe = stripe;
    await s.startWorker();
  };

  it('a refused redemption is released: nothing stays counted, and the person can try again', async () => {
    const w = await groupWorld(s, { usersAmount: 2000 });
    const campaign = await activeCampaign(s, w.groupId, { mode: 'shared', code: 'FRAGILE', maxRedemptions: 1 });
    await workerStripe(stripes.refusing.stripe);
    const refused = await redeem(s, 'FRAGILE', 'unlucky@xyz.example');
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('UNAVAILABLE');
    const [state] = await s.sql`
      select (select redemptions from campaign_codes where campaign_id = ${campaign.id}) as counter,
             (select string_agg(status, ',') from redemptions where campaign_id = ${campaign.id}) as redemptions,
             (select string_agg(status, ',') from subscriptions where campaign_id = ${campaign.id}) as subscriptions`;
    expect(state).toEqual({ counter: 0, redemptions: 'released', subscriptions: 'failed' });
    expect((await s.call('GET', `/v1/campaigns/${campaign.id}`)).body.redemptions).toBe(0);

    await workerStripe(stripes.working);
    const retried = await redeem(s, 'FRAGILE', 'unlucky@xyz.example');
    expect(retried.status).toBe(201);
    expect((await redeem(s, 'FRAGILE', 'second@xyz.example')).body.code).toBe('CODE_EXHAUSTED');
    const [failed] = await s.sql<{ id: string }[]>`select id from subscriptions where campaign_id = ${campaign.id} and status = 'failed'`;
    const audit = await s.call('GET', `/v1/audit?entity=subscription&id=${failed!.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['reserve', 'release']);
  });

  it('an import reports rows Stripe refused as failed, and a re-run imports them', async () => {
    const free = await groupWorld(s);
    await workerStripe(stripes.refusing.stripe);
    const first = await s.call('POST', `/v1/groups/${free.groupId}/imports`, { body: { users: [{ email: 'a@xyz.example', name: 'A' }, { email: 'b@xyz.example', name: 'B' }] } });
    const job = await waitFor(() => s.call('GET', `/v1/jobs/${first.body.id}`), (j) => j.body.status !== 'running');
    expect(job.body).toMatchObject({ status: 'completed', processed: 0, failed: 2 });
    expect(job.body.errors[0].message).toMatch(/^stripe: /);
    expect((await groupUsers(s, free.groupId)).map((u) => u.status)).toEqual(['failed', 'failed']);

    await workerStripe(stripes.working);
    const second = await s.call('POST', `/v1/groups/${free.groupId}/imports`, { body: { users: [{ email: 'a@xyz.example', name: 'A' }, { email: 'b@xyz.example', name: 'B' }] } });
    const again = await waitFor(() => s.call('GET', `/v1/jobs/${second.body.id}`), (j) => j.body.status !== 'running');
    expect(again.body).toMatchObject({ status: 'completed', processed: 2, failed: 0 });
    const live = (await groupUsers(s, free.groupId)).filter((u) => u.status === 'active');
    expect(live.map((u) => u.email)).toEqual(['a@xyz.example', 'b@xyz.example']);
  });
});
