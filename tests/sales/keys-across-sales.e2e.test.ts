import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { suiteStack } from '../support/suite';
import type { TestStack } from '../support/stack';
import { unique, uniqueEmail } from '../support/unique';
import { activate, customer, distribution, registerSale } from './world';

// GET /v1/keys (issue 13): one user's licence keys across every sale the caller may read, page by
// page or as CSV; a manager sees the keys of their organizations' sales only.

async function world(s: TestStack) {
  const distributionId = await distribution(s);
  const [east, west] = await Promise.all([customer(s, { name: unique('East') }), customer(s, { name: unique('West') })]);
  const sales: Record<string, string> = {};
  for (const [name, c] of [['east', east], ['west', west]] as const) {
    const sale = await registerSale(s, c.manager.token, { organizationId: c.organizationId, distributions: [distributionId], numberOfUsers: 3 });
    await activate(s, sale.id);
    sales[name] = sale.id;
  }
  return { east, west, sales };
}

describe('licence keys across sales', () => {
  const { s, w } = suiteStack({}, world);

  it("finds one user's keys in every sale in scope, in any case, page by page and as CSV", async () => {
    const [ada, bob] = [uniqueEmail('ada'), uniqueEmail('bob')];
    const keys: Record<string, string> = {};
    for (const [sale, token] of [[w.sales.east!, w.east.manager.token], [w.sales.west!, w.west.manager.token]] as const) {
      const launched = await s.call('POST', `/v1/sales/${sale}/launches`, { token, body: { userEmail: ada } });
      expect(launched.status).toBe(201);
      keys[sale] = launched.body.id;
      expect((await s.call('POST', `/v1/sales/${sale}/launches`, { token, body: { userEmail: bob } })).status).toBe(201);
    }

    const all = await s.call('GET', `/v1/keys?userEmail=${encodeURIComponent(ada.toUpperCase())}`);
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(2);
    expect(Object.fromEntries(all.body.items.map((k: { saleId: string; id: string }) => [k.saleId, k.id]))).toEqual(keys);
    for (const k of all.body.items) expect(k).toMatchObject({ userEmail: ada, status: 'valid' });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: any } = await s.call('GET', `/v1/keys?userEmail=${encodeURIComponent(ada)}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      seen.push(res.body.items[0].id);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect([...seen].sort()).toEqual(Object.values(keys).sort());

    const east = await s.call('GET', `/v1/keys?userEmail=${encodeURIComponent(ada)}`, { token: w.east.manager.token });
    expect(east.body.items).toHaveLength(1);
    expect(east.body.items[0]).toMatchObject({ id: keys[w.sales.east!], saleId: w.sales.east });
    const westAll = await s.call('GET', '/v1/keys', { token: w.west.manager.token });
    expect(westAll.body.items).toHaveLength(2);
    expect(westAll.body.items.every((k: { saleId: string }) => k.saleId === w.sales.west)).toBe(true);
    expect((await s.call('GET', `/v1/keys?userEmail=${encodeURIComponent(ada)}&saleId=${w.sales.west}`, { token: w.east.manager.token })).body.items).toEqual([]);

    const csv = await s.call('GET', `/v1/keys?userEmail=${encodeURIComponent(ada)}`, { headers: { accept: 'text/csv' } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="keys.csv"');
    const { rows } = parseCsv(csv.body);
    expect(rows).toHaveLength(3);
    expect(rows[0]!.fields).toEqual(['id', 'key', 'userEmail', 'distributionId', 'issuedAt', 'expiresAt', 'status', 'renewals', 'revokedAt', 'revocationReason', 'saleId']);
    expect(rows.slice(1).map((r) => r.fields[10]).sort()).toEqual([w.sales.east, w.sales.west].sort());
  });

  it('answers an empty list to a manager of another organization, and refuses a malformed filter', async () => {
    const elsewhere = await s.organization({ name: unique('Elsewhere') });
    const stranger = await s.userWithToken({ role: 'manager', organizationId: elsewhere });
    const res = await s.call('GET', '/v1/keys', { token: stranger.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], nextCursor: null });
    const bad = await s.call('GET', '/v1/keys?saleId=not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });
});
