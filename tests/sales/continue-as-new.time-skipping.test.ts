import type { WorkflowHandle } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { describe, expect, it } from 'vitest';
import { cancellationInstant, todayUtc } from '../../src/domain/sales/dates';
import { launchThroughWorkflow, saleHandle } from '../../src/sales/workflow';
import { MAX_UPDATES_PER_RUN } from '../../workflows/sales/sale';
import { scheduledActivities } from '../support/history';
import { suiteStack } from '../support/suite';
import { saleWorld, waitFor } from './world';

const DAY = 24 * 60 * 60 * 1000;
/** Users with a key; their first launches are the last of the first run and the first of the next. */
const USERS = 61;

describe('a sale whose workflow continued as new, over a real year (time skipping)', () => {
  const { s } = suiteStack({ timeSkipping: true });

  it('renews its keys at day 180 and cancels at day 365 in the runs that continued it', { timeout: 300_000 }, async () => {
    const now = async () => (await s.env!.currentTimeMs()) as number;
    const sleepUntil = async (t: number) => {
      const ms = t - (await now());
      if (ms > 0) await s.env!.sleep(ms);
    };
    const activationDate = todayUtc(new Date(await now()));
    const sale = await saleWorld(s, { activationDate, numberOfUsers: USERS });
    const handle = saleHandle(s.deps, sale.saleId);
    expect((await s.call('POST', `/v1/sales/${sale.saleId}/approve`, { token: sale.approver.token })).status).toBe(200);
    await waitFor(async () => (await s.call('GET', `/v1/sales/${sale.saleId}`)).body.status, (st) => st === 'active', { what: 'the sale to be active' });
    const launch = (userEmail: string) => s.call('POST', `/v1/sales/${sale.saleId}/launches`, { token: sale.registrant.token, body: { userEmail } });

    // The run takes its updates up to the cap: a first user's launch, then that key launched
    // through the workflow again and again (the delivery system's API answers relaunches from the
    // database; the workflow takes them all the same).
    expect((await launch('user0@customer.test')).status).toBe(201);
    const relaunches = MAX_UPDATES_PER_RUN - USERS;
    let sent = 0;
    await Promise.all(Array.from({ length: 10 }, async () => {
      while (sent < relaunches) {
        sent++;
        const key = await launchThroughWorkflow(s.deps, sale.saleId, { saleDistributionId: sale.lineId, userEmail: 'user0@customer.test', actorId: sale.registrant.userId });
        expect(key.created).toBe(false);
      }
    }));
    // Then first launches, 10 at a time through the API, across the hand-over to the next run:
    // each is a first launch (201), none is lost or taken for a relaunch while the run hands over.
    const emails = Array.from({ length: USERS - 1 }, (_, i) => `user${i + 1}@customer.test`);
    let next = 0;
    const statuses: number[] = [];
    await Promise.all(Array.from({ length: 10 }, async () => {
      while (next < emails.length) statuses.push((await launch(emails[next++]!)).status);
    }));
    expect(statuses).toEqual(Array(USERS - 1).fill(201));

    // The chain of runs: the first one ended by continuing as new, carrying its state.
    const continued = await waitFor(() => handle.describe(), (d) => d.runId !== d.raw.workflowExecutionInfo?.firstRunId, { what: 'the sale workflow to continue as new' });
    const firstRunId = continued.raw.workflowExecutionInfo?.firstRunId;
    expect(firstRunId).toBeTruthy();
    const first = await s.client.workflow.getHandle(`sale-${sale.saleId}`, firstRunId!).fetchHistory();
    expect(first.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
    const started = (await handle.fetchHistory()).events?.[0]?.workflowExecutionStartedEventAttributes as temporal.api.history.v1.IWorkflowExecutionStartedEventAttributes;
    expect(started.continuedExecutionRunId).toBeTruthy();
    expect(await handle.query('state')).toMatchObject({ status: 'active', nextRenewalAt: expect.any(String) });
    const keys = async () => (await s.sql<{ n: number; renewed: number; revoked: number }[]>`
      select count(*)::int as n, count(*) filter (where renewals >= 1)::int as renewed, count(*) filter (where revoked_at is not null)::int as revoked
      from sale_keys where sale_id = ${sale.saleId}`)[0]!;
    expect(await keys()).toEqual({ n: USERS, renewed: 0, revoked: 0 });

    // Day 180: every key renewed ahead of its expiry; day 365: cancelled with every key revoked.
    const [expiry] = await s.sql<{ latest: Date }[]>`select max(expires_at) as latest from sale_keys where sale_id = ${sale.saleId}`;
    await sleepUntil(expiry!.latest.getTime());
    expect(await waitFor(keys, (k) => k.renewed === USERS, { what: 'every key to be renewed' })).toEqual({ n: USERS, renewed: USERS, revoked: 0 });
    expect((await s.call('GET', `/v1/sales/${sale.saleId}`)).body.status).toBe('active');
    await sleepUntil(cancellationInstant(activationDate).getTime() + DAY);
    expect(await handle.result()).toEqual({ status: 'cancelled' });
    expect((await s.call('GET', `/v1/sales/${sale.saleId}`)).body.status).toBe('cancelled');
    expect(await keys()).toEqual({ n: USERS, renewed: USERS, revoked: USERS });

    // All of it was the continued runs' doing: the first run only launched.
    expect(await scheduledActivities(s.client.workflow.getHandle(`sale-${sale.saleId}`, firstRunId!))).not.toContain('renewSaleKeys');
    const runs: string[][] = [];
    for (let runId: string | undefined = (await handle.describe()).runId; runId && runId !== firstRunId; ) {
      const run: WorkflowHandle = s.client.workflow.getHandle(`sale-${sale.saleId}`, runId);
      runs.push(await scheduledActivities(run));
      runId = ((await run.fetchHistory()).events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined) || undefined;
    }
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.flat()).toContain('renewSaleKeys');
    expect(runs[0]!.at(-1)).toBe('cancelSale');
  });
});
