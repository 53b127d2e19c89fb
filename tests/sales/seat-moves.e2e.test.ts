import { describe, expect, it } from 'vitest';
import { uniqueEmail } from '../support/unique';
import { activate, resellerStack, registerSale } from './world';

// Moving a seat from one user to another (issue 13): the old key stops at once, the new user's next
// launch issues a key on the seat, and the seats in use never exceed the sale's number of users.

describe('moving a seat of a sale', () => {
  const { s, world } = resellerStack();

  const launch = (saleId: string, userEmail: string) =>
    s.call('POST', `/v1/sales/${saleId}/launches`, { token: world.manager.token, body: { userEmail } });
  const move = (saleId: string, body: Record<string, unknown>, token?: string) =>
    s.call('POST', `/v1/sales/${saleId}/seats/move`, { ...(token && { token }), body });

  async function activeSale(numberOfUsers: number, users: string[]) {
    const sale = await registerSale(s, world.manager.token, { organizationId: world.organizationId, distributions: [world.distributionId], numberOfUsers });
    await activate(s, sale.id);
    const keys = [];
    for (const userEmail of users) {
      const launched = await launch(sale.id, userEmail);
      expect(launched.status).toBe(201);
      keys.push(launched.body);
    }
    return { saleId: sale.id as string, lineId: sale.distributions[0].id as string, keys };
  }

  /** Seats held on the line as the database counts them, and what really holds one. */
  async function seats(lineId: string) {
    const [row] = await s.sql<{ used: number; live: number; holding: number; waiting: number }[]>`
      select l.seats_used as used,
        (select count(*)::int from sale_keys k where k.sale_distribution_id = l.id and k.revoked_at is null) as live,
        (select count(*)::int from sale_keys k where k.sale_distribution_id = l.id
           and not exists (select 1 from sale_seat_moves m where m.from_key_id = k.id)) as holding,
        (select count(*)::int from sale_seat_moves m where m.sale_distribution_id = l.id
           and m.claimed_key_id is null and m.moved_on_at is null) as waiting
      from sale_distributions l where l.id = ${lineId}`;
    return row!;
  }

  it('revokes the old key at once and gives the seat to the new user\'s next launch, no one else\'s', async () => {
    const [ana, ben, cy, dee] = [uniqueEmail('ana'), uniqueEmail('ben'), uniqueEmail('cy'), uniqueEmail('dee')];
    const { saleId, lineId, keys } = await activeSale(2, [ana, ben]);
    const [anaKey, benKey] = keys;

    const moved = await move(saleId, { fromEmail: ana.toUpperCase(), toEmail: cy, reason: 'Ana left, Cy takes over' });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({
      saleId, distributionId: world.distributionId, fromEmail: ana, toEmail: cy, reason: 'Ana left, Cy takes over',
      revokedKeyId: anaKey.id, claimedKeyId: null, claimedAt: null,
    });
    expect((await s.call('GET', `/v1/public/keys/${anaKey.key}`, { token: null })).body.status).toBe('revoked');
    expect((await s.call('GET', `/v1/public/keys/${benKey.key}`, { token: null })).body.status).toBe('valid');
    const listed = await s.call('GET', `/v1/sales/${saleId}/keys?userEmail=${ana}`, { token: world.manager.token });
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({ id: anaKey.id, status: 'revoked', revocationReason: 'Ana left, Cy takes over' });

    // The seat waits for Cy: a third user finds none, Ana's relaunch answers her revoked key.
    expect((await s.call('GET', `/v1/sales/${saleId}`)).body.distributions[0].seatsUsed).toBe(2);
    const stranger = await launch(saleId, dee);
    expect(stranger.status).toBe(409);
    expect(stranger.body.code).toBe('SEATS_EXHAUSTED');
    const anaAgain = await launch(saleId, ana);
    expect(anaAgain.status).toBe(200);
    expect(anaAgain.body).toMatchObject({ id: anaKey.id, status: 'revoked' });

    const cyKey = await launch(saleId, cy);
    expect(cyKey.status).toBe(201);
    expect(cyKey.body).toMatchObject({ userEmail: cy, status: 'valid' });
    expect(await seats(lineId)).toEqual({ used: 2, live: 2, holding: 2, waiting: 0 });
    expect((await s.call('GET', `/v1/sales/${saleId}`)).body.distributions[0].seatsUsed).toBe(2);

    const audit = await s.call('GET', `/v1/audit?entity=sale&id=${saleId}`);
    const moves = audit.body.items.filter((e: { action: string }) => e.action === 'move_seat');
    expect(moves).toHaveLength(1);
    expect(moves[0].after).toMatchObject({ fromEmail: ana, toEmail: cy, revokedKeyId: anaKey.id, reason: 'Ana left, Cy takes over' });
  });

  it('moves a seat on before its new user launched (a typo fixed), and the first new user no longer gets it', async () => {
    const [ana, typo, right] = [uniqueEmail('ana'), uniqueEmail('bem'), uniqueEmail('ben')];
    const { saleId, lineId } = await activeSale(1, [ana]);
    expect((await move(saleId, { fromEmail: ana, toEmail: typo, reason: 'Handover' })).status).toBe(201);
    const fixed = await move(saleId, { fromEmail: typo, toEmail: right, reason: 'Typo in the address' });
    expect(fixed.status).toBe(201);
    expect(fixed.body).toMatchObject({ fromEmail: typo, toEmail: right, revokedKeyId: null });
    expect((await launch(saleId, typo)).body.code).toBe('SEATS_EXHAUSTED');
    expect((await launch(saleId, right)).status).toBe(201);
    expect(await seats(lineId)).toEqual({ used: 1, live: 1, holding: 1, waiting: 0 });
  });

  it('refuses what cannot be moved with a stable code and changes nothing', async () => {
    const [ana, ben, nobody] = [uniqueEmail('ana'), uniqueEmail('ben'), uniqueEmail('nobody')];
    const { saleId, lineId, keys } = await activeSale(3, [ana, ben]);
    const before = await seats(lineId);
    const auditBefore = (await s.call('GET', `/v1/audit?entity=sale&id=${saleId}`)).body.items.length;

    const toHolder = await move(saleId, { fromEmail: ana, toEmail: ben, reason: 'Swap' });
    expect(toHolder.status).toBe(409);
    expect(toHolder.headers.get('content-type')).toContain('application/problem+json');
    expect(toHolder.body).toMatchObject({ code: 'SEAT_ALREADY_HELD', toEmail: ben });
    const toSelf = await move(saleId, { fromEmail: ana, toEmail: ana, reason: 'Self' });
    expect(toSelf.body.code).toBe('SEAT_ALREADY_HELD');
    const fromNobody = await move(saleId, { fromEmail: nobody, toEmail: uniqueEmail('new'), reason: 'None' });
    expect(fromNobody.status).toBe(409);
    expect(fromNobody.body).toMatchObject({ code: 'SEAT_NOT_HELD', fromEmail: nobody });
    expect((await move(saleId, { fromEmail: ana, toEmail: uniqueEmail('x'), reason: 'No' }, world.manager.token)).status).toBe(403);
    const noReason = await move(saleId, { fromEmail: ana, toEmail: uniqueEmail('x') });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe('reason');
    expect((await move(saleId, { fromEmail: 'not-an-email', toEmail: uniqueEmail('x'), reason: 'R' })).status).toBe(400);

    const pending = await registerSale(s, world.manager.token, { organizationId: world.organizationId, distributions: [world.distributionId] });
    const notActive = await move(pending.id, { fromEmail: ana, toEmail: uniqueEmail('x'), reason: 'Too early' });
    expect(notActive.status).toBe(409);
    expect(notActive.body.code).toBe('INVALID_STATE');

    expect(await seats(lineId)).toEqual(before);
    for (const k of keys) expect((await s.call('GET', `/v1/public/keys/${k.key}`, { token: null })).body.status).toBe('valid');
    expect((await s.call('GET', `/v1/audit?entity=sale&id=${saleId}`)).body.items).toHaveLength(auditBefore);

    // A seat moved away cannot be moved again from the same user.
    expect((await move(saleId, { fromEmail: ana, toEmail: uniqueEmail('first'), reason: 'Once' })).status).toBe(201);
    expect((await move(saleId, { fromEmail: ana, toEmail: uniqueEmail('second'), reason: 'Twice' })).body.code).toBe('SEAT_NOT_HELD');
  });

  it('never has more live keys and waiting seats than seats, whatever moves and launches race', { timeout: 120_000 }, async () => {
    const [ana, ben] = [uniqueEmail('ana'), uniqueEmail('ben')];
    const { saleId, lineId } = await activeSale(2, [ana, ben]);
    const newcomers = Array.from({ length: 6 }, (_, i) => uniqueEmail(`new${i}`));
    const racing = await Promise.all([
      move(saleId, { fromEmail: ana, toEmail: newcomers[0], reason: 'Race 1' }),
      move(saleId, { fromEmail: ana, toEmail: newcomers[1], reason: 'Race 2' }),
      move(saleId, { fromEmail: ben, toEmail: newcomers[2], reason: 'Race 3' }),
      ...newcomers.flatMap((u) => [launch(saleId, u), launch(saleId, u)]),
    ]);
    const [fromAna1, fromAna2, fromBen, ...launches] = racing;
    expect([fromAna1!.status, fromAna2!.status].sort()).toEqual([201, 409]);
    expect([fromAna1, fromAna2].find((r) => r!.status === 409)!.body.code).toBe('SEAT_NOT_HELD');
    expect(fromBen!.status).toBe(201);
    expect(launches).toHaveLength(12);
    for (const r of launches) expect([200, 201, 409], JSON.stringify(r.body)).toContain(r.status);

    const after = await seats(lineId);
    expect(after.used).toBe(2);
    expect(after.holding + after.waiting).toBe(2);
    expect(after.live + after.waiting).toBeLessThanOrEqual(2);

    // The winners' launches (again, now the moves are in) take exactly the two seats.
    const winners = [fromAna1!.status === 201 ? newcomers[0]! : newcomers[1]!, newcomers[2]!];
    for (const u of winners) expect([200, 201]).toContain((await launch(saleId, u)).status);
    expect(await seats(lineId)).toEqual({ used: 2, live: 2, holding: 2, waiting: 0 });
    const live = (await s.call('GET', `/v1/sales/${saleId}/keys`)).body.items.filter((k: { status: string }) => k.status === 'valid');
    expect(live.map((k: { userEmail: string }) => k.userEmail).sort()).toEqual([...winners].sort());
  });
});
