import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { suiteStack } from '../support/suite';
import { unique } from '../support/unique';
import { activate, saleWorld } from './world';

// GET /v1/sales/{id}/keys: the keys of a sale, of one user by e-mail, page by page or as CSV; the sales
// themselves as CSV with their seats.

describe("a sale's licence keys as a list and an export", () => {
  const { s, w } = suiteStack({}, (s) => saleWorld(s, { numberOfUsers: 5 }));

  it('lists the keys across pages, finds one user\'s key whatever the case of the address, and exports them', async () => {
    await activate(s, w.saleId, w.approver.token);
    const users = ['ada@keys.test', 'bob@keys.test', 'cy@keys.test'];
    const issued: Record<string, string> = {};
    for (const userEmail of users) {
      const res = await s.call('POST', `/v1/sales/${w.saleId}/launches`, { token: w.registrant.token, body: { userEmail } });
      expect(res.status).toBe(201);
      issued[userEmail] = res.body.key;
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: any } = await s.call('GET', `/v1/sales/${w.saleId}/keys?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: w.registrant.token });
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((k: any) => k.userEmail));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(2);
    expect([...seen].sort()).toEqual(users);

    const bob = await s.call('GET', `/v1/sales/${w.saleId}/keys?userEmail=${encodeURIComponent('BOB@Keys.test')}`, { token: w.registrant.token });
    expect(bob.body.items).toHaveLength(1);
    expect(bob.body.items[0]).toMatchObject({ userEmail: 'bob@keys.test', key: issued['bob@keys.test'], status: 'valid' });

    const csv = await s.call('GET', `/v1/sales/${w.saleId}/keys`, { token: w.registrant.token, headers: { accept: 'text/csv' } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="sale-${w.saleId}-keys.csv"`);
    const { rows } = parseCsv(csv.body);
    expect(rows[0]!.fields).toEqual(['id', 'key', 'userEmail', 'distributionId', 'issuedAt', 'expiresAt', 'status', 'renewals', 'revokedAt', 'revocationReason']);
    const byUser = Object.fromEntries(rows.slice(1).map((r) => [r.fields[2], r.fields[1]]));
    expect(byUser).toEqual(issued);
  });

  it('exports the sales with their seats: users bought and keys issued per distribution', async () => {
    const csv = await s.call('GET', `/v1/sales?organizationId=${w.organizationId}`, { token: w.registrant.token, headers: { accept: 'text/csv' } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const { rows } = parseCsv(csv.body);
    expect(rows).toHaveLength(2);
    const sale = Object.fromEntries(rows[0]!.fields.map((f, i) => [f, rows[1]!.fields[i]]));
    expect(sale).toMatchObject({ id: w.saleId, status: 'active' });
    expect(JSON.parse(sale.distributions!)).toEqual([expect.objectContaining({ distributionId: w.distributionId, numberOfUsers: 5, seatsUsed: 3 })]);
  });

  it("is not found for a manager outside the sale's organization", async () => {
    const elsewhere = await s.organization({ name: unique('Elsewhere') });
    const stranger = await s.userWithToken({ role: 'manager', organizationId: elsewhere });
    const res = await s.call('GET', `/v1/sales/${w.saleId}/keys`, { token: stranger.token, headers: { accept: 'text/csv' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
