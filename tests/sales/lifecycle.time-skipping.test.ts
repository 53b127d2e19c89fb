import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activationInstant, addDays, cancellationInstant, todayUtc } from '../../src/domain/sales/dates';
import { saleHandle, startSaleWorkflow } from '../../src/sales/workflow';
import { approveSaleUpdate, launchKeyUpdate, rejectSaleUpdate, saleStateQuery } from '../../workflows/sales/sale-definitions';
import { KIND, ORGANIZATION_ID, STATUS } from '../../workflows/platform/search-attribute-definitions';
import { eventsAbout } from '../support/events';
import { startTestStack, type TestStack } from '../support/stack';
import { saleWorld, waitFor } from './world';

const DAY = 24 * 60 * 60 * 1000;

describe('sale workflow with real durations (time skipping)', () => {
  let s: TestStack;

  beforeAll(async () => {
    s = await startTestStack({ timeSkipping: true });
  });
  afterAll(async () => s?.close());

  const now = async () => new Date(await s.env!.currentTimeMs());
  const sleepUntil = async (t: Date) => {
    const ms = t.getTime() - (await now()).getTime();
    if (ms > 0) await s.env!.sleep(ms);
  };
  const saleRow = async (id: string) =>
    (await s.sql<{ status: string; activationDate: string; rejectionReason: string | null }[]>`
      select status, activation_date::text as activation_date, rejection_reason from sales where id = ${id}`)[0]!;
  const keyRow = async (saleId: string) =>
    (await s.sql<{ key: string; issuedAt: Date; expiresAt: Date; renewals: number; revokedAt: Date | null }[]>`
      select key, issued_at, expires_at, renewals, revoked_at from sale_keys where sale_id = ${saleId} order by issued_at`);
  /** The sale registered through the API, whose registration started its workflow. */
  const registered = async (o: Parameters<typeof saleWorld>[1]) => {
    const sale = await saleWorld(s, o);
    return { sale, handle: saleHandle(s.deps, sale.saleId) };
  };

  it('approves, mails the registrant, activates on its date, keeps one key renewed all year and revokes it at day 365', async () => {
    const activationDate = addDays(todayUtc(await now()), 30);
    const { sale, handle } = await registered({ activationDate });
    expect(await handle.query(saleStateQuery)).toMatchObject({ status: 'pending_approval' });

    expect(await handle.executeUpdate(approveSaleUpdate, { args: [{ userId: sale.approver.userId }] })).toEqual({ status: 'approved' });
    expect((await saleRow(sale.saleId)).status).toBe('approved');
    const mail = await s.smtp.waitFor(sale.registrant.email);
    expect(mail.raw).toContain('Sale approved: Year plan');
    expect(mail.raw).toContain(activationDate);

    // Not active before its date: a launch is refused and no key exists.
    await sleepUntil(new Date(activationInstant(activationDate).getTime() - 60_000));
    expect((await saleRow(sale.saleId)).status).toBe('approved');
    const early = await handle.executeUpdate(launchKeyUpdate, { args: [{ saleDistributionId: sale.lineId, userEmail: 'alice@customer.test', actorId: sale.registrant.userId }] }).catch((e) => e);
    expect(early).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(early.cause.type).toBe('INVALID_STATE');

    // Day 0: active, and Alice's first launch issues her key for 180 days.
    const day0 = activationInstant(activationDate);
    await sleepUntil(new Date(day0.getTime() + 60_000));
    expect((await waitFor(() => saleRow(sale.saleId), (r) => r.status === 'active')).status).toBe('active');
    const launch = () => handle.executeUpdate(launchKeyUpdate, { args: [{ saleDistributionId: sale.lineId, userEmail: 'alice@customer.test', actorId: sale.registrant.userId }] });
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
    const audit = await s.sql<{ action: string; actor: string }[]>`
      select action, actor from audit_events where entity = 'sale' and entity_id = ${sale.saleId} order by id`;
    // After the registration, everything in the trail is the workflow's doing.
    expect(audit.map((a) => a.action)).toEqual(['register', 'approve', 'activate', 'issue_key', 'renew_keys', 'renew_keys', 'cancel']);
    expect(audit[1]!.actor).toBe(`user:${sale.approver.userId}`);
    expect(audit[2]!.actor).toBe(`workflow:sale-${sale.saleId}`);
    // Partners' systems learned the same: two key.renewed events and sale.cancelled at the end.
    const renewals = await eventsAbout(s.sql, 'key.renewed', 'saleId', sale.saleId);
    expect(renewals.map((e) => e.data)).toEqual([1, 1].map((renewed) => ({ saleId: sale.saleId, organizationId: sale.organizationId, renewed })));
    expect(renewals.every((e) => e.organizationId === sale.organizationId)).toBe(true);
    const ended = await eventsAbout(s.sql, 'sale.cancelled', 'saleId', sale.saleId);
    expect(ended.map((e) => e.data)).toEqual([{ saleId: sale.saleId, organizationId: sale.organizationId, status: 'cancelled', keysRevoked: 1 }]);
  });

  it('rejects with a reason, ends, and refuses a later approval', async () => {
    const activationDate = addDays(todayUtc(await now()), 5);
    const { sale, handle } = await registered({ activationDate });
    await handle.executeUpdate(rejectSaleUpdate, { args: [{ userId: sale.approver.userId, reason: 'Customer has no LTI contract' }] });
    expect(await handle.result()).toEqual({ status: 'rejected' });
    expect(await saleRow(sale.saleId)).toMatchObject({ status: 'rejected', rejectionReason: 'Customer has no LTI contract' });
    await expect(handle.executeUpdate(approveSaleUpdate, { args: [{ userId: sale.approver.userId }] })).rejects.toThrow();
    expect((await saleRow(sale.saleId)).status).toBe('rejected');
    // The registrant learns the reason; nobody is told of an approval.
    const toRegistrant = s.smtp.to(sale.registrant.email);
    expect(toRegistrant).toHaveLength(1);
    expect(toRegistrant[0]!.raw).toContain('Sale rejected: Year plan');
    expect(toRegistrant[0]!.raw).toContain('Reason: Customer has no LTI contract');
  });

  it('follows an activation date moved after approval', async () => {
    const first = addDays(todayUtc(await now()), 10);
    const moved = addDays(first, 20);
    const { sale, handle } = await registered({ activationDate: first });
    await handle.executeUpdate(approveSaleUpdate, { args: [{ userId: sale.approver.userId }] });
    // The PATCH writes the new date and signals the workflow in one transaction.
    const patched = await s.call('PATCH', `/v1/sales/${sale.saleId}`, { token: sale.registrant.token, body: { activationDate: moved } });
    expect(patched.status).toBe(200);

    await sleepUntil(new Date(activationInstant(first).getTime() + DAY));
    expect((await saleRow(sale.saleId)).status).toBe('approved');
    await sleepUntil(new Date(activationInstant(moved).getTime() + 60_000));
    expect((await waitFor(() => saleRow(sale.saleId), (r) => r.status === 'active')).status).toBe('active');
    expect((await handle.query(saleStateQuery)).activationDate).toBe(moved);
    await handle.terminate('test done');
  });

  it('ends as abandoned when the registration that started it never committed', async () => {
    const ghost = { id: '00000000-0000-4000-8000-00000000dead', organizationId: '00000000-0000-4000-8000-00000000beef' };
    await startSaleWorkflow(s.deps, { ...ghost, activationDate: addDays(todayUtc(await now()), 3) });
    const handle = saleHandle(s.deps, ghost.id);
    expect(await handle.result()).toEqual({ status: 'abandoned' });
    expect((await handle.describe()).typedSearchAttributes.get(STATUS)).toBe('abandoned');
  });
});
