import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv';
import { suiteStack } from '../support/suite';
import { activeCampaign, groupWorld, redeem } from './world';

// GET /v1/campaigns/{id}/codes: the CSV export it always was (the default), and the same codes as
// a list of JSON pages, filtered by whether they were redeemed.

describe("a campaign's unique codes as CSV or as a list", () => {
  const { s, w } = suiteStack({}, (s) => groupWorld(s));

  it('keeps the CSV contract, pages the codes as JSON in the order they were made, and filters redeemed from unredeemed', async () => {
    const campaign = await activeCampaign(s, w.groupId, { mode: 'unique', count: 5 });
    const csv = await s.call('GET', `/v1/campaigns/${campaign.id}/codes`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="campaign-${campaign.id}-codes.csv"`);
    const { rows } = parseCsv(csv.body);
    expect(rows[0]!.fields).toEqual(['code', 'maxRedemptions', 'redemptions']);
    const codes = rows.slice(1).map((r) => r.fields[0]!);
    expect(codes).toHaveLength(5);

    const json = { accept: 'application/json' };
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: any } = await s.call('GET', `/v1/campaigns/${campaign.id}/codes?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: json });
      expect(res.status).toBe(200);
      pages.push(res.body.items.map((c: any) => c.code));
      cursor = res.body.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages).toEqual([codes.slice(0, 2), codes.slice(2, 4), codes.slice(4)]);

    expect((await redeem(s, codes[1]!, 'one@xyz.example')).status).toBe(201);
    expect((await redeem(s, codes[3]!, 'two@xyz.example')).status).toBe(201);
    const redeemed = await s.call('GET', `/v1/campaigns/${campaign.id}/codes?redeemed=true`, { headers: json });
    expect(redeemed.body.items).toEqual([
      { n: 2, code: codes[1], maxRedemptions: 1, redemptions: 1 },
      { n: 4, code: codes[3], maxRedemptions: 1, redemptions: 1 },
    ]);
    const unredeemed = await s.call('GET', `/v1/campaigns/${campaign.id}/codes?redeemed=false`, { headers: json });
    expect(unredeemed.body.items.map((c: any) => c.code)).toEqual([codes[0], codes[2], codes[4]]);
    // The filter applies to the CSV too.
    const unredeemedCsv = await s.call('GET', `/v1/campaigns/${campaign.id}/codes?redeemed=false`);
    expect(parseCsv(unredeemedCsv.body).rows.slice(1).map((r) => r.fields.join(','))).toEqual([`${codes[0]},1,0`, `${codes[2]},1,0`, `${codes[4]},1,0`]);
  });

  it('is not found for a manager outside the campaign\'s organization', async () => {
    const campaign = await activeCampaign(s, w.groupId, { mode: 'unique', count: 1 });
    const elsewhere = await s.organization({ name: 'Elsewhere' });
    const stranger = await s.userWithToken({ role: 'manager', organizationId: elsewhere });
    const res = await s.call('GET', `/v1/campaigns/${campaign.id}/codes`, { token: stranger.token, headers: { accept: 'application/json' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
