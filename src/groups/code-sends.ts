import type { Db } from '../db/connect';
import { importFromJson, parseImportCsv, type ParsedImport } from '../domain/groups/imports';
import { actorOf, type Principal } from '../domain/principal';
import { AppError } from '../errors';
import { sendNotification } from '../platform/notifications';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { campaignById, getCampaign, type Campaign } from '../repos/groups/campaigns';
import {
  allCodeSendRows,
  assignCode,
  codeSendProgress,
  codeSendRowsAfter,
  insertCodeSendRows,
  isCodeSendJobOf,
  setCodeSendRow,
  type CodeSendRow,
} from '../repos/groups/code-sends';
import { groupById } from '../repos/groups/groups';
import { finishJob, getJob, insertJob, setJobProgress, type Job } from '../repos/jobs';
import { codeSendsWorkflowId } from '../../workflows/groups/code-sends-definitions';
import { startGroupWorkflow } from './start';

/** A list of recipients as it arrived: text/csv with header `email,name`, or JSON `{ recipients }`. */
export type RecipientList = { csv: string } | { recipients: { email: string; name: string }[] };

const parse = (list: RecipientList): ParsedImport => ('csv' in list ? parseImportCsv(list.csv) : importFromJson(list.recipients));

/** The notification of one recipient's code: one per code, and a code belongs to one address. */
export const codeNotificationId = (campaignId: string, n: number) => `campaign-${campaignId}.code-${n}`;

/**
 * Accepts a list of recipients for a unique-code campaign that is active: whole-list problems
 * refuse it; bad rows become failed rows of the job; the job, its rows and its workflow are
 * created in one transaction. Each recipient then gets one code by e-mail (the workflow).
 */
export async function acceptCodeSends(s: Pick<Services, 'sql' | 'temporal' | 'taskQueue'>, p: Principal, campaignId: string, list: RecipientList): Promise<Job> {
  const parsed = parse(list);
  if (!parsed.ok) {
    throw new AppError('VALIDATION_FAILED', 'The list cannot be sent; nothing was created', {
      errors: parsed.errors.map((e) => ({ path: `line ${e.line}`, line: e.line, message: e.message })),
    });
  }
  const { rows } = parsed;
  const jobId = await s.sql.begin(async (tx) => {
    const campaign = await getCampaign(tx, p, campaignId);
    if (campaign.mode !== 'unique') throw new AppError('INVALID_STATE', 'Only a campaign of unique codes sends codes by e-mail; a shared code is passed on as it is');
    if (campaign.status !== 'active') throw new AppError('INVALID_STATE', `The campaign is ${campaign.status}: codes are sent while it is active`);
    const group = (await groupById(tx, campaign.groupId))!;
    const job = await insertJob(tx, { kind: 'campaign_code_sends', organizationId: group.organizationId, total: rows.length, createdBy: p.userId });
    await insertCodeSendRows(tx, job.id, campaign.id, rows);
    const progress = await recordProgress(tx, job.id);
    await recordAudit(tx, {
      actor: actorOf(p), entity: 'job', entityId: job.id, action: 'create', organizationId: group.organizationId,
      after: { kind: 'campaign_code_sends', campaignId: campaign.id, total: rows.length, invalid: progress.failed },
    });
    await startGroupWorkflow(s, group, 'campaignCodeSendsWorkflow', {
      workflowId: codeSendsWorkflowId(job.id), args: [{ jobId: job.id, campaignId: campaign.id }], kind: 'job', status: 'running',
    });
    return job.id;
  });
  return getJob(s.sql, p, jobId);
}

/** The job with every recipient's outcome: sent, already_sent (given a code by an earlier list), failed or pending. */
export async function codeSendResults(s: Pick<Services, 'sql'>, p: Principal, campaignId: string, jobId: string) {
  const campaign = await getCampaign(s.sql, p, campaignId);
  if (!(await isCodeSendJobOf(s.sql, jobId, campaign.id))) throw new AppError('NOT_FOUND', 'Sends job not found');
  const job = await getJob(s.sql, p, jobId);
  const counts = await codeSendProgress(s.sql, job.id);
  return { ...job, sent: counts.sent, alreadySent: counts.alreadySent, recipients: await allCodeSendRows(s.sql, job.id) };
}

async function recordProgress(sql: Db, jobId: string) {
  const progress = await codeSendProgress(sql, jobId);
  await setJobProgress(sql, jobId, progress.processed, progress.failed, progress.errors);
  return progress;
}

/**
 * One recipient: its code (the one it was given before, or a free one now, in one transaction
 * with the row), then the e-mail, sent once per code. An address given a code by an earlier list
 * is `already_sent` and gets no second code; its first message is not sent again either.
 */
async function sendRow(s: Pick<Services, 'sql' | 'mail'>, row: CodeSendRow, campaign: Campaign, groupName: string): Promise<void> {
  const assigned = await s.sql.begin(async (tx) => {
    const a = await assignCode(tx, { campaignId: campaign.id, email: row.email, jobId: row.jobId });
    if (!a) await setCodeSendRow(tx, row.jobId, row.line, { status: 'failed', error: 'no unused code left in the campaign' });
    return a;
  });
  if (!assigned) return;
  // Sent once per code: for an address given its code by an earlier list this only finishes a
  // message that never went out, and otherwise sends nothing.
  await sendNotification(s, {
    id: codeNotificationId(campaign.id, assigned.n),
    to: row.email,
    template: 'campaign.code',
    data: { name: row.name, groupName, code: assigned.code, endsAt: campaign.endsAt?.toISOString() ?? null },
  });
  await setCodeSendRow(s.sql, row.jobId, row.line, { status: assigned.fresh ? 'sent' : 'already_sent', n: assigned.n });
}

/** The next recipients of a job; those already done are skipped, so a retried batch finishes what was left. */
export async function sendCodeBatch(s: Pick<Services, 'sql' | 'mail'>, jobId: string, afterLine: number, limit: number, each: () => void): Promise<{ lastLine: number | null }> {
  const rows = await codeSendRowsAfter(s.sql, jobId, afterLine, limit);
  if (rows.length === 0) return { lastLine: null };
  const campaign = (await campaignById(s.sql, rows[0]!.campaignId))!;
  const group = (await groupById(s.sql, campaign.groupId))!;
  for (const row of rows) {
    if (row.status === 'pending') await sendRow(s, row, campaign, group.name);
    each();
  }
  await recordProgress(s.sql, jobId);
  return { lastLine: rows.at(-1)!.line };
}

/** Completes the job with its final counts, audited. */
export async function finishCodeSends(s: Pick<Services, 'sql'>, jobId: string): Promise<{ sent: number; alreadySent: number; failed: number }> {
  const progress = await codeSendProgress(s.sql, jobId);
  await s.sql.begin(async (tx) => {
    const [first] = await codeSendRowsAfter(tx, jobId, 0, 1);
    await setJobProgress(tx, jobId, progress.processed, progress.failed, progress.errors);
    await finishJob(tx, jobId, 'completed');
    const job = first && (await campaignById(tx, first.campaignId));
    await recordAudit(tx, {
      actor: `workflow:job-${jobId}`, entity: 'job', entityId: jobId, action: 'complete', organizationId: job?.organizationId ?? null,
      after: { status: 'completed', sent: progress.sent, alreadySent: progress.alreadySent, failed: progress.failed },
    });
  });
  return { sent: progress.sent, alreadySent: progress.alreadySent, failed: progress.failed };
}
