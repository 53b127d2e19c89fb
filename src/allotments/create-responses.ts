import type { Db } from '../db/connect';
import { unitOf, unitsFor } from '../domain/allotments/ledger';
import { AppError } from '../errors';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { ensureAllotment, reserveUnits } from '../repos/allotments/ledger';
import { insertResponses, type NewResponse, type ResponseRow, type ResponseSource } from '../repos/allotments/responses';
import type { Assessment } from '../repos/allotments/assessments';
import { countCohortsAtFirstMeteredUse } from './cohort-metering';
import { isMetered, type Target } from './context';
import { startInvitations } from './invitations';

const DAY_MS = 86_400_000;

export const defaultExpiry = (assessment: Pick<Assessment, 'responseExpiryDays'>, now: Date) =>
  new Date(now.getTime() + assessment.responseExpiryDays * DAY_MS);

export function assertFutureExpiry(expiresAt: Date, now: Date, field = 'expiresAt') {
  if (!(expiresAt.getTime() > now.getTime())) {
    throw new AppError('VALIDATION_FAILED', `${field} must be in the future`, { errors: [{ path: field, message: 'must be in the future' }] });
  }
}

/** The expiry a creator asked for, or the assessment's default; in the future either way. */
export function expiryFor(assessment: Pick<Assessment, 'responseExpiryDays'>, requested: string | undefined, now = new Date()): Date {
  const expiresAt = requested ? new Date(requested) : defaultExpiry(assessment, now);
  assertFutureExpiry(expiresAt, now);
  return expiresAt;
}

export interface CreateResponsesInput extends Target {
  cohort?: { id: string } | null;
  source: ResponseSource;
  respondents: NewResponse[];
  actor: string;
  jobId?: string | null;
  /** Public callers get a refusal that tells nothing about the organization. */
  publicCaller?: boolean;
}

/**
 * The one way responses come into being, for every path (manual, bulk, cohort, share link):
 * reserve the units and insert the responses in one transaction, refusing the whole request
 * when the allotment cannot cover it.
 */
export async function reserveAndInsertResponses(tx: Db, input: CreateResponsesInput): Promise<ResponseRow[]> {
  const { org, assessment } = input;
  const metered = await isMetered(tx, org);
  const unit = unitOf(assessment.pricingByCohort);
  if (metered && unit === 'cohort' && !input.cohort && input.respondents.some((r) => !r.cohortId)) {
    throw new AppError('UNPROCESSABLE', 'This assessment is priced by cohort: create responses inside a cohort', {
      errors: [{ path: 'cohortId', message: 'required when pricing by cohort' }],
    });
  }
  if (metered && unit === 'cohort') await countCohortsAtFirstMeteredUse(tx, input);
  const units = metered ? unitsFor('response', input.respondents.length, unit) : 0;
  if (units > 0) {
    await ensureAllotment(tx, org.id, assessment.id);
    await reserveUnits(tx, {
      organizationId: org.id, assessmentId: assessment.id, units, kind: 'response', publicCaller: input.publicCaller,
      movement: { actor: input.actor, source: input.source, jobId: input.jobId ?? null, cohortId: input.cohort?.id ?? null },
    });
  }
  const rows = await insertResponses(
    tx,
    { assessmentId: assessment.id, organizationId: org.id, cohortId: input.cohort?.id ?? null, jobId: input.jobId ?? null, source: input.source, counted: units > 0 },
    input.respondents,
  );
  if (rows.length <= 100) {
    for (const r of rows) {
      await recordAudit(tx, { actor: input.actor, entity: 'response', entityId: r.id, action: 'create', organizationId: org.id, after: { status: r.status, source: r.source, expiresAt: r.expiresAt, counted: r.counted } });
    }
  } else {
    await recordAudit(tx, { actor: input.actor, entity: 'job', entityId: input.jobId ?? 'bulk', action: 'create_responses', organizationId: org.id, after: { count: rows.length, counted: units > 0 } });
  }
  return rows;
}

/** A few responses created and their workflows started; the transaction commits only if all started. */
export async function createResponses(s: Pick<Services, 'sql' | 'temporal' | 'taskQueue'>, input: CreateResponsesInput): Promise<ResponseRow[]> {
  return s.sql.begin(async (tx) => {
    const rows = await reserveAndInsertResponses(tx, input);
    await startInvitations(s, rows);
    return rows;
  });
}
