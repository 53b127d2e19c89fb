import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { routeTemporalLogs } from '../../src/temporal/runtime';
import { claim, codeMailedTo, redeem, verify } from '../groups/world';
import { WEBHOOK_SECRET } from '../support/stack';
import { suiteStack } from '../support/suite';
import { unique, uniqueEmail } from '../support/unique';
import { platformWorld } from './world';

// No secret at rest and none in the logs (docs/security.md): a full run with every kind of secret
// the platform hands out, the logger at debug level, then the whole log and every table searched.

const lines: string[] = [];
/** `value` as a whole word of `text` (a six-digit code is not "found" inside a timestamp). */
const contains = (text: string, value: string) =>
  new RegExp(`(?<![A-Za-z0-9_-])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_-])`).test(text);
const logger = createLogger('debug', { destination: new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }) });

describe('secrets', () => {
  const { s, w } = suiteStack({ logger }, async (stack) => {
    routeTemporalLogs(logger);
    return platformWorld(stack);
  });
  /** Every secret value the run produced, by what it is. */
  const secrets = new Map<string, string>();
  const keep = (what: string, value: unknown) => {
    expect(typeof value, what).toBe('string');
    secrets.set(what, value as string);
    return value as string;
  };

  it('a replayed token creation never hands the secret out again, even after revocation', async () => {
    const headers = { 'idempotency-key': unique('token') };
    const created = await s.call('POST', `/v1/users/${w.users.own.userId}/tokens`, { token: w.users.own.token, body: { name: 'ci' }, headers });
    expect(created.status).toBe(201);
    const token = keep('a new bearer token', created.body.token);
    expect((await s.call('GET', '/v1/settings', { token })).status).toBe(200);

    const replay = await s.call('POST', `/v1/users/${w.users.own.userId}/tokens`, { token: w.users.own.token, body: { name: 'ci' }, headers });
    expect(replay.status).toBe(409);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(replay.body).toMatchObject({ code: 'IDEMPOTENCY_SECRET_WITHHELD', id: created.body.id });
    expect(JSON.stringify(replay.body)).not.toContain(token);

    expect((await s.call('DELETE', `/v1/tokens/${created.body.id}`, { token: w.users.own.token })).status).toBe(204);
    const afterRevocation = await s.call('POST', `/v1/users/${w.users.own.userId}/tokens`, { token: w.users.own.token, body: { name: 'ci' }, headers });
    expect(afterRevocation.status).toBe(409);
    expect(JSON.stringify(afterRevocation.body)).not.toContain(token);
    // Reordered keys are the same request: it replays, it is not refused as another one.
    const other = await s.call('POST', `/v1/users/${w.users.own.userId}/tokens`, { token: w.users.own.token, raw: '{ "name" : "ci" }', headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY_SECRET_WITHHELD');
  });

  it('a replayed share link keeps its token to the first answer; the link works by its hash', async () => {
    const headers = { 'idempotency-key': unique('link') };
    const body = { organizationId: w.orgs.own };
    const created = await s.call('POST', `/v1/assessments/${w.ids.assessments}/share-links`, { token: w.users.own.token, body, headers });
    expect(created.status).toBe(201);
    const token = keep('a share-link token', created.body.token);
    const replay = await s.call('POST', `/v1/assessments/${w.ids.assessments}/share-links`, { token: w.users.own.token, body, headers });
    expect(replay.status).toBe(409);
    expect(replay.body).toMatchObject({ code: 'IDEMPOTENCY_SECRET_WITHHELD', id: created.body.id });
    expect(JSON.stringify(replay.body)).not.toContain(token);
    const responded = await s.call('POST', created.body.path, { token: null, body: { email: uniqueEmail('via-link'), name: 'Via Link' } });
    expect(responded.status).toBe(201);
  });

  it('a purchase answers its Stripe client secret from Stripe; a replay answers it as null', async () => {
    const headers = { 'idempotency-key': unique('purchase') };
    const body = { organizationId: w.orgs.own, assessmentId: w.ids.assessments, quantity: 3, currency: 'EUR' };
    const created = await s.call('POST', '/v1/allotments/purchases', { token: w.users.own.token, body, headers });
    expect(created.status).toBe(201);
    const secret = keep('a Stripe client secret', created.body.clientSecret);
    expect(secret).toMatch(/_secret_/);
    const replay = await s.call('POST', '/v1/allotments/purchases', { token: w.users.own.token, body, headers });
    expect(replay.status).toBe(201);
    expect(replay.body).toMatchObject({ id: created.body.id, clientSecret: null });
    const read = await s.call('GET', `/v1/allotments/purchases/${created.body.id}`, { token: w.users.own.token });
    expect(read.body.clientSecret).toBe(secret);
  });

  it('codes, keys and links used by the public', async () => {
    keep('the shared coupon code', w.code);
    expect((await redeem(s, w.code, `${unique('redeemer')}@xyz.example`)).status).toBe(201);
    keep('a licence key', w.licenceKey);
    expect((await s.call('GET', `/v1/public/keys/${w.licenceKey}`, { token: null })).status).toBe(200);
    const email = `${unique('claim')}@xyz.example`;
    const claimed = await claim(s, w.ids.groups, email);
    expect(claimed.status).toBe(202);
    const code = keep('an e-mail verification code', await codeMailedTo(s, email));
    expect((await verify(s, claimed.body.id, code)).status).toBe(201);
  });

  it('a webhook signing secret is shown once, at creation and at rotation; a replay withholds it', async () => {
    const headers = { 'idempotency-key': unique('endpoint') };
    const body = { url: 'http://127.0.0.1:9/secrets', events: ['purchase.expired'], organizationId: w.orgs.own };
    const created = await s.call('POST', '/v1/webhook-endpoints', { token: w.users.own.token, body, headers });
    expect(created.status).toBe(201);
    const secret = keep('a webhook signing secret', created.body.secret);
    // The key part alone must not be stored either.
    keep('a webhook signing secret (key part)', secret.slice('whsec_'.length));
    const replay = await s.call('POST', '/v1/webhook-endpoints', { token: w.users.own.token, body, headers });
    expect(replay.status).toBe(409);
    expect(replay.body).toMatchObject({ code: 'IDEMPOTENCY_SECRET_WITHHELD', id: created.body.id });
    expect(JSON.stringify(replay.body)).not.toContain(secret);
    const rotated = await s.call('POST', `/v1/webhook-endpoints/${created.body.id}/rotate-secret`, { token: w.users.own.token });
    expect(rotated.status).toBe(200);
    keep('a rotated webhook signing secret', rotated.body.secret);
    expect((await s.call('GET', `/v1/webhook-endpoints/${created.body.id}`, { token: w.users.own.token })).body).not.toHaveProperty('secret');
  });

  it('no secret appears in the logs of the whole run', async () => {
    keep('the admin token', s.adminToken);
    for (const [role, user] of Object.entries(w.users)) keep(`the ${role} manager's token`, user.token);
    keep('the world share-link token', w.shareToken);
    keep('the Stripe webhook secret', WEBHOOK_SECRET);
    keep('the Stripe API key', 'sk_test_partnerflow');
    const log = lines.join('');
    const found = [...secrets].filter(([, value]) => contains(log, value)).map(([what]) => what);
    expect(found).toEqual([]);
    // The run logged one line per request (and more): public paths by their route pattern.
    expect(lines.filter((l) => l.includes('"msg":"request"')).length).toBeGreaterThan(60);
    expect(lines.some((l) => l.includes('"path":"/v1/public/share-links/:token/responses"'))).toBe(true);
    expect(lines.some((l) => l.includes('"path":"/v1/public/keys/:key"'))).toBe(true);
  });

  it('no bearer token, share-link token, client secret or webhook signing secret is stored in any table', async () => {
    const tables = await s.sql<{ name: string }[]>`
      select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`;
    expect(tables.length).toBeGreaterThan(20);
    let dump = '';
    for (const { name } of tables) dump += (await s.sql.unsafe<{ row: string }[]>(`select t::text as row from "${name}" t`)).map((r) => r.row).join('\n');
    const atRest = [...secrets].filter(([what]) => /token|client secret|verification|signing secret/.test(what));
    expect(atRest.length).toBeGreaterThanOrEqual(11);
    expect(atRest.filter(([, value]) => contains(dump, value)).map(([what]) => what)).toEqual([]);
  });
});
