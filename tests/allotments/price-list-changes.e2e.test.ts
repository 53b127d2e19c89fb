import { describe, expect, it } from 'vitest';
import { todayUtc } from '../../src/domain/sales/dates';
import { unique } from '../support/unique';
import { partnerSuite } from './world';

// Price lists after the fact (issue 13): a successor that starts the day after a list ends, the
// organization's link following the dates so quotes never fall into a gap, and edits of a list a
// purchase used making a new version instead.

const day = (offset: number) => {
  const d = new Date(`${todayUtc(new Date())}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};
const EUR = (unitAmount: number) => ({ EUR: [{ upTo: null, unitAmount }] });

describe('price list successors and versions', () => {
  const { s, w } = partnerSuite();

  /** A list of the world's assessment, linked to a new organization with a manager. */
  async function linkedList(validTo: string | null, unitAmount = 1000) {
    const list = await s.call('POST', `/v1/assessments/${w.assessmentId}/price-lists`, {
      body: { name: unique('Prices'), validFrom: '2021-01-01', validTo, currencies: EUR(unitAmount) },
    });
    expect(list.status).toBe(201);
    const organizationId = await s.organization({ name: unique('Buyer'), responseAllotment: 'can_be_purchased' });
    expect((await s.call('PUT', `/v1/organizations/${organizationId}/price-lists/${w.assessmentId}`, { body: { priceListId: list.body.id } })).status).toBe(200);
    const manager = await s.userWithToken({ role: 'manager', organizationId, assessmentIds: [w.assessmentId] });
    return { list: list.body, organizationId, manager };
  }
  const grant = (organizationId: string, quantity = 3) =>
    s.call('POST', '/v1/allotments/purchases', { body: { organizationId, assessmentId: w.assessmentId, quantity, currency: 'EUR', paymentMethod: 'manual' } });
  const buy = (organizationId: string, token: string) =>
    s.call('POST', '/v1/allotments/purchases', { token, body: { organizationId, assessmentId: w.assessmentId, quantity: 2, currency: 'EUR' } });

  it('quotes from the successor the day after a list ends, so purchases never fall into a gap', async () => {
    const { list, organizationId, manager } = await linkedList(day(-1));
    const gap = await buy(organizationId, manager.token);
    expect(gap.status).toBe(409);
    expect(gap.body.code).toBe('NO_VALID_PRICE');

    const next = await s.call('POST', `/v1/price-lists/${list.id}/successor`, { body: { name: 'Next prices', currencies: EUR(900) } });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ validFrom: day(0), validTo: null, version: 1, successorId: null });
    expect((await s.call('GET', `/v1/price-lists/${list.id}`)).body.successorId).toBe(next.body.id);

    const bought = await buy(organizationId, manager.token);
    expect(bought.status).toBe(201);
    expect(bought.body).toMatchObject({ priceListId: next.body.id, unitAmount: { amount: 900, currency: 'EUR' }, amount: { amount: 1800, currency: 'EUR' } });
    // The manager sees the list their organization is now quoted from.
    expect((await s.call('GET', `/v1/price-lists/${next.body.id}`, { token: manager.token })).status).toBe(200);
    // Before the successor's first day, the old list still prices.
    const before = await s.call('GET', `/v1/price-lists/${list.id}/quote?quantity=1&currency=EUR&date=${day(-1)}`, { token: manager.token });
    expect(before.body.unitAmount).toBe(1000);
  });

  it('refuses a second successor, a list without an end, and any start but the day after', async () => {
    const { list } = await linkedList(day(30));
    const wrongDay = await s.call('POST', `/v1/price-lists/${list.id}/successor`, { body: { name: 'Late', validFrom: day(40), currencies: EUR(900) } });
    expect(wrongDay.status).toBe(400);
    expect(wrongDay.body.errors[0].path).toBe('validFrom');
    const first = await s.call('POST', `/v1/price-lists/${list.id}/successor`, { body: { name: 'Next', validFrom: day(31), currencies: EUR(900) } });
    expect(first.status).toBe(201);
    const second = await s.call('POST', `/v1/price-lists/${list.id}/successor`, { body: { name: 'Again', currencies: EUR(800) } });
    expect(second.status).toBe(409);
    expect(second.body.successorId).toBe(first.body.id);
    const open = await s.call('POST', `/v1/price-lists/${first.body.id}/successor`, { body: { name: 'After', currencies: EUR(800) } });
    expect(open.status).toBe(409);
    expect(open.body.detail).toMatch(/validTo/);
    // The dates that join them stay.
    const moveEnd = await s.call('PATCH', `/v1/price-lists/${list.id}`, { body: { validTo: day(35) } });
    expect(moveEnd.status).toBe(400);
    expect(moveEnd.body.errors[0].path).toBe('validTo');
    const moveStart = await s.call('PATCH', `/v1/price-lists/${first.body.id}`, { body: { validFrom: day(32) } });
    expect(moveStart.status).toBe(400);
    expect(moveStart.body.errors[0].path).toBe('validFrom');
    expect((await s.call('GET', `/v1/price-lists/${list.id}`)).body.validTo).toBe(day(30));
    expect((await s.call('GET', `/v1/price-lists/${first.body.id}`)).body.validFrom).toBe(day(31));
    // A manager may do none of it.
    const { manager } = await linkedList(null);
    expect((await s.call('PATCH', `/v1/price-lists/${list.id}`, { token: manager.token, body: { name: 'Mine' } })).status).toBe(403);
    expect((await s.call('POST', `/v1/price-lists/${list.id}/successor`, { token: manager.token, body: { name: 'Mine', currencies: EUR(1) } })).status).toBe(403);
  });

  it('edits an unused list in place, and makes a new version of a used one that takes its place', async () => {
    const { list, organizationId } = await linkedList(day(60), 1000);
    const next = (await s.call('POST', `/v1/price-lists/${list.id}/successor`, { body: { name: 'Next', currencies: EUR(900) } })).body;

    const inPlace = await s.call('PATCH', `/v1/price-lists/${list.id}`, { body: { currencies: EUR(1100) } });
    expect(inPlace.status).toBe(200);
    expect(inPlace.body).toMatchObject({ id: list.id, version: 1, currencies: EUR(1100), successorId: next.id });

    const granted = await grant(organizationId);
    expect(granted.body).toMatchObject({ priceListId: list.id, unitAmount: { amount: 1100 } });

    const versioned = await s.call('PATCH', `/v1/price-lists/${list.id}`, { body: { name: 'Corrected prices', currencies: EUR(1050) } });
    expect(versioned.status).toBe(201);
    const v2 = versioned.body;
    expect(v2.id).not.toBe(list.id);
    expect(v2).toMatchObject({ version: 2, replacesId: list.id, name: 'Corrected prices', currencies: EUR(1050), validFrom: list.validFrom, validTo: list.validTo, successorId: next.id });

    // The purchase keeps the terms it was priced with; the old version says who replaced it and changes no more.
    const old = await s.call('GET', `/v1/price-lists/${list.id}`);
    expect(old.body).toMatchObject({ currencies: EUR(1100), replacedById: v2.id, successorId: null });
    const again = await s.call('PATCH', `/v1/price-lists/${list.id}`, { body: { name: 'Twice' } });
    expect(again.status).toBe(409);
    expect(again.body.replacedById).toBe(v2.id);
    await expect(s.sql`update price_lists set currencies = ${s.sql.json(EUR(1) as never)} where id = ${list.id}`).rejects.toThrow(/used for a purchase/);

    // The organization's link moved to the new version, whose successor is the old one's.
    expect((await grant(organizationId)).body).toMatchObject({ priceListId: v2.id, unitAmount: { amount: 1050 } });
    const [link] = await s.sql`select price_list_id from organization_price_lists where organization_id = ${organizationId}`;
    expect(link!.priceListId).toBe(v2.id);

    // A patch that changes nothing makes nothing.
    const same = await s.call('PATCH', `/v1/price-lists/${v2.id}`, { body: { name: 'Corrected prices' } });
    expect(same.status).toBe(200);
    expect(same.body.id).toBe(v2.id);
    const actions = (await s.call('GET', `/v1/audit?entity=price_list&id=${list.id}`)).body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['create', 'set_successor', 'update', 'replaced']);
  });
});
