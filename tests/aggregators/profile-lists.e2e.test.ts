import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { suiteStack } from '../support/suite';
import { unique } from '../support/unique';
import { profile, studioWorld, waitForAggregator } from './world';

// The profiles of an aggregator and their contracts, as lists and as CSV exports.

describe("an aggregator's profiles and contracts as lists and exports", () => {
  const { s, w } = suiteStack({}, studioWorld);

  it('exports the aggregator\'s profiles and a profile\'s contracts as CSV, and pages them as JSON', async () => {
    const assigned = await s.call('PUT', `/v1/aggregators/${w.aggregatorId}/tariff`, { token: w.manager.token, body: { tariffId: w.freeTariffId } });
    expect(assigned.status).toBe(202);
    await waitForAggregator(s, w.aggregatorId, (a) => a.state === 'done');
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await profile(s, { organizationId: w.organizationId, aggregatorId: w.aggregatorId, name: `Member ${i}` }, w.manager.token);
      expect(res.status).toBe(201);
      made.push(res.body.id);
    }
    await profile(s, { organizationId: w.organizationId, name: 'Walk-in', status: 'member' }, w.manager.token);

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: any } = await s.call('GET', `/v1/profiles?aggregatorId=${w.aggregatorId}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: w.manager.token });
      expect(res.status).toBe(200);
      pages.push(res.body.items.map((p: any) => p.id));
      cursor = res.body.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages).toHaveLength(2);
    expect(pages.flat().sort()).toEqual([...made].sort());

    const csv = await s.call('GET', `/v1/profiles?aggregatorId=${w.aggregatorId}`, { token: w.manager.token, headers: { accept: 'text/csv' } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const profiles = parseCsv(csv.body).rows;
    const header = profiles[0]!.fields;
    expect(header).toContain('email');
    expect(profiles.slice(1).map((r) => r.fields[header.indexOf('id')]).sort()).toEqual([...made].sort());

    const contracts = await s.call('GET', `/v1/profiles/${made[0]}/contracts`, { token: w.manager.token, headers: { accept: 'text/csv' } });
    expect(contracts.status).toBe(200);
    expect(contracts.headers.get('content-disposition')).toBe(`attachment; filename="profile-${made[0]}-contracts.csv"`);
    const rows = parseCsv(contracts.body).rows;
    expect(rows[0]!.fields).toEqual(['id', 'profileId', 'tariffId', 'tariffName', 'paymentFrequency', 'services', 'source', 'aggregatorId', 'status',
      'startedAt', 'terminatedAt', 'terminationReason']);
    expect(rows).toHaveLength(2);
    const contract = Object.fromEntries(rows[0]!.fields.map((f, i) => [f, rows[1]!.fields[i]]));
    expect(contract).toMatchObject({ profileId: made[0], tariffId: w.freeTariffId, status: 'active', source: 'aggregator', aggregatorId: w.aggregatorId });
    expect(JSON.parse(contract.services!)).toHaveLength(3);
  });

  it("is not found for a manager outside the studio", async () => {
    const [p] = (await s.call('GET', `/v1/profiles?aggregatorId=${w.aggregatorId}&limit=1`, { token: w.manager.token })).body.items;
    const elsewhere = await s.organization({ name: unique('Elsewhere') });
    const stranger = await s.userWithToken({ role: 'manager', organizationId: elsewhere });
    const res = await s.call('GET', `/v1/profiles/${p.id}/contracts`, { token: stranger.token, headers: { accept: 'text/csv' } });
    expect(res.status).toBe(404);
    const theirs = await s.call('GET', `/v1/profiles?aggregatorId=${w.aggregatorId}`, { token: stranger.token, headers: { accept: 'text/csv' } });
    expect(parseCsv(theirs.body).rows).toHaveLength(1);
  });
});
