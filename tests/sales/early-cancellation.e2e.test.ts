import { describe, expect, it } from 'vitest';
import { saleWorkflowId } from '../../workflows/sales/sale-definitions';
import { uniqueEmail } from '../support/unique';
import { activate, readMail, registerSale, resellerStack, waitFor } from './world';

// An admin cancels an active sale before its end (issue 13): with a reason, every key revoked,
// the sale's workflow ended, and the registering user told why.

describe('cancelling an active sale early', () => {
  const { s, world } = resellerStack();

  async function activeSale() {
    const sale = await registerSale(s, world.manager.token, { organizationId: world.organizationId, distributions: [world.distributionId], numberOfUsers: 3 });
    await activate(s, sale.id);
    return sale.id as string;
  }
  const launch = (saleId: string, userEmail: string) => s.call('POST', `/v1/sales/${saleId}/launches`, { token: world.manager.token, body: { userEmail } });

  it('revokes every key, ends the workflow and e-mails the registrant the reason', async () => {
    const saleId = await activeSale();
    const keys = [(await launch(saleId, uniqueEmail('ana'))).body, (await launch(saleId, uniqueEmail('ben'))).body];
    expect(keys.map((k) => k.status)).toEqual(['valid', 'valid']);

    const cancelled = await s.call('POST', `/v1/sales/${saleId}/cancel`, { body: { reason: 'Customer closed the school' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellationReason: 'Customer closed the school' });
    expect(cancelled.body.cancelledAt).not.toBeNull();
    expect(cancelled.body.cancelledBy).not.toBeNull();

    for (const k of keys) expect((await s.call('GET', `/v1/public/keys/${k.key}`, { token: null })).body.status).toBe('revoked');
    const late = await launch(saleId, uniqueEmail('cy'));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('INVALID_STATE');

    const handle = s.client.workflow.getHandle(saleWorkflowId(saleId));
    expect(await handle.result()).toEqual({ status: 'cancelled' });

    const messageId = `<sale-${saleId}.cancelled-early.${world.manager.userId}@partnerflow>`;
    const mails = await waitFor(
      async () => s.smtp.received.filter((m) => readMail(m.raw).messageId === messageId),
      (l) => l.length > 0,
      { what: 'the cancellation e-mail' },
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toContain(world.manager.email);
    expect(readMail(mails[0]!.raw).text).toContain('Customer closed the school');

    const audit = await s.call('GET', `/v1/audit?entity=sale&id=${saleId}`);
    const cancel = audit.body.items.filter((e: { action: string }) => e.action === 'cancel');
    expect(cancel).toHaveLength(1);
    expect(cancel[0].after).toMatchObject({ status: 'cancelled', keysRevoked: 2, reason: 'Customer closed the school', early: true });
  });

  it('is for admins only, needs a reason, and refuses a sale that is not active, changing nothing', async () => {
    const saleId = await activeSale();
    const key = (await launch(saleId, uniqueEmail('di'))).body;
    const manager = await s.call('POST', `/v1/sales/${saleId}/cancel`, { token: world.manager.token, body: { reason: 'Mine' } });
    expect(manager.status).toBe(403);
    const noReason = await s.call('POST', `/v1/sales/${saleId}/cancel`, { body: { reason: '' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe('reason');
    expect((await s.call('GET', `/v1/sales/${saleId}`)).body.status).toBe('active');
    expect((await s.call('GET', `/v1/public/keys/${key.key}`, { token: null })).body.status).toBe('valid');

    const pending = await registerSale(s, world.manager.token, { organizationId: world.organizationId, distributions: [world.distributionId] });
    const refused = await s.call('POST', `/v1/sales/${pending.id}/cancel`, { body: { reason: 'Too early' } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('INVALID_STATE');
    expect((await s.call('GET', `/v1/sales/${pending.id}`)).body.status).toBe('pending_approval');

    // Once cancelled, a repeat is refused the same way.
    expect((await s.call('POST', `/v1/sales/${saleId}/cancel`, { body: { reason: 'Done' } })).status).toBe(200);
    expect((await s.call('POST', `/v1/sales/${saleId}/cancel`, { body: { reason: 'Again' } })).status).toBe(409);
  });
});
