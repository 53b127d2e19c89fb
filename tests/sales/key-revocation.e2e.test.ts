import { describe, expect, it } from 'vitest';
import { uniqueEmail } from '../support/unique';
import { activate, resellerStack, registerSale } from './world';

// Revoking one user's licence key (issue 13): it stops at once, with a reason, and the seat stays
// with it, so the user's relaunch gets no new key.

describe('revoking one user\'s key', () => {
  const { s, world } = resellerStack();

  async function activeSaleWithKeys(users: string[]) {
    const sale = await registerSale(s, world.manager.token, { organizationId: world.organizationId, distributions: [world.distributionId], numberOfUsers: 3 });
    await activate(s, sale.id);
    const keys = [];
    for (const userEmail of users) {
      const launched = await s.call('POST', `/v1/sales/${sale.id}/launches`, { token: world.manager.token, body: { userEmail } });
      expect(launched.status).toBe(201);
      keys.push(launched.body);
    }
    return { saleId: sale.id as string, lineId: sale.distributions[0].id as string, keys };
  }

  it('stops the key at once, keeps its seat, and answers the revoked key on the user\'s relaunch', async () => {
    const [ana, ben] = [uniqueEmail('ana'), uniqueEmail('ben')];
    const { saleId, lineId, keys } = await activeSaleWithKeys([ana, ben]);
    const [anaKey, benKey] = keys;

    const revoked = await s.call('POST', `/v1/sales/${saleId}/keys/${anaKey.id}/revoke`, { body: { reason: 'Left the company' } });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: anaKey.id, status: 'revoked', revocationReason: 'Left the company' });
    expect(revoked.body.revokedAt).not.toBeNull();

    expect((await s.call('GET', `/v1/public/keys/${anaKey.key}`, { token: null })).body.status).toBe('revoked');
    expect((await s.call('GET', `/v1/public/keys/${benKey.key}`, { token: null })).body.status).toBe('valid');

    const relaunch = await s.call('POST', `/v1/sales/${saleId}/launches`, { token: world.manager.token, body: { userEmail: ana } });
    expect(relaunch.status).toBe(200);
    expect(relaunch.body).toMatchObject({ id: anaKey.id, status: 'revoked' });
    const [line] = await s.sql`select seats_used from sale_distributions where id = ${lineId}`;
    expect(line!.seatsUsed).toBe(2);

    // A repeat keeps the first revocation; the sale's list shows why.
    const again = await s.call('POST', `/v1/sales/${saleId}/keys/${anaKey.id}/revoke`, { body: { reason: 'Another reason' } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ revokedAt: revoked.body.revokedAt, revocationReason: 'Left the company' });
    const listed = await s.call('GET', `/v1/sales/${saleId}/keys`, { token: world.manager.token });
    expect(listed.body.items).toHaveLength(2);
    expect(listed.body.items.find((k: { id: string }) => k.id === anaKey.id).revocationReason).toBe('Left the company');

    const audit = await s.call('GET', `/v1/audit?entity=sale&id=${saleId}`);
    const revocations = audit.body.items.filter((e: { action: string }) => e.action === 'revoke_key');
    expect(revocations).toHaveLength(1);
    expect(revocations[0].after).toMatchObject({ keyId: anaKey.id, userEmail: ana, reason: 'Left the company' });
  });

  it('is for admins only, needs a reason, and finds only keys of the sale', async () => {
    const { saleId, keys } = await activeSaleWithKeys([uniqueEmail('cy')]);
    const other = await activeSaleWithKeys([uniqueEmail('di')]);
    const key = keys[0];
    expect((await s.call('POST', `/v1/sales/${saleId}/keys/${key.id}/revoke`, { token: world.manager.token, body: { reason: 'No' } })).status).toBe(403);
    const noReason = await s.call('POST', `/v1/sales/${saleId}/keys/${key.id}/revoke`, { body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe('reason');
    expect((await s.call('POST', `/v1/sales/${other.saleId}/keys/${key.id}/revoke`, { body: { reason: 'Wrong sale' } })).status).toBe(404);
    expect((await s.call('GET', `/v1/public/keys/${key.key}`, { token: null })).body.status).toBe('valid');
  });
});
