import { describe, expect, it } from 'vitest';
import { readMail } from '../support/mail';
import { uniqueEmail } from '../support/unique';
import { partnerSuite, waitFor } from './world';

const TEMPLATE = 'https://assess.example/start/{token}';

describe('the respondent invitation e-mail', () => {
  const { s, w } = partnerSuite({ grant: 10 });
  const mailsTo = (email: string) => s.smtp.to(email);
  const linkIn = (text: string) => /https:\/\/assess\.example\/start\/([A-Za-z0-9_-]+)/.exec(text)?.[1];

  it('refuses a template that is not an http(s) URL with exactly one {token} (422), changing nothing', async () => {
    for (const bad of ['ftp://assess.example/{token}', 'https://assess.example/start', 'https://assess.example/{token}/{token}', 'not a url {token}']) {
      const res = await s.call('PATCH', `/v1/assessments/${w.assessmentId}`, { body: { invitationUrlTemplate: bad } });
      expect(res.status, bad).toBe(422);
      expect(res.body.code).toBe('UNPROCESSABLE');
    }
    const created = await s.call('POST', '/v1/assessments', { body: { name: 'Broken template', invitationUrlTemplate: 'https://x.example/none' } });
    expect(created.status).toBe(422);
    const read = await s.call('GET', `/v1/assessments/${w.assessmentId}`);
    expect(read.body).toMatchObject({ invitationUrlTemplate: null, reminderDaysBeforeExpiry: 2 });
  });

  /**
   * What the response workflow did about its invitation e-mail, once it waits for the expiry (its
   * first timer, read from its history): the e-mail step's answer, or 'skipped' when the first
   * step found nothing to mail and no e-mail step ran at all.
   */
  async function invitationOutcome(responseId: string): Promise<string> {
    const events = await waitFor(
      async () => {
        // The workflow starts right after the response's commit (its hand-off): until then it is not found.
        const history = await s.client.workflow
          .getHandle(`response-${responseId}`)
          .fetchHistory()
          .catch((err: { code?: number }) => {
            if (err.code === 5) return undefined;
            throw err;
          });
        return history?.events ?? [];
      },
      (evs) => evs.some((e) => e.timerStartedEventAttributes),
      { what: 'the invitation waiting for its expiry', timeoutMs: 60_000 },
    );
    const scheduled = events.find((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'sendResponseInvitation');
    if (!scheduled) return 'skipped';
    const result = events.find((e) => String(e.activityTaskCompletedEventAttributes?.scheduledEventId) === String(scheduled.eventId))?.activityTaskCompletedEventAttributes;
    return JSON.parse(Buffer.from(result!.result!.payloads![0]!.data!).toString('utf8')).outcome;
  }

  it('sends nothing while the assessment has no template', async () => {
    const email = uniqueEmail('untemplated');
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, { token: w.manager.token, body: { organizationId: w.organizationId, respondent: { email, name: 'No Template' } } });
    expect(res.status).toBe(201);
    expect(await invitationOutcome(res.body.id)).toBe('skipped');
    expect(mailsTo(email)).toHaveLength(0);
  });

  async function enableAndInvite(prefix: string, extra: Record<string, unknown> = {}) {
    const patched = await s.call('PATCH', `/v1/assessments/${w.assessmentId}`, { body: { invitationUrlTemplate: TEMPLATE } });
    expect(patched.status).toBe(200);
    expect(patched.body.invitationUrlTemplate).toBe(TEMPLATE);
    const email = uniqueEmail(prefix);
    const res = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses`, { token: w.manager.token, body: { organizationId: w.organizationId, respondent: { email, name: 'Ada Lovelace' }, ...extra } });
    expect(res.status).toBe(201);
    return email;
  }

  it('e-mails the respondent a personal link (HTML and text, stable Message-ID) whose token resolves publicly to the response', async () => {
    const email = await enableAndInvite('invited');
    const [received] = await waitFor(async () => mailsTo(email), (l) => l.length > 0, { what: 'the invitation' });
    const [row] = await s.sql`select r.id, r.expires_at, a.name from responses r join assessments a on a.id = r.assessment_id where r.respondent_email = ${email}`;
    expect(await invitationOutcome(row!.id)).toBe('sent');
    const mail = readMail(received!.raw);
    expect(mail.messageId).toBe(`<response-${row!.id}.invitation@partnerflow>`);
    expect(mail.subject).toBe(`You are invited to take ${row!.name}`);
    expect(mail.text).toContain('Hello Ada Lovelace,');
    const token = linkIn(mail.text!);
    expect(token).toBeDefined();
    expect(token!.length).toBeGreaterThanOrEqual(40);
    expect(mail.text).toContain(`Start the assessment: https://assess.example/start/${token}`);
    expect(mail.html).toContain(`<a href="https://assess.example/start/${token}"`);

    // Stored only as its hash.
    const stored = await s.sql`select token_hash from invitation_tokens where response_id = ${row!.id}`;
    expect(stored).toHaveLength(1);
    expect(Buffer.from(stored[0]!.tokenHash).toString('utf8')).not.toContain(token!);

    const resolved = await s.call('GET', `/v1/public/invitations/${token}`, { token: null });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toEqual({ id: row!.id, assessment: { id: w.assessmentId, name: row!.name }, status: 'invited', expiresAt: new Date(row!.expiresAt).toISOString() });
    const wrong = await s.call('GET', `/v1/public/invitations/${token!.slice(0, -4)}AAAA`, { token: null });
    expect(wrong.status).toBe(404);

    // Completed: the link says so (410), and nothing more is sent.
    const done = await s.call('POST', `/v1/responses/${row!.id}/complete`, { token: w.manager.token, body: {} });
    expect(done.status).toBe(200);
    const closed = await s.call('GET', `/v1/public/invitations/${token}`, { token: null });
    expect(closed.status).toBe(410);
    expect(closed.body.code).toBe('INVITATION_COMPLETED');
    expect(mailsTo(email)).toHaveLength(1);
  });

  it('notify: false is kept on the response and sends nothing', async () => {
    const quiet = await enableAndInvite('quiet', { notify: false });
    const [row] = await s.sql`select id, notify from responses where respondent_email = ${quiet}`;
    expect(row!.notify).toBe(false);
    // The API shows the choice, on the response and in the list.
    expect((await s.call('GET', `/v1/responses/${row!.id}`, { token: w.manager.token })).body).toMatchObject({ id: row!.id, notify: false });
    const listed = (await s.call('GET', `/v1/responses?assessmentId=${w.assessmentId}&limit=200`, { token: w.manager.token })).body.items as { id: string; notify: boolean }[];
    expect(listed.find((r) => r.id === row!.id)?.notify).toBe(false);
    expect(listed.filter((r) => r.notify)).not.toHaveLength(0);
    expect(await invitationOutcome(row!.id)).toBe('skipped');
    expect(mailsTo(quiet)).toHaveLength(0);
    expect(await s.sql`select 1 from notifications where id = ${`response-${row!.id}.invitation`}`).toHaveLength(0);
    expect(await s.sql`select 1 from invitation_tokens where response_id = ${row!.id}`).toHaveLength(0);
  });

  it('every path e-mails its respondents; each path\'s notify:false sends nothing', async () => {
    await s.call('PATCH', `/v1/assessments/${w.assessmentId}`, { body: { invitationUrlTemplate: TEMPLATE } });
    const sent: string[] = [];
    const quiet: string[] = [];
    const cohort = await s.call('POST', `/v1/assessments/${w.assessmentId}/cohorts`, { token: w.manager.token, body: { organizationId: w.organizationId, name: 'Mailed' } });
    expect(cohort.status).toBe(201);
    for (const notify of [undefined, false]) {
      const email = uniqueEmail(`cohort-${notify}`);
      (notify === false ? quiet : sent).push(email);
      const inv = await s.call('POST', `/v1/cohorts/${cohort.body.id}/invitations`, { token: w.manager.token, body: { respondents: [{ email, name: 'Cohort Member' }], ...(notify === false ? { notify } : {}) } });
      expect(inv.status).toBe(201);

      const link = await s.call('POST', `/v1/assessments/${w.assessmentId}/share-links`, { token: w.manager.token, body: { organizationId: w.organizationId, ...(notify === false ? { notify } : {}) } });
      expect(link.status).toBe(201);
      const linked = uniqueEmail(`link-${notify}`);
      (notify === false ? quiet : sent).push(linked);
      expect((await s.call('POST', link.body.path, { token: null, body: { email: linked, name: 'Link Taker' } })).status).toBe(201);

      const bulked = uniqueEmail(`bulk-${notify}`);
      (notify === false ? quiet : sent).push(bulked);
      const bulk = await s.call('POST', `/v1/assessments/${w.assessmentId}/responses/bulk?organizationId=${w.organizationId}${notify === false ? '&notify=false' : ''}`, {
        token: w.manager.token, raw: `email,name\n${bulked},Bulk Row\n`, headers: { 'content-type': 'text/csv' },
      });
      expect(bulk.status).toBe(202);
    }
    for (const email of sent) {
      const [received] = await waitFor(async () => mailsTo(email), (l) => l.length > 0, { what: `the invitation to ${email}`, timeoutMs: 60_000 });
      expect(linkIn(readMail(received!.raw).text!)).toBeDefined();
    }
    const rows = await waitFor(async () => s.sql`select id, notify from responses where respondent_email = any(${quiet})`, (r) => r.length === quiet.length, { what: 'the quiet responses', timeoutMs: 60_000 });
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.notify === false)).toBe(true);
    for (const r of rows) expect(await invitationOutcome(r.id)).toBe('skipped');
    for (const email of quiet) expect(mailsTo(email)).toHaveLength(0);
  });
});
