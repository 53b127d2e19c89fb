import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { grant, ledger, partnerWorld } from '../allotments/world';
import { activeCampaign, groupWorld, redeem } from '../groups/world';
import { freshRateWindow } from '../support/rate-window';
import type { ApiResult, TestStack } from '../support/stack';
import { suiteStack } from '../support/suite';

const LIMIT = loadConfig({}).RATE_LIMIT_FAILED_LOOKUPS_PER_MINUTE;

/** Runs `count` calls `width` at a time, in order of index; answers in index order. */
async function inWaves<T>(count: number, width: number, call: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await call(i);
      }
    }),
  );
  return out;
}

/** A client that retries a 503 (Temporal too loaded to start a workflow: nothing was done), as Retry-After says. */
async function retrying503(call: () => Promise<ApiResult>): Promise<ApiResult> {
  for (let tries = 0; ; tries++) {
    const res = await call();
    if (res.status !== 503 || tries >= 10) return res;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const shareLink = async (s: TestStack, w: { assessmentId: string; organizationId: string; manager: { token: string } }) => {
  const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/share-links`, { token: w.manager.token, body: { organizationId: w.organizationId } });
  expect(res.status).toBe(201);
  return res.body.token as string;
};

const respond = (s: TestStack, token: string, i: number, headers: Record<string, string> = {}) =>
  s.call('POST', `/v1/public/share-links/${token}/responses`, { token: null, body: { email: `pupil${i}@school.example`, name: `Pupil ${i}` }, headers });

describe('a share link on the default limits', () => {
  // No trusted proxy: every respondent is the one address the server sees, like a class behind a school's NAT.
  const { s, w } = suiteStack({}, (s) => partnerWorld(s, { grant: 200 }));

  it('serves a class of 200 from one address within a minute, then answers with the ledger, not a 429', { timeout: 240_000 }, async () => {
    const token = await shareLink(s, w);
    await freshRateWindow(s.sql, 45);
    const answers = await inWaves(200, 10, (i) => retrying503(() => respond(s, token, i)));
    expect(answers).toHaveLength(200);
    expect(answers.filter((a) => a.status !== 201).map((a) => `${a.status} ${a.body.code}`)).toEqual([]);
    expect(await ledger(s, w.organizationId, w.assessmentId)).toMatchObject({ allocated: 200, unexpired: 200, available: 0 });
    const late = await respond(s, token, 200);
    expect(`${late.status} ${late.body.code}`).toBe('409 ALLOTMENT_EXHAUSTED');
  });
});

describe('codes on the default limits', () => {
  // Redeemers come through a proxy the server trusts; each test speaks for the addresses it names.
  const { s, w } = suiteStack({ trustedProxies: ['127.0.0.1'] }, (s) => groupWorld(s, { usersAmount: 1500 }));
  const office = (ip: string) => ({ 'x-forwarded-for': ip });

  it('lets 50 colleagues behind one office address redeem the shared code sold for 50 within a minute', { timeout: 240_000 }, async () => {
    const campaign = await activeCampaign(s, w.groupId, { mode: 'shared', code: 'FIFTYSEATS', maxRedemptions: 50 });
    await freshRateWindow(s.sql, 45);
    const answers = await inWaves(50, 10, (i) => retrying503(() => redeem(s, 'FIFTYSEATS', `colleague${i}@xyz.example`, office('203.0.113.10'))));
    expect(answers).toHaveLength(50);
    expect(answers.filter((a) => a.status !== 201).map((a) => `${a.status} ${a.body.code}`)).toEqual([]);
    expect((await s.call('GET', `/v1/campaigns/${campaign.id}`)).body.redemptions).toBe(50);
    const fiftyFirst = await redeem(s, 'FIFTYSEATS', 'late@xyz.example', office('203.0.113.10'));
    expect(`${fiftyFirst.status} ${fiftyFirst.body.code}`).toBe('409 CODE_EXHAUSTED');
  });

  it('throttles 30 unknown codes a minute from one address, and only that address', async () => {
    await activeCampaign(s, w.groupId, { mode: 'shared', code: 'REALCODE', maxRedemptions: 10 });
    await freshRateWindow(s.sql);
    const answers = [];
    for (let i = 0; i < 30; i++) answers.push(await redeem(s, `GUESS${i}XYZ`, `guesser${i}@evil.example`, office('203.0.113.66')));
    expect(answers.map((a) => a.status)).toEqual([...Array(LIMIT).fill(404), ...Array(30 - LIMIT).fill(429)]);
    const refused = answers.at(-1)!;
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.code).toBe('RATE_LIMITED');
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refused.body.retryAfter).toBe(wait);

    // Meanwhile a real code from that address is refused too (a guess must not be told from a hit) …
    expect((await redeem(s, 'REALCODE', 'guesser@evil.example', office('203.0.113.66'))).status).toBe(429);
    // … while every other address is served as usual.
    expect((await redeem(s, 'NOSUCHCODE', 'typo@xyz.example', office('203.0.113.67'))).status).toBe(404);
    expect((await redeem(s, 'REALCODE', 'ok@xyz.example', office('203.0.113.67'))).status).toBe(201);
  });

  it('counts in the database: a second API instance on the same database sees the same numbers', async () => {
    const second = await s.startApi();
    try {
      const viaSecond = (code: string, ip: string) =>
        fetch(`${second.baseUrl}/v1/public/redemptions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...office(ip) },
          body: JSON.stringify({ code, email: 'who@evil.example', name: 'Who' }),
        });
      await freshRateWindow(s.sql);
      const half = Math.ceil(LIMIT / 2);
      for (let i = 0; i < half; i++) expect((await redeem(s, `FIRST${i}XYZ`, 'who@evil.example', office('203.0.113.90'))).status).toBe(404);
      for (let i = half; i < LIMIT; i++) expect((await viaSecond(`SECOND${i}XYZ`, '203.0.113.90')).status).toBe(404);
      // Neither instance alone saw the limit; together they did, and both refuse.
      expect((await redeem(s, 'ANOTHERXYZ', 'who@evil.example', office('203.0.113.90'))).status).toBe(429);
      const onSecond = await viaSecond('ANOTHERXYZ', '203.0.113.90');
      expect(onSecond.status).toBe(429);
      expect(((await onSecond.json()) as { code: string }).code).toBe('RATE_LIMITED');
    } finally {
      await second.http.close();
    }
  });
});

describe('limits sized by what a link or code allows, on a small base', () => {
  const BASE = 3;
  const { s, w } = suiteStack({ trustedProxies: ['127.0.0.1'], rateLimits: { usesPerMinute: BASE } }, async (s) => ({
    partner: await partnerWorld(s, { grant: 2 }),
    group: await groupWorld(s, { usersAmount: 1500 }),
  }));

  it('a code serves at least what it was sold for in a minute, whatever the base; past that it waits', { timeout: 180_000 }, async () => {
    await activeCampaign(s, w.group.groupId, { mode: 'shared', code: 'SIXSEATS', maxRedemptions: 6 });
    await freshRateWindow(s.sql);
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await redeem(s, 'SIXSEATS', `team${i}@xyz.example`, { 'x-forwarded-for': '192.0.2.10' }));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201, 429]);
    expect(answers.at(-1)!.body.code).toBe('RATE_LIMITED');
  });

  it('a share link is limited per link, from every address alike', async () => {
    const token = await shareLink(s, w.partner);
    await freshRateWindow(s.sql);
    // Five respondents from five addresses: two units, then the ledger's answer up to the base, then the limit.
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await respond(s, token, i, { 'x-forwarded-for': `192.0.2.${20 + i}` }));
    expect(answers.map((a) => `${a.status} ${a.body.code ?? ''}`.trim())).toEqual(['201', '201', '409 ALLOTMENT_EXHAUSTED', '429 RATE_LIMITED', '429 RATE_LIMITED']);
    // A new allotment raises what the link allows at once.
    await grant(s, w.partner.organizationId, w.partner.assessmentId, 10);
    expect((await respond(s, token, 5, { 'x-forwarded-for': '192.0.2.30' })).status).toBe(201);
  });
});
