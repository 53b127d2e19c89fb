// P5: one shared code redeemed by many people at once, against the raw rate of its primitive.
import { randomUUID } from 'node:crypto';
import type { BenchEnv, Reply } from './env';
import { seconds, type Run } from './measure';

function ok(r: Reply, status = 201) {
  if (r.status !== status) throw new Error(`setup failed (${r.status}): ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A group on a paid users plan, as tests/groups/world.ts sets one up. */
export async function paidGroup(env: BenchEnv): Promise<string> {
  const t = randomUUID().slice(0, 8);
  const owners = ok(await env.call('POST', '/v1/products', { name: `Group owners ${t}`, description: 'Owners' }));
  const ownerPlan = ok(await env.call('POST', `/v1/products/${owners.id}/plans`, { name: `Owner ${t}`, description: 'Annual group licence', amount: 250_000, currency: 'EUR', interval: 'year' }));
  const users = ok(await env.call('POST', '/v1/products', { name: `Group users ${t}` }));
  const usersPlan = ok(await env.call('POST', `/v1/products/${users.id}/plans`, { name: `Users ${t}`, description: 'Access for staff', amount: 1500, currency: 'EUR', interval: 'month' }));
  const owner = ok(await env.call('POST', '/v1/customers', { name: 'Bench Corp', email: `billing-${t}@bench.example` }));
  const sub = ok(await env.call('POST', '/v1/subscriptions', { customerId: owner.id, planId: ownerPlan.id, collection: 'send_invoice' }));
  return ok(await env.call('POST', '/v1/groups', { name: `Bench ${t}`, ownerCustomerId: owner.id, ownerSubscriptionId: sub.id, usersPlanId: usersPlan.id })).id as string;
}

/** An active shared code of the group for `limit` people. */
async function campaign(env: BenchEnv, groupId: string, limit: number) {
  const code = `BENCH${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;
  const c = ok(await env.call('POST', `/v1/groups/${groupId}/campaigns`, { mode: 'shared', code, maxRedemptions: limit }));
  for (let i = 0; ; i++) {
    const now = await env.call('GET', `/v1/campaigns/${c.id}`);
    if (now.body.status === 'active') break;
    if (now.body.status !== 'creating' || i > 600) throw new Error(`campaign not active: ${JSON.stringify(now.body)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { campaignId: c.id as string, code };
}

/**
 * `people` redemptions of one shared code limited to 90 % of them, all sent at once, each from
 * its own address: exactly the limit are counted (201, redeemed or pending), the rest refused
 * with 409 CODE_EXHAUSTED (or 503, nothing counted), and the counter equals the redemptions.
 */
export async function redemptions(env: BenchEnv, groupId: string, people: number): Promise<Run> {
  const limit = Math.floor(people * 0.9);
  const { campaignId, code } = await campaign(env, groupId, limit);
  const t = process.hrtime.bigint();
  const answers = await Promise.all(
    Array.from({ length: people }, (_, i) =>
      env.call('POST', '/v1/public/redemptions', { code, email: `p${i}-${campaignId}@bench.example`, name: `Person ${i}` }, { 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }, null),
    ),
  );
  const elapsed = seconds(t);
  const count = (pred: (a: Reply) => boolean) => answers.filter(pred).length;
  const accepted = count((a) => a.status === 201);
  const exhausted = count((a) => a.status === 409 && a.body.code === 'CODE_EXHAUSTED');
  const unavailable = count((a) => a.status === 503);
  const [c] = await env.sql<{ counter: number; counted: number; subscriptions: number }[]>`
    select (select redemptions from campaign_codes where campaign_id = ${campaignId}) as counter,
           (select count(*)::int from redemptions where campaign_id = ${campaignId} and status in ('redeemed', 'pending')) as counted,
           (select count(*)::int from subscriptions where campaign_id = ${campaignId} and status in ('active', 'pending')) as subscriptions`;
  const everyAnswerKnown = accepted + exhausted + unavailable === people;
  const countsAgree = c!.counter === accepted && c!.counted === accepted && c!.subscriptions === accepted;
  // A 503 counts nothing (Temporal too loaded to start the workflow), so then fewer than the limit are taken.
  const limitTaken = unavailable === 0 ? accepted === limit : accepted <= limit;
  return {
    seconds: elapsed,
    ok: accepted,
    refused: exhausted + unavailable,
    exact: everyAnswerKnown && countsAgree && limitTaken,
    note: `${accepted} redeemed, ${exhausted} CODE_EXHAUSTED, ${unavailable} 503; counter ${c!.counter}, counted ${c!.counted}, subscriptions ${c!.subscriptions}`,
  };
}

/** Its primitive: a workflow started and its result awaited, `people` at once from one client. */
export async function startAndAwait(env: BenchEnv, people: number): Promise<Run> {
  const prefix = randomUUID();
  const t = process.hrtime.bigint();
  const done = await Promise.allSettled(
    Array.from({ length: people }, (_, i) => env.client.workflow.execute('benchNoopWorkflow', { taskQueue: env.taskQueue, workflowId: `exec-${prefix}-${i}` })),
  );
  const elapsed = seconds(t);
  const okCount = done.filter((d) => d.status === 'fulfilled').length;
  return { seconds: elapsed, ok: okCount, exact: okCount === people };
}
