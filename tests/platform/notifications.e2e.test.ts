import { describe, expect, it } from 'vitest';
import { createMailActivities } from '../../activities/platform/mail';
import { createMailer } from '../../src/mail';
import { NotificationInProgress } from '../../src/platform/notifications';
import { readMail } from '../support/mail';
import { suiteStack } from '../support/suite';
import { unique, uniqueEmail } from '../support/unique';
import { waitFor } from '../support/wait';

/** The durable mail activity, as the worker runs it, on this file's database and SMTP listener. */
describe('notifications: sent once per notification id, with an HTML and a text part', () => {
  const { s } = suiteStack({ worker: false });
  const activities = () => createMailActivities(s.deps);
  const to = (email: string) => s.smtp.to(email);
  const code = (email: string, id: string) => ({
    id, to: email, template: 'access.code' as const,
    data: { name: 'Ann <Admin>', groupName: 'Rock & Roll', code: '123456', attempts: 5, expiresAt: '2027-01-01T00:00:00.000Z' },
  });

  it('sends a template as multipart/alternative, its Message-ID derived from the notification id', async () => {
    const email = uniqueEmail('ann');
    expect(await activities().sendNotification(code(email, `test-${email}.code`))).toBe('sent');
    const [received] = to(email);
    const mail = readMail(received!.raw);
    expect(mail.contentType).toMatch(/^multipart\/alternative/);
    expect(mail.messageId).toBe(`<test-${email}.code@partnerflow>`);
    expect(mail.subject).toBe('Your access code for Rock & Roll');
    expect(mail.text).toContain('Hello Ann <Admin>,');
    expect(mail.text).toContain('your code to join Rock & Roll is 123456');
    expect(mail.html).toContain('Hello Ann &lt;Admin&gt;,');
    expect(mail.html).toContain('your code to join Rock &amp; Roll is 123456');
  });

  it('running the activity again (a retry) delivers nothing more', async () => {
    const email = uniqueEmail('retry');
    const n = code(email, `test-${email}.code`);
    expect(await activities().sendNotification(n)).toBe('sent');
    expect(await activities().sendNotification(n)).toBe('already_sent');
    expect(await activities().sendNotification(n)).toBe('already_sent');
    expect(to(email)).toHaveLength(1);
  });

  it('an attempt while another is still in its SMTP transaction waits for it instead of sending', async () => {
    const email = uniqueEmail('held');
    const n = code(email, `test-${email}.code`);
    s.smtp.hold();
    let first: Promise<string> | undefined;
    try {
      first = activities().sendNotification(n);
      await waitFor(async () => s.smtp.waiting.filter((m) => m.to.includes(email)).length, (k) => k === 1, { what: 'the first send to reach the server' });
      await expect(activities().sendNotification(n)).rejects.toBeInstanceOf(NotificationInProgress);
    } finally {
      s.smtp.release();
    }
    expect(await first).toBe('sent');
    expect(await activities().sendNotification(n)).toBe('already_sent');
    expect(to(email)).toHaveLength(1);
  });

  it('a message the SMTP server never took is sent by the next attempt', async () => {
    const email = uniqueEmail('down');
    const n = code(email, `test-${email}.code`);
    const unreachable = createMailActivities({ ...s.deps, mail: createMailer({ smtpUrl: 'smtp://127.0.0.1:9', from: 'x <x@partnerflow.test>', dataDir: '.test-data' }) });
    await expect(unreachable.sendNotification(n)).rejects.toThrow();
    expect(to(email)).toHaveLength(0);
    expect(await activities().sendNotification(n)).toBe('sent');
    expect(to(email)).toHaveLength(1);
  });

  it('a sender that stopped inside its claim is replaced once the claim runs out, with the same Message-ID', async () => {
    const email = uniqueEmail('crash');
    const n = code(email, `test-${email}.code`);
    // What a worker killed between the SMTP answer and recording "sent" leaves behind.
    await s.sql`insert into notifications (id, recipient, template, message_id, status, claimed_until)
                values (${n.id}, ${email}, 'access.code', ${`<${n.id}@partnerflow>`}, 'sending', now() + interval '1 minute')`;
    await expect(activities().sendNotification(n)).rejects.toBeInstanceOf(NotificationInProgress);
    await s.sql`update notifications set claimed_until = now() - interval '1 second' where id = ${n.id}`;
    expect(await activities().sendNotification(n)).toBe('sent');
    expect(to(email).map((m) => readMail(m.raw).messageId)).toEqual([`<${n.id}@partnerflow>`]);
    expect(await activities().sendNotification(n)).toBe('already_sent');
  });

  it('a message rendered by a workflow (sendMail) is sent once by the id in its Message-ID, with an HTML part made from its text', async () => {
    const email = uniqueEmail('legacy');
    const mail = { to: email, subject: 'Sale approved: X', text: 'Hello Bo,\n\nyour sale "X" <1> has been approved.\n', messageId: `<sale-${unique('s')}.approved.u1@partnerflow>` };
    await activities().sendMail(mail);
    await activities().sendMail(mail);
    expect(to(email)).toHaveLength(1);
    const read = readMail(to(email)[0]!.raw);
    expect(read.messageId).toBe(mail.messageId);
    expect(read.text?.trim()).toBe(mail.text.trim());
    expect(read.html).toContain('your sale &quot;X&quot; &lt;1&gt; has been approved.');
  });

  it('a message without one of our Message-IDs has no identity to be sent once by: each send delivers it', async () => {
    const email = uniqueEmail('anon');
    const mail = { to: email, subject: 'Low balance', text: 'Hello,\n\n5 units left.\n' };
    await activities().sendMail(mail);
    await activities().sendMail(mail);
    expect(to(email)).toHaveLength(2);
    expect(readMail(to(email)[0]!.raw).html).toContain('5 units left.');
  });
});
