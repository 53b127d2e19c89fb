import { describe, expect, it } from 'vitest';
import { eventsAbout } from '../support/events';
import { uniqueEmail } from '../support/unique';
import { activate, registerSale, resellerStack } from './world';

// The sale lifecycle's events, each recorded in the transaction of the change it reports; a
// refused action records none. (key.renewed and the cancellation at the sale's end run over a
// real year in lifecycle.time-skipping.test.ts.)
describe('sale events', () => {
  const { s, world } = resellerStack();

  const register = () => registerSale(s, world.manager.token, { organizationId: world.organizationId, distributions: [world.distributionId], numberOfUsers: 2, name: 'Events plan' });
  const launch = (saleId: string, userEmail: string) => s.call('POST', `/v1/sales/${saleId}/launches`, { token: world.manager.token, body: { userEmail } });

  it('registration, approval, activation and a key each record their event with the sale\'s organization', async () => {
    const sale = await register();
    const registered = await eventsAbout(s.sql, 'sale.registered', 'saleId', sale.id);
    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatchObject({ organizationId: world.organizationId, data: { saleId: sale.id, organizationId: world.organizationId, name: 'Events plan', status: 'pending_approval' } });

    await activate(s, sale.id);
    const approved = await eventsAbout(s.sql, 'sale.approved', 'saleId', sale.id);
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({ organizationId: world.organizationId, data: { saleId: sale.id, organizationId: world.organizationId, status: 'approved' } });
    const activated = await eventsAbout(s.sql, 'sale.activated', 'saleId', sale.id);
    expect(activated).toHaveLength(1);
    expect(activated[0]!.data).toEqual({ saleId: sale.id, organizationId: world.organizationId, status: 'active' });

    const email = uniqueEmail('ana');
    const key = await launch(sale.id, email);
    expect(key.status).toBe(201);
    // The same user launching again gets the same key: nothing new is issued, nothing announced.
    expect((await launch(sale.id, email)).body.key).toBe(key.body.key);
    const issued = await eventsAbout(s.sql, 'key.issued', 'saleId', sale.id);
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ organizationId: world.organizationId, data: { saleId: sale.id, organizationId: world.organizationId, userEmail: email, expiresAt: key.body.expiresAt } });
    expect(issued[0]!.data.keyId).toEqual(expect.any(String));
    expect(JSON.stringify(issued[0]!.data)).not.toContain(key.body.key);

    // A seat too many is refused: no key.issued.
    await launch(sale.id, uniqueEmail('ben'));
    const refused = await launch(sale.id, uniqueEmail('cy'));
    expect(refused.status).toBe(409);
    expect(await eventsAbout(s.sql, 'key.issued', 'saleId', sale.id)).toHaveLength(2);
  });

  it('a rejection records sale.rejected with the reason; a refused approval afterwards records nothing', async () => {
    const sale = await register();
    expect((await s.call('POST', `/v1/sales/${sale.id}/reject`, { body: { reason: 'Wrong customer' } })).status).toBe(200);
    const rejected = await eventsAbout(s.sql, 'sale.rejected', 'saleId', sale.id);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ organizationId: world.organizationId, data: { saleId: sale.id, organizationId: world.organizationId, status: 'rejected', reason: 'Wrong customer' } });
    const late = await s.call('POST', `/v1/sales/${sale.id}/approve`, {});
    expect(late.status).toBe(409);
    expect(await eventsAbout(s.sql, 'sale.approved', 'saleId', sale.id)).toHaveLength(0);
  });

  it('an early cancellation records sale.cancelled with the keys it revoked; a manager\'s refused cancellation records nothing', async () => {
    const sale = await register();
    await activate(s, sale.id);
    await launch(sale.id, uniqueEmail('di'));
    expect((await s.call('POST', `/v1/sales/${sale.id}/cancel`, { token: world.manager.token, body: { reason: 'Mine' } })).status).toBe(403);
    expect(await eventsAbout(s.sql, 'sale.cancelled', 'saleId', sale.id)).toHaveLength(0);
    expect((await s.call('POST', `/v1/sales/${sale.id}/cancel`, { body: { reason: 'Closed' } })).status).toBe(200);
    const cancelled = await eventsAbout(s.sql, 'sale.cancelled', 'saleId', sale.id);
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toMatchObject({ organizationId: world.organizationId, data: { saleId: sale.id, organizationId: world.organizationId, status: 'cancelled', keysRevoked: 1 } });
  });
});
