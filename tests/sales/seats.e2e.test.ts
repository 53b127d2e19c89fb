import type { temporal } from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import { launchThroughWorkflow } from '../../src/sales/workflow';
import { saleWorkflowId } from '../../workflows/sales/sale-definitions';
import { unique } from '../support/unique';
import { activate, registerSale, resellerStack } from './world';

const SEATS = 5_000;
// The server admits at most 10 in-flight updates per workflow; launchThroughWorkflow retries past that.
const CONCURRENCY = 10;

describe('a sale with 5 000 seats, all launched (dev server)', () => {
  const file = resellerStack({ customerName: 'Big customer' });

  it('issues 5 000 distinct keys through the workflow, refuses the 5 001st, and keeps every run\'s history bounded', { timeout: 240_000 }, async () => {
    const { s, world: { organizationId, manager, distributionId } } = file;
    const created = await registerSale(s, manager.token, { organizationId, distributions: [distributionId], numberOfUsers: SEATS, name: 'District plan' });
    const id: string = created.id;
    const lineId: string = created.distributions[0].id;
    expect(created.distributions[0].salesPrice).toEqual({ amount: 1250 * SEATS, currency: 'EUR' });
    await activate(s, id);

    // The delivery system's launches, many at once, each through the workflow's update.
    const emails = Array.from({ length: SEATS }, (_, i) => `${unique(`user${i}`)}@big.test`);
    const keys: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < emails.length) {
          const userEmail = emails[next++]!;
          const key = await launchThroughWorkflow(s.deps, id, { saleDistributionId: lineId, userEmail, actorId: manager.userId });
          expect(key.created).toBe(true);
          keys.push(key.key);
        }
      }),
    );
    expect(new Set(keys).size).toBe(SEATS);
    const [line] = await s.sql`select seats_used from sale_distributions where id = ${lineId}`;
    expect(line!.seatsUsed).toBe(SEATS);
    const [stored] = await s.sql`select count(distinct key)::int as n from sale_keys where sale_id = ${id}`;
    expect(stored!.n).toBe(SEATS);

    const extra = await s.call('POST', `/v1/sales/${id}/launches`, { token: manager.token, body: { userEmail: 'one-too-many@big.test' } });
    expect(extra.status).toBe(409);
    expect(extra.body.code).toBe('SEATS_EXHAUSTED');
    const relaunch = await s.call('POST', `/v1/sales/${id}/launches`, { token: manager.token, body: { userEmail: emails[0] } });
    expect(relaunch.status).toBe(200);

    // Walk the chain of runs back from the latest: every run stayed short, and there was more than one.
    const runs: number[] = [];
    let runId: string | undefined;
    for (;;) {
      const history = await s.client.workflow.getHandle(saleWorkflowId(id), runId).fetchHistory();
      runs.push(history.events?.length ?? 0);
      const started = history.events?.[0]?.workflowExecutionStartedEventAttributes as temporal.api.history.v1.IWorkflowExecutionStartedEventAttributes;
      runId = started.continuedExecutionRunId || undefined;
      if (!runId) break;
    }
    expect(runs.length).toBeGreaterThan(1);
    for (const events of runs) expect(events).toBeLessThan(10_000);
    const state = await s.client.workflow.getHandle(saleWorkflowId(id)).query('state');
    expect(state).toMatchObject({ status: 'active' });
    expect((state as { nextRenewalAt: string }).nextRenewalAt).not.toBeNull();
  });
});
