import { describe, expect, it } from 'vitest';
import { readMail } from '../support/mail';
import { cancelBeforeItRuns, resetToFirstWorkflowTask } from '../support/reset';
import { suiteStack } from '../support/suite';
import { uniqueEmail } from '../support/unique';
import { activeCampaign, groupWorld, redeem, waitFor } from './world';

describe('unique codes by e-mail: POST /v1/campaigns/{id}/sends', () => {
  const { s, w } = suiteStack({}, (s) => groupWorld(s, { usersAmount: 900 }));
  const mailsTo = (email: string) => s.smtp.to(email);
  const codeIn = (raw: string) => /\bis ([A-Z0-9]+)\n/.exec(readMail(raw).text ?? '')?.[1];
  const finished = (jobId: string) => waitFor(() => s.call('GET', `/v1/jobs/${jobId}`), (r) => r.body.status !== 'running', { what: `job ${jobId}` });
  const results = (campaignId: string, jobId: string) => s.call('GET', `/v1/campaigns/${campaignId}/sends/${jobId}`);

  it('gives each recipient one unused code by e-mail, and re-running the list gives nobody a second one', async () => {
    const campaign = await activeCampaign(s, w.groupId, { mode: 'unique', count: 3 });
    const [ana, bo, cy, dee] = [uniqueEmail('ana'), uniqueEmail('bo'), uniqueEmail('cy'), uniqueEmail('dee')];
    const first = await s.call('POST', `/v1/campaigns/${campaign.id}/sends`, { body: { recipients: [{ email: ana, name: 'Ana <A>' }, { email: bo.toUpperCase(), name: 'Bo' }, { email: 'not-an-address', name: 'X' }] } });
    expect(first.status).toBe(202);
    expect(first.headers.get('location')).toBe(`/v1/jobs/${first.body.id}`);
    expect((await finished(first.body.id)).body).toMatchObject({ status: 'completed', total: 3, processed: 2, failed: 1, errors: [{ line: 3, message: 'email: not an e-mail address' }] });

    const [anaMail, boMail] = [mailsTo(ana), mailsTo(bo)];
    expect(anaMail).toHaveLength(1);
    expect(boMail).toHaveLength(1);
    const anaRead = readMail(anaMail[0]!.raw);
    expect(anaRead.subject).toBe(`Your code for ${w.group.name}`);
    expect(anaRead.text).toContain('Hello Ana <A>,');
    expect(anaRead.html).toContain('Hello Ana &lt;A&gt;,');
    expect(anaRead.messageId).toMatch(new RegExp(`^<campaign-${campaign.id}\\.code-\\d+@partnerflow>$`));
    const codes = [codeIn(anaMail[0]!.raw), codeIn(boMail[0]!.raw)];
    expect(new Set(codes).size).toBe(2);
    const listed = await s.call('GET', `/v1/campaigns/${campaign.id}/codes?limit=100`, { headers: { accept: 'application/json' } });
    expect(listed.body.items.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(codes));
    const firstResults = await results(campaign.id, first.body.id);
    expect(firstResults.body).toMatchObject({ sent: 2, alreadySent: 0 });
    expect(firstResults.body.recipients.map((r: { email: string; status: string; code: string | null }) => [r.email, r.status, r.code])).toEqual([
      [ana, 'sent', codes[0]], [bo, 'sent', codes[1]], ['not-an-address', 'failed', null],
    ]);

    // The same list again (as CSV), with two more people: only the new ones get codes, and only one is left.
    const csv = `email,name\n${ana},Ana\n${bo},Bo\n${cy},Cy\n${dee},Dee\n`;
    const again = await s.call('POST', `/v1/campaigns/${campaign.id}/sends`, { raw: csv, headers: { 'content-type': 'text/csv' } });
    expect(again.status).toBe(202);
    await finished(again.body.id);
    const second = await results(campaign.id, again.body.id);
    expect(second.body).toMatchObject({ status: 'completed', sent: 1, alreadySent: 2, failed: 1 });
    expect(second.body.recipients.map((r: { email: string; status: string; code: string | null }) => [r.email, r.status, r.code])).toEqual([
      [ana, 'already_sent', codes[0]], [bo, 'already_sent', codes[1]], [cy, 'sent', expect.any(String)], [dee, 'failed', null],
    ]);
    expect(second.body.recipients[3].error).toBe('no unused code left in the campaign');
    expect(mailsTo(ana)).toHaveLength(1);
    expect(mailsTo(bo)).toHaveLength(1);
    expect(mailsTo(cy)).toHaveLength(1);
    expect(mailsTo(dee)).toHaveLength(0);
    expect(codeIn(mailsTo(cy)[0]!.raw)).toBe(second.body.recipients[2].code);
    const [assigned] = await s.sql`select count(*)::int as n, count(distinct n)::int as codes from campaign_code_assignments where campaign_id = ${campaign.id}`;
    expect(assigned).toEqual({ n: 3, codes: 3 });
  });

  it('never hands out a code that was redeemed already', async () => {
    const campaign = await activeCampaign(s, w.groupId, { mode: 'unique', count: 2 });
    const listed = await s.call('GET', `/v1/campaigns/${campaign.id}/codes?limit=100`, { headers: { accept: 'application/json' } });
    expect(listed.body.items).toHaveLength(2);
    const redeemed = listed.body.items[0].code as string;
    expect((await redeem(s, redeemed, uniqueEmail('walkin'))).status).toBe(201);
    const [eve, fay] = [uniqueEmail('eve'), uniqueEmail('fay')];
    const job = await s.call('POST', `/v1/campaigns/${campaign.id}/sends`, { body: { recipients: [{ email: eve, name: 'Eve' }, { email: fay, name: 'Fay' }] } });
    await finished(job.body.id);
    const r = await results(campaign.id, job.body.id);
    expect(r.body.recipients.map((x: { status: string }) => x.status)).toEqual(['sent', 'failed']);
    expect(r.body.recipients[0].code).toBe(listed.body.items[1].code);
  });

  it('refuses a shared-code campaign and an empty list, creating nothing', async () => {
    const shared = await activeCampaign(s, w.groupId, { mode: 'shared', code: `SHARE${Date.now()}`, maxRedemptions: 5 });
    const refused = await s.call('POST', `/v1/campaigns/${shared.id}/sends`, { body: { recipients: [{ email: uniqueEmail('g'), name: 'G' }] } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('INVALID_STATE');
    const empty = await s.call('POST', `/v1/campaigns/${shared.id}/sends`, { raw: 'email,name\n', headers: { 'content-type': 'text/csv' } });
    expect(empty.status).toBe(400);
    const [jobs] = await s.sql`select count(*)::int as n from jobs where kind = 'campaign_code_sends' and id in (select job_id from campaign_send_rows where campaign_id = ${shared.id})`;
    expect(jobs!.n).toBe(0);
  });

  it('is out of reach for a manager of another organization (404)', async () => {
    const campaign = await activeCampaign(s, w.groupId, { mode: 'unique', count: 1 });
    const other = await s.userWithToken({ role: 'manager', organizationId: await s.organization({ name: `Other ${Date.now()}` }) });
    const res = await s.call('POST', `/v1/campaigns/${campaign.id}/sends`, { token: other.token, body: { recipients: [{ email: uniqueEmail('h'), name: 'H' }] } });
    expect(res.status).toBe(404);
  });
  it('`temporal workflow cancel` of a sends job is refused: every recipient still gets their code and the job completes', async () => {
    const campaign = await activeCampaign(s, w.groupId, { mode: 'unique', count: 2 });
    const bo = uniqueEmail('cancel-bo');
    const { created: jobId, handle } = await cancelBeforeItRuns(
      s,
      async () => {
        const sent = await s.call('POST', `/v1/campaigns/${campaign.id}/sends`, { body: { recipients: [{ email: bo, name: 'Bo' }] } });
        expect(sent.status).toBe(202);
        return sent.body.id as string;
      },
      (id) => `job-${id}`,
    );
    expect(await handle.result()).toEqual({ sent: 1, alreadySent: 0, failed: 0 });
    expect((await handle.describe()).status.name).toBe('COMPLETED');
    expect((await s.call('GET', `/v1/jobs/${jobId}`)).body).toMatchObject({ status: 'completed', processed: 1 });
    expect(mailsTo(bo)).toHaveLength(1);
  });

  it('a sends job reset to its first workflow task mails nobody twice and gives nobody a second code', async () => {
    const campaign = await activeCampaign(s, w.groupId, { mode: 'unique', count: 2 });
    const ana = uniqueEmail('reset-ana');
    const sent = await s.call('POST', `/v1/campaigns/${campaign.id}/sends`, { body: { recipients: [{ email: ana, name: 'Ana' }] } });
    expect(sent.status).toBe(202);
    await finished(sent.body.id);
    const before = (await results(campaign.id, sent.body.id)).body;
    expect(before).toMatchObject({ status: 'completed', sent: 1 });

    const runId = await resetToFirstWorkflowTask(s.client, `job-${sent.body.id}`);
    await s.client.workflow.getHandle(`job-${sent.body.id}`, runId).result();
    expect(mailsTo(ana)).toHaveLength(1);
    const after = (await results(campaign.id, sent.body.id)).body;
    expect(after.recipients).toEqual(before.recipients);
    expect((await s.call('GET', `/v1/jobs/${sent.body.id}`)).body).toMatchObject({ status: 'completed', total: 1, processed: 1, failed: 0 });
    const [assigned] = await s.sql`select count(*)::int as n from campaign_code_assignments where campaign_id = ${campaign.id}`;
    expect(assigned!.n).toBe(1);
  });
});
