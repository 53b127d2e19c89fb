import { describe, expect, it } from 'vitest';
import { readMail } from '../support/mail';
import { uniqueEmail } from '../support/unique';
import { partnerSuite, waitFor } from './world';

// The reminder goes reminderDaysBeforeExpiry (2) days before a response expires: with the default
// 14-day expiry, on day 12. The real durations pass on the time-skipping test server.
describe('the invitation reminder over real calendar time', () => {
  const { s, w } = partnerSuite({ grant: 10 }, { timeSkipping: true, perTest: true });

  const invite = async (prefix: string) => {
    const patched = await s.call('PATCH', `/v1/assessments/${w.assessmentId}`, { body: { invitationUrlTemplate: 'https://assess.example/start/{token}' } });
    expect(patched.status).toBe(200);
    const email = uniqueEmail(prefix);
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, { token: w.manager.token, body: { organizationId: w.organizationId, respondent: { email, name: 'Grace Hopper' } } });
    expect(res.status).toBe(201);
    await waitFor(async () => mailsTo(email), (l) => l.length === 1, { what: 'the invitation', timeoutMs: 40_000 });
    return { email, id: res.body.id as string, expiresAt: res.body.expiresAt as string };
  };
  const mailsTo = (email: string) => s.smtp.to(email).map((m) => readMail(m.raw));
  const reminderId = (id: string, expiresAt: string) => `<response-${id}.reminder-${new Date(expiresAt).toISOString()}@partnerflow>`;

  it('a 14-day response gets its reminder on day 12, with a working link, and nothing more', async () => {
    const r = await invite('reminded');
    await s.env!.sleep('11 days');
    expect(mailsTo(r.email)).toHaveLength(1);
    await s.env!.sleep('25 hours');
    const mails = await waitFor(async () => mailsTo(r.email), (l) => l.length === 2, { what: 'the reminder', timeoutMs: 40_000 });
    expect(mails).toHaveLength(2);
    const reminder = mails[1]!;
    expect(reminder.messageId).toBe(reminderId(r.id, r.expiresAt));
    expect(reminder.subject).toMatch(/^Reminder: /);
    const token = /https:\/\/assess\.example\/start\/([A-Za-z0-9_-]+)/.exec(reminder.text!)?.[1];
    expect(token).toBeDefined();
    expect(reminder.html).toContain(`<a href="https://assess.example/start/${token}"`);
    const resolved = await s.call('GET', `/v1/public/invitations/${token}`, { token: null });
    expect(resolved.status).toBe(200);
    expect(resolved.body.id).toBe(r.id);
    await s.env!.sleep('3 days');
    expect(await waitFor(async () => (await s.call('GET', `/v1/responses/${r.id}`, { token: w.manager.token })).body.status, (st) => st === 'expired', { what: 'the expiry' })).toBe('expired');
    expect(mailsTo(r.email)).toHaveLength(2);
    const gone = await s.call('GET', `/v1/public/invitations/${token}`, { token: null });
    expect(gone.status).toBe(410);
    expect(gone.body.code).toBe('INVITATION_EXPIRED');
  });

  it('completed before day 12: no reminder ever', async () => {
    const r = await invite('finished');
    await s.env!.sleep('5 days');
    expect((await s.call('POST', `/v1/responses/${r.id}/complete`, { token: w.manager.token, body: {} })).status).toBe(200);
    await s.env!.sleep('30 days');
    const status = await s.call('GET', `/v1/responses/${r.id}`, { token: w.manager.token });
    expect(status.body.status).toBe('completed');
    expect(mailsTo(r.email)).toHaveLength(1);
  });

  it('an extension after the reminder brings a fresh reminder before the new expiry, never a duplicate', async () => {
    const r = await invite('extended');
    await s.env!.sleep('12 days');
    await s.env!.sleep('1 hour');
    await waitFor(async () => mailsTo(r.email), (l) => l.length === 2, { what: 'the first reminder', timeoutMs: 40_000 });
    const later = new Date(new Date(r.expiresAt).getTime() + 7 * 86_400_000).toISOString();
    expect((await s.call('POST', `/v1/responses/${r.id}/extend`, { token: w.manager.token, body: { expiresAt: later } })).status).toBe(200);
    await s.env!.sleep('6 days'); // day 18: the new reminder is due on day 19 (21 - 2)
    expect(mailsTo(r.email)).toHaveLength(2);
    await s.env!.sleep('25 hours');
    const mails = await waitFor(async () => mailsTo(r.email), (l) => l.length === 3, { what: 'the second reminder', timeoutMs: 40_000 });
    expect(mails.map((m) => m.messageId)).toEqual([`<response-${r.id}.invitation@partnerflow>`, reminderId(r.id, r.expiresAt), reminderId(r.id, later)]);
  });
});
