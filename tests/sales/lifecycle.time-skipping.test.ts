import { randomBytes } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../activities';
import { addDays, cancellationInstant, activationInstant, todayUtc } from '../../src/domain/sales/dates';
import { createLogger } from '../../src/logger';
import { createMailer } from '../../src/mail';
import { startLifecycle } from '../../src/temporal/start';
import { activationDateChangedSignal, approveSaleUpdate, launchKeyUpdate, rejectSaleUpdate, saleStateQuery, saleWorkflowId } from '../../workflows/sales/sale-definitions';
import { KIND, ORGANIZATION_ID, STATUS } from '../../workflows/platform/search-attribute-definitions';
import { freshDatabase, type TestDatabase } from '../support/db';
import { startSmtpListener } from '../support/smtp';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { waitFor, seedSale, type SeededSale } from './world';

const DAY = 24 * 60 * 60 * 1000;

describe('sale workflow with real durations (time skipping)', () => {
  let env: TestWorkflowEnvironment;
  let db: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = `sales-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    [env, db, smtp] = await Promise.all([createTimeSkippingEnv(), freshDatabase(), startSmtpListener()]);
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { codePath: inject('workflowBundlePath') },
      activities: createActivities({
        sql: db.sql,
        stripe: null,
        mail: createMailer({ smtpUrl: smtp.url, from: 'partnerflow <no-reply@partnerflow.test>', dataDir: '.test-data' }),
        logger: createLogger('silent'),
        temporal: env.client,
        taskQueue,
        config: { STRIPE_WEBHOOK_SECRET: undefined, PUBLIC_BASE_URL: undefined, PURCHASE_PAYMENT_TIMEOUT_HOURS: 24 },
      }),
    });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
    await smtp?.close();
    await db?.drop();
  });

  const now = async () => new Date(await env.currentTimeMs());
  const sleepUntil = async (t: Date) => {
    const ms = t.getTime() - (await now()).getTime();
    if (ms > 0) await env.sleep(ms);
  };
  const saleRow = async (id: string) =>
    (await db.sql<{ status: string; activationDate: string; rejectionReason: string | null }[]>`
      select status, activation_date::text as activation_date, rejection_reason from sales where id = ${id}`)[0]!;
  const keyRow = async (saleId: string) =>
    (await db.sql<{ key: string; issuedAt: Date; expiresAt: Date; renewals: number; revokedAt: Date | null }[]>`
      select key, issued_at, expires_at, renewals, revoked_at from sale_keys where sale_id = ${saleId} order by issued_at`);
  const start = async (sale: SeededSale, activationDate: string) =>
    startLifecycle(env.client, 'saleWorkflow', {
      workflowId: saleWorkflowId(sale.saleId),
      taskQueue,
      args: [{ saleId: sale.saleId, organizationId: sale.organizationId, activationDate }],
      kind: 'sale',
      organizationId: sale.organizationId,
      status: 'pending_approval',
    });

  it('approves, mails the registrant, activates on its date, keeps one key renewed all year and revokes it at day 365', async () => {
    const activationDate = addDays(todayUtc(await now()), 30);
    const sale = await seedSale(db.sql, { activationDate });
    const handle = await start(sale, activationDate);
    expect(await handle.query(saleStateQuery)).toMatchObject({ status: 'pending_approval' });

    expect(await handle.executeUpdate(approveSaleUpdate, { args: [{ userId: sale.approver.id }] })).toEqual({ status: 'approved' });
    expect((await saleRow(sale.saleId)).status).toBe('approved');
    const mail = await smtp.waitFor(sale.registrant.email);
    expect(mail.raw).toContain('Sale approved: Year plan');
    expect(mail.raw).toContain(activationDate);

    // Not active before its date: a launch is refused and no key exists.
    await sleepUntil(new Date(activationInstant(activationDate).getTime() - 60_000));
    expect((await saleRow(sale.saleId)).status).toBe('approved');
    const early = await handle.executeUpdate(launchKeyUpdate, { args: [{ saleDistributionId: sale.lineId, userEmail: 'alice@customer.test', actorId: sale.registrant.id }] }).catch((e) => e);
    expect(early).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(early.cause.type).toBe('INVALID_STATE');

    // Day 0: active, and Alice's first launch issues her key for 180 days.
    const day0 = activationInstant(activationDate);
    await sleepUntil(new Date(day0.getTime() + 60_000));
    expect((await waitFor(() => saleRow(sale.saleId), (r) => r.status === 'active')).status).toBe('active');
    const launch = () => handle.executeUpdate(launchKeyUpdate, { args: [{ saleDistributionId: sale.lineId, userEmail: 'alice@customer.test', actorId: sale.registrant.id }] });
    const key = await launch();
    expect(key.created).toBe(true);
    const issuedAt = new Date(key.issuedAt);
    expect(issuedAt.getTime() - day0.getTime()).toBeLessThan(DAY);
    expect(new Date(key.expiresAt).getTime()).toBe(issuedAt.getTime() + 180 * DAY);
    expect(await launch()).toMatchObject({ key: key.key, created: false });
    const desc = await handle.describe();
    expect(desc.typedSearchAttributes.get(STATUS)).toBe('active');
    expect(desc.typedSearchAttributes.get(KIND)).toBe('sale');
    expect(desc.typedSearchAttributes.get(ORGANIZATION_ID)).toBe(sale.organizationId);

    // Day 180: renewed ahead of expiry for another 180 days.
    await sleepUntil(new Date(issuedAt.getTime() + 180 * DAY));
    const renewed = await waitFor(() => keyRow(sale.saleId), (k) => k[0]!.renewals === 1);
    expect(renewed[0]!.expiresAt.getTime()).toBe(issuedAt.getTime() + 360 * DAY);
    expect(renewed[0]!.key).toBe(key.key);

    // Day 360: renewed again, but only up to the sale's end at day 365.
    const end = cancellationInstant(activationDate);
    await sleepUntil(new Date(issuedAt.getTime() + 360 * DAY));
    const capped = await waitFor(() => keyRow(sale.saleId), (k) => k[0]!.renewals === 2);
    expect(capped[0]!.expiresAt.getTime()).toBe(end.getTime());
    expect(end.getTime() - day0.getTime()).toBe(365 * DAY);
    expect((await saleRow(sale.saleId)).status).toBe('active');

    // Day 365: cancelled, every key revoked, workflow done.
    await sleepUntil(new Date(end.getTime() + 60_000));
    expect(await handle.result()).toEqual({ status: 'cancelled' });
    expect((await saleRow(sale.saleId)).status).toBe('cancelled');
    const revoked = await keyRow(sale.saleId);
    expect(revoked[0]!.revokedAt).not.toBeNull();
    expect((await handle.describe()).typedSearchAttributes.get(STATUS)).toBe('cancelled');
    const audit = await db.sql<{ action: string; actor: string }[]>`
      select action, actor from audit_events where entity = 'sale' and entity_id = ${sale.saleId} order by id`;
    expect(audit.map((a) => a.action)).toEqual(['approve', 'activate', 'issue_key', 'renew_keys', 'renew_keys', 'cancel']);
    expect(audit[0]!.actor).toBe(`user:${sale.approver.id}`);
    expect(audit[1]!.actor).toBe(`workflow:sale-${sale.saleId}`);
  });

  it('rejects with a reason, ends, and refuses a later approval', async () => {
    const activationDate = addDays(todayUtc(await now()), 5);
    const sale = await seedSale(db.sql, { activationDate });
    const handle = await start(sale, activationDate);
    await handle.executeUpdate(rejectSaleUpdate, { args: [{ userId: sale.approver.id, reason: 'Customer has no LTI contract' }] });
    expect(await handle.result()).toEqual({ status: 'rejected' });
    expect(await saleRow(sale.saleId)).toMatchObject({ status: 'rejected', rejectionReason: 'Customer has no LTI contract' });
    await expect(handle.executeUpdate(approveSaleUpdate, { args: [{ userId: sale.approver.id }] })).rejects.toThrow();
    expect((await saleRow(sale.saleId)).status).toBe('rejected');
    expect(smtp.received.some((m) => m.to.includes(sale.registrant.email))).toBe(false);
  });

  it('follows an activation date moved after approval', async () => {
    const first = addDays(todayUtc(await now()), 10);
    const moved = addDays(first, 20);
    const sale = await seedSale(db.sql, { activationDate: first });
    const handle = await start(sale, first);
    await handle.executeUpdate(approveSaleUpdate, { args: [{ userId: sale.approver.id }] });
    await db.sql`update sales set activation_date = ${moved} where id = ${sale.saleId}`;
    await handle.signal(activationDateChangedSignal, { activationDate: moved });

    await sleepUntil(new Date(activationInstant(first).getTime() + DAY));
    expect((await saleRow(sale.saleId)).status).toBe('approved');
    await sleepUntil(new Date(activationInstant(moved).getTime() + 60_000));
    expect((await waitFor(() => saleRow(sale.saleId), (r) => r.status === 'active')).status).toBe('active');
    expect((await handle.query(saleStateQuery)).activationDate).toBe(moved);
    await handle.terminate('test done');
  });

  it('ends as abandoned when the registration that started it never committed', async () => {
    const ghost = { saleId: '00000000-0000-4000-8000-00000000dead', organizationId: '00000000-0000-4000-8000-00000000beef' };
    const handle = await start(ghost as SeededSale, addDays(todayUtc(await now()), 3));
    expect(await handle.result()).toEqual({ status: 'abandoned' });
    expect((await handle.describe()).typedSearchAttributes.get(STATUS)).toBe('abandoned');
  });
});
