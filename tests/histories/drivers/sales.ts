import { expect } from 'vitest';
import { activationInstant, addDays, cancellationInstant, todayUtc } from '../../../src/domain/sales/dates';
import { saleHandle, startSaleWorkflow } from '../../../src/sales/workflow';
import { launchKeyUpdate, saleStateQuery } from '../../../workflows/sales/sale-definitions';
import { scheduledActivities } from '../../support/history';
import { resetToFirstWorkflowTask } from '../../support/reset';
import type { TestStack } from '../../support/stack';
import { waitFor } from '../../support/wait';
import { saleWorld } from '../../sales/world';
import type { Drivers } from './context';

const DAY = 86_400_000;
const now = async (s: TestStack) => Number(await s.env!.currentTimeMs());
const sleepUntil = async (s: TestStack, t: number) => {
  const ms = t - (await now(s));
  if (ms > 0) await s.env!.sleep(ms);
};
const status = async (s: TestStack, id: string) => (await s.call('GET', `/v1/sales/${id}`)).body.status as string;

/** A sale registered through the API, approved by its approver and active today; `users` keys launched. */
async function activeSale(s: TestStack, o: { users?: number; seats?: number } = {}) {
  const today = todayUtc(new Date(s.env ? await now(s) : Date.now()));
  const sale = await saleWorld(s, { activationDate: today, numberOfUsers: o.seats ?? Math.max(o.users ?? 1, 1) });
  expect((await s.call('POST', `/v1/sales/${sale.saleId}/approve`, { token: sale.approver.token })).status).toBe(200);
  await waitFor(() => status(s, sale.saleId), (st) => st === 'active', { what: 'the sale to be active' });
  for (let i = 0; i < (o.users ?? 1); i++) {
    const res = await s.call('POST', `/v1/sales/${sale.saleId}/launches`, { token: sale.registrant.token, body: { userEmail: `user${i}@customer.test` } });
    expect(res.status).toBe(201);
  }
  return sale;
}

const renewals = async (s: TestStack, saleId: string) =>
  (await s.sql<{ renewals: number; issuedAt: Date }[]>`select renewals, issued_at from sale_keys where sale_id = ${saleId}`)[0]!;

export const sales: Drivers<'saleWorkflow'> = {
  async 'approve-activate-launch'(ctx) {
    const s = await ctx.stack();
    const sale = await activeSale(s);
    return { stack: s, workflowId: `sale-${sale.saleId}` };
  },

  async 'activation-date-moved'(ctx) {
    const s = await ctx.stack();
    const first = addDays(todayUtc(new Date(await now(s))), 10);
    const moved = addDays(first, 20);
    const sale = await saleWorld(s, { activationDate: first });
    expect((await s.call('POST', `/v1/sales/${sale.saleId}/approve`, { token: sale.approver.token })).status).toBe(200);
    expect((await s.call('PATCH', `/v1/sales/${sale.saleId}`, { token: sale.registrant.token, body: { activationDate: moved } })).status).toBe(200);
    await sleepUntil(s, activationInstant(first).getTime() + DAY);
    expect(await status(s, sale.saleId)).toBe('approved');
    await sleepUntil(s, activationInstant(moved).getTime() + 60_000);
    await waitFor(() => status(s, sale.saleId), (st) => st === 'active', { what: 'the sale to be active on the moved date' });
    return { stack: s, workflowId: `sale-${sale.saleId}` };
  },

  async renewal(ctx) {
    const s = await ctx.stack();
    const sale = await activeSale(s);
    await sleepUntil(s, (await renewals(s, sale.saleId)).issuedAt.getTime() + 180 * DAY);
    await waitFor(() => renewals(s, sale.saleId), (k) => k.renewals === 1, { what: 'the key to be renewed' });
    return { stack: s, workflowId: `sale-${sale.saleId}` };
  },

  async cancellation(ctx) {
    const s = await ctx.stack();
    const sale = await activeSale(s);
    await sleepUntil(s, cancellationInstant(sale.sale.activationDate).getTime() + DAY);
    expect(await saleHandle(s.deps, sale.saleId).result()).toEqual({ status: 'cancelled' });
    expect((await renewals(s, sale.saleId)).renewals).toBe(2);
    return { stack: s, workflowId: `sale-${sale.saleId}` };
  },

  // An admin cancels the active sale early (update cancelEarly): keys revoked, registrant e-mailed.
  async 'early-cancellation'(ctx) {
    const s = await ctx.stack();
    const sale = await activeSale(s, { users: 2 });
    const res = await s.call('POST', `/v1/sales/${sale.saleId}/cancel`, { body: { reason: 'Customer closed the school' } });
    expect(res.status).toBe(200);
    expect(await saleHandle(s.deps, sale.saleId).result()).toEqual({ status: 'cancelled' });
    return { stack: s, workflowId: `sale-${sale.saleId}` };
  },

  async rejection(ctx) {
    const s = await ctx.stack();
    const sale = await saleWorld(s, { activationDate: addDays(todayUtc(new Date(await now(s))), 5) });
    expect((await s.call('POST', `/v1/sales/${sale.saleId}/reject`, { token: sale.approver.token, body: { reason: 'No LTI contract' } })).status).toBe(200);
    expect(await saleHandle(s.deps, sale.saleId).result()).toEqual({ status: 'rejected' });
    return { stack: s, workflowId: `sale-${sale.saleId}` };
  },

  // The first run, handing over once the server suggests it (a dev server suggesting it early).
  async 'continue-as-new'(ctx) {
    const s = await ctx.stack({ timeSkipping: false, temporalAddress: await ctx.devServerSuggestingContinueAsNew(60) });
    const sale = await activeSale(s, { users: 0, seats: 100 });
    const handle = saleHandle(s.deps, sale.saleId);
    const firstRunId = (await handle.describe()).runId;
    for (let i = 0; (await handle.describe()).runId === firstRunId; i++) {
      expect(i).toBeLessThan(100);
      const res = await s.call('POST', `/v1/sales/${sale.saleId}/launches`, { token: sale.registrant.token, body: { userEmail: `user${i}@customer.test` } });
      expect(res.status).toBe(201);
    }
    const first = await s.client.workflow.getHandle(`sale-${sale.saleId}`, firstRunId).fetchHistory();
    expect(first.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
    return { stack: s, workflowId: `sale-${sale.saleId}`, runId: firstRunId };
  },

  // A continued run (after 1 000 updates: one user's key launched again and again) that renews the
  // key at days 180 and 360 and cancels the sale at day 365.
  async 'renewal-and-cancellation-after-continue-as-new'(ctx) {
    const s = await ctx.stack();
    const sale = await activeSale(s);
    const handle = saleHandle(s.deps, sale.saleId);
    const firstRunId = (await handle.describe()).runId;
    let sent = 0;
    await Promise.all(Array.from({ length: 10 }, async () => {
      while (sent < 1_000) {
        sent++;
        for (let attempt = 1; ; attempt++) {
          const key = await handle.executeUpdate(launchKeyUpdate, { args: [{ saleDistributionId: sale.lineId, userEmail: 'user0@customer.test', actorId: sale.registrant.userId }] }).catch((e: unknown) => e);
          if (!(key instanceof Error)) break;
          // The run is handing over (SALE_BUSY) or the server's cap of in-flight updates is reached.
          if (attempt > 200) throw key;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    }));
    const continued = await waitFor(() => handle.describe(), (d) => d.runId !== firstRunId, { what: 'the sale to continue as new' });
    await sleepUntil(s, cancellationInstant(sale.sale.activationDate).getTime() + DAY);
    expect(await handle.result()).toEqual({ status: 'cancelled' });
    expect((await handle.describe()).runId).toBe(continued.runId);
    expect(await scheduledActivities(handle)).toEqual(['renewSaleKeys', 'renewSaleKeys', 'cancelSale']);
    return { stack: s, workflowId: `sale-${sale.saleId}`, runId: continued.runId };
  },

  async abandoned(ctx) {
    const s = await ctx.stack();
    const ghost = { id: '00000000-0000-4000-8000-00000000dead', organizationId: '00000000-0000-4000-8000-00000000beef' };
    await startSaleWorkflow(s.deps, { ...ghost, activationDate: addDays(todayUtc(new Date(await now(s))), 3) });
    expect(await saleHandle(s.deps, ghost.id).result()).toEqual({ status: 'abandoned' });
    return { stack: s, workflowId: `sale-${ghost.id}` };
  },

  // An active sale reset to its first workflow task: the approval runs again, finds it recorded,
  // and the run follows the database to active (a reset needs the dev server).
  async 'reset-follows-database'(ctx) {
    const s = await ctx.stack({ timeSkipping: false });
    const sale = await activeSale(s);
    const runId = await resetToFirstWorkflowTask(s.client, `sale-${sale.saleId}`);
    const handle = s.client.workflow.getHandle(`sale-${sale.saleId}`, runId);
    await waitFor(() => handle.query(saleStateQuery), (st) => st.status === 'active', { what: 'the reset run to follow the database' });
    await waitFor(() => scheduledActivities(handle), (a) => a.includes('renewSaleKeys'), { what: 'the reset run to read the keys\' next expiry' });
    return { stack: s, workflowId: `sale-${sale.saleId}`, runId };
  },

  // `temporal workflow cancel` of an active sale: cancelled at once, every key revoked, ended Canceled.
  async 'temporal-cancel'(ctx) {
    const s = await ctx.stack();
    const sale = await activeSale(s);
    const handle = saleHandle(s.deps, sale.saleId);
    await handle.cancel();
    await expect(handle.result()).rejects.toThrow();
    expect((await handle.describe()).status.name).toBe('CANCELLED');
    expect(await status(s, sale.saleId)).toBe('cancelled');
    return { stack: s, workflowId: `sale-${sale.saleId}` };
  },

  // `temporal workflow cancel` of a pending sale is refused; the API's rejection ends it.
  async 'temporal-cancel-refused'(ctx) {
    const s = await ctx.stack();
    const sale = await saleWorld(s, { activationDate: addDays(todayUtc(new Date(await now(s))), 5) });
    const handle = saleHandle(s.deps, sale.saleId);
    await handle.cancel();
    await waitFor(async () => {
      const events = (await handle.fetchHistory()).events ?? [];
      const requested = events.findIndex((e) => e.workflowExecutionCancelRequestedEventAttributes);
      return requested >= 0 && events.slice(requested).some((e) => e.workflowTaskCompletedEventAttributes);
    }, (seen) => seen, { what: 'the workflow to see the cancellation' });
    expect((await s.call('POST', `/v1/sales/${sale.saleId}/reject`, { token: sale.approver.token, body: { reason: 'Ops asked' } })).status).toBe(200);
    expect(await handle.result()).toEqual({ status: 'rejected' });
    return { stack: s, workflowId: `sale-${sale.saleId}` };
  },
};
