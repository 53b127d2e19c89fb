// `npm run tools -- stripe-pay <purchaseId>` (docs/allotments.md, "Paying locally"), run as a reader
// runs it: a child process against the API, signing with the webhook secret.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/tools/paths';
import { WEBHOOK_SECRET } from '../support/stack';
import { allocatedUnits, ledger, partnerSuite, waitFor } from './world';

const run = promisify(execFile);

describe('npm run tools -- stripe-pay', () => {
  const { s, w } = partnerSuite({}, { publicBaseUrl: 'https://partners.example' });

  const buy = async (body: Record<string, unknown> = {}) => {
    const res = await s.call('POST', '/v1/allotments/purchases', { token: w.manager.token, body: { organizationId: w.organizationId, assessmentId: w.assessmentId, currency: 'EUR', quantity: 100, ...body } });
    expect(res.status).toBe(201);
    return res.body as { id: string; status: string };
  };
  const stripePay = async (args: string[], env: Record<string, string> = {}) => {
    try {
      const { stdout } = await run('npm', ['run', '--silent', 'tools', '--', 'stripe-pay', ...args], {
        cwd: projectRoot, env: { ...process.env, API: s.baseUrl, TOKEN: w.manager.token, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, ...env },
        timeout: 120_000,
      });
      return { code: 0, stdout };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout + e.stderr };
    }
  };
  const purchase = (id: string) => s.call('GET', `/v1/allotments/purchases/${id}`, { token: w.manager.token });

  it('pays a purchase with its own PaymentIntent, amount and currency: applied, then duplicate; the units are allocated once', { timeout: 300_000 }, async () => {
    const before = await allocatedUnits(s, w.organizationId, w.assessmentId);
    const p = await buy();
    const first = await stripePay([p.id]);
    expect(first.code, first.stdout).toBe(0);
    expect(first.stdout).toContain('payment_intent.succeeded');
    expect(first.stdout).toContain('→ 200 {"received":true,"result":"applied"}');
    expect(first.stdout).toContain(`purchase ${p.id}: paid`);
    await waitFor(() => allocatedUnits(s, w.organizationId, w.assessmentId), (n) => n === before + 100);

    const again = await stripePay([p.id]);
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toContain('→ 200 {"received":true,"result":"duplicate"}');
    expect((await ledger(s, w.organizationId, w.assessmentId)).allocated).toBe(before + 100);
  });

  it('pays a Checkout purchase with its own session', { timeout: 300_000 }, async () => {
    const p = await buy({ checkout: true, quantity: 10 });
    const paid = await stripePay([p.id]);
    expect(paid.code, paid.stdout).toBe(0);
    expect(paid.stdout).toContain('checkout.session.completed');
    expect(paid.stdout).toContain('"result":"applied"');
    expect((await waitFor(() => purchase(p.id), (r) => r.body.status === 'paid')).body.status).toBe('paid');
  });

  it('with another amount shows the mismatch case: nothing is allocated, the purchase says payment_mismatch', { timeout: 300_000 }, async () => {
    const p = await buy({ quantity: 20 });
    const wrong = await stripePay([p.id, '--amount', '1']);
    expect(wrong.code, wrong.stdout).toBe(0);
    expect(wrong.stdout).toContain(`purchase ${p.id}: payment_mismatch`);
    const now = (await purchase(p.id)).body;
    expect(now.status).toBe('payment_mismatch');
    expect(now.paymentMismatches).toHaveLength(1);
    expect(now.paymentMismatches[0]).toMatchObject({ eventType: 'payment_intent.succeeded', reasons: ['amount'], amount: { amount: 1, currency: 'EUR' } });
  });

  it('refuses without the secret, and names a purchase it cannot read', { timeout: 300_000 }, async () => {
    const noSecret = await stripePay(['00000000-0000-4000-8000-000000000000'], { STRIPE_WEBHOOK_SECRET: '' });
    expect(noSecret.code).toBe(2);
    expect(noSecret.stdout).toContain('set STRIPE_WEBHOOK_SECRET');
    const unknown = await stripePay(['00000000-0000-4000-8000-000000000000']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('→ 404');
  });
});
