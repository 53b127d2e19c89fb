import { describe, expect, it } from 'vitest';
import { EUR_BANDS, partnerSuite, partnerWorld } from './world';

describe('price lists and quotes', () => {
  const { s, w } = partnerSuite({}, { worker: false });

  const create = (body: Record<string, unknown>) => s.call('POST', `/v1/assessments/${w.assessmentId}/price-lists`, { body: { name: 'P', validFrom: '2027-01-01', ...body } });

  it('stores a window, currencies and volume bands, and reads them back', async () => {
    const res = await create({ validTo: '2027-12-31', currencies: { EUR: EUR_BANDS, CHF: [{ upTo: null, unitAmount: 950 }] } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ assessmentId: w.assessmentId, validFrom: '2027-01-01', validTo: '2027-12-31', tiersMode: 'volume', currencies: { EUR: EUR_BANDS } });
    expect((await s.call('GET', `/v1/price-lists/${res.body.id}`)).body).toEqual(res.body);
  });

  it.each([
    ['overlapping bands', { EUR: [{ upTo: 100, unitAmount: 5 }, { upTo: 50, unitAmount: 4 }, { upTo: null, unitAmount: 3 }] }, 'currencies.EUR'],
    ['no open-ended last band', { EUR: [{ upTo: 100, unitAmount: 5 }] }, 'currencies.EUR'],
    ['a zero amount', { EUR: [{ upTo: null, unitAmount: 0 }] }, 'currencies.EUR.0.unitAmount'],
    ['a fractional amount', { EUR: [{ upTo: null, unitAmount: 9.99 }] }, 'currencies.EUR.0.unitAmount'],
    ['a lower-case currency', { eur: [{ upTo: null, unitAmount: 5 }] }, 'currencies.eur'],
    ['no currency', {}, 'currencies'],
  ])('refuses %s naming the field', async (_label, currencies, path) => {
    const res = await create({ currencies });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('refuses a window that ends before it starts', async () => {
    const res = await create({ validFrom: '2027-06-01', validTo: '2027-05-31', currencies: { EUR: EUR_BANDS } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('validTo');
  });

  it('quotes quantity × the band price, on the window\'s inclusive edges, and refuses outside it', async () => {
    const list = (await create({ validTo: '2027-12-31', currencies: { EUR: EUR_BANDS } })).body;
    const q = await s.call('GET', `/v1/price-lists/${list.id}/quote?quantity=100&currency=eur&date=2027-12-31`);
    expect(q.body).toEqual({ quantity: 100, currency: 'EUR', unitAmount: 800, amount: 80_000, priceListId: list.id, band: { index: 1, from: 100, upTo: 499, unitAmount: 800 }, tiersMode: 'volume' });
    expect((await s.call('GET', `/v1/price-lists/${list.id}/quote?quantity=99&currency=EUR&date=2027-01-01`)).body.amount).toBe(99_000);
    for (const date of ['2026-12-31', '2028-01-01']) {
      const out = await s.call('GET', `/v1/price-lists/${list.id}/quote?quantity=1&currency=EUR&date=${date}`);
      expect(out.status).toBe(409);
      expect(out.body.code).toBe('NO_VALID_PRICE');
    }
    expect((await s.call('GET', `/v1/price-lists/${list.id}/quote?quantity=1&currency=USD&date=2027-03-01`)).body.code).toBe('NO_VALID_PRICE');
    expect((await s.call('GET', `/v1/price-lists/${list.id}/quote?quantity=0&currency=EUR`)).status).toBe(400);
  });

  it('prices graduated tiers unit by unit when asked', async () => {
    const list = (await create({ tiersMode: 'graduated', currencies: { EUR: EUR_BANDS } })).body;
    const q = await s.call('GET', `/v1/price-lists/${list.id}/quote?quantity=100&currency=EUR&date=2027-02-01`);
    expect(q.body.amount).toBe(99 * 1000 + 800);
  });

  it('links one price list per organization and assessment, of that assessment only, admin only', async () => {
    const other = await s.call('POST', '/v1/assessments', { body: { name: 'Other' } });
    const foreignList = await s.call('POST', `/v1/assessments/${other.body.id}/price-lists`, { body: { name: 'F', validFrom: '2027-01-01', currencies: { EUR: EUR_BANDS } } });
    const wrong = await s.call('PUT', `/v1/organizations/${w.organizationId}/price-lists/${w.assessmentId}`, { body: { priceListId: foreignList.body.id } });
    expect(wrong.status).toBe(422);
    const byManager = await s.call('PUT', `/v1/organizations/${w.organizationId}/price-lists/${w.assessmentId}`, { token: w.manager.token, body: { priceListId: w.priceListId } });
    expect(byManager.status).toBe(403);
    const [link] = await s.sql`select price_list_id from organization_price_lists where organization_id = ${w.organizationId}`;
    expect(link!.priceListId).toBe(w.priceListId);
  });

  it('shows managers the price list of their organization, not others\'', async () => {
    expect((await s.call('GET', `/v1/price-lists/${w.priceListId}`, { token: w.manager.token })).status).toBe(200);
    const stranger = await partnerWorld(s);
    expect((await s.call('GET', `/v1/price-lists/${w.priceListId}`, { token: stranger.manager.token })).status).toBe(404);
    expect((await s.call('GET', '/v1/assessments', { token: stranger.manager.token })).body.items.map((a: { id: string }) => a.id)).toEqual([stranger.assessmentId]);
  });
});
