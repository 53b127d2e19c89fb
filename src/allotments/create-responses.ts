import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect';
import { OPEN_RESPONSE } from '../domain/allotments/lifecycle';
import { unitOf, unitsFor } from '../domain/allotments/ledger';
import { AppError } from '../errors';
import type { Services } from '../platform/services';
import { recordAudit, recordAudits } from '../repos/audit';
import { reserveUnits } from '../repos/allotments/ledger';
import { insertResponses, type NewResponse, type ResponseRow, type ResponseSource } from '../repos/allotments/responses';
import type { Assessment } from '../repos/allotments/assessments';
import { announceMovement } from './alerts';
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
  /** false: the partner sends its own invitations (no e-mail, no reminder). Default true. */
  notify?: boolean;
  /** Public callers get a refusal that tells nothing about the organization. */
  publicCaller?: boolean;
}

export interface InsertOptions {
  /** Record each response's hand-off to its workflow (every path but bulk, whose job is its hand-off). */
  handoff?: boolean;
}

/**
 * The one way responses come into being, for every path (manual, bulk, cohort, share link):
 * insert the responses and reserve their units in one transaction, refusing the whole request
 * when the allotment cannot cover it.
 *
 * The reservation comes **last**: everything before it (reads, the insert, the audit) happens
 * without the allotment row's lock, so concurrent creations on one allotment queue only for
 * the conditional UPDATE and the COMMIT. A refusal rolls the inserted rows back.
 */
export async function reserveAndInsertResponses(tx: Db, input: CreateResponsesInput, o: InsertOptions = {}): Promise<ResponseRow[]> {
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
  const counted = units > 0;
  // The ids are chosen here, so the insert, the audit and the reservation can be sent together:
  // postgres.js pipelines statements issued without waiting on the transaction's connection,
  // and the database runs them in the order they were issued. One round trip for the three.
  const ids = input.respondents.map(() => randomUUID());
  const inserting = insertResponses(
    tx,
    { assessmentId: assessment.id, organizationId: org.id, cohortId: input.cohort?.id ?? null, jobId: input.jobId ?? null, source: input.source, counted, notify: input.notify },
    input.respondents,
    { handoff: o.handoff, ids },
  );
  const auditing =
    ids.length <= 100
      ? recordAudits(
          tx,
          ids.map((id, i) => ({
            actor: input.actor, entity: 'response', entityId: id, action: 'create', organizationId: org.id,
            after: { status: OPEN_RESPONSE, source: input.source, expiresAt: input.respondents[i]!.expiresAt, counted },
          })),
        )
      : recordAudit(tx, { actor: input.actor, entity: 'job', entityId: input.jobId ?? 'bulk', action: 'create_responses', organizationId: org.id, after: { count: ids.length, counted } });
  // Last: the row lock is held from here to the COMMIT only. No row yet (nothing ever
  // allocated) reads as nothing available.
  const reserving = reserveUnits(tx, {
    organizationId: org.id, assessmentId: assessment.id, units, kind: 'response', publicCaller: input.publicCaller,
    movement: { actor: input.actor, source: input.source, jobId: input.jobId ?? null, cohortId: input.cohort?.id ?? null, responseId: ids.length === 1 ? ids[0] : null },
  });
  const [rows, , moved] = await Promise.all([inserting, auditing, reserving]);
  // A crossing of the low-balance threshold or to 0 is announced in this transaction (rare: once per crossing).
  await announceMovement(tx, moved, unit);
  return rows;
}

/**
 * A few responses created, then their invitation workflows started once the transaction has
 * committed. A workflow never runs for a response that does not exist; a response whose start
 * is lost (the process dies after the commit, Temporal is unreachable) keeps its hand-off
 * entry, and the workers' drain starts its workflow (`drainInvitationHandoffs`).
 */
export async function createResponses(s: Pick<Services, 'sql' | 'temporal' | 'taskQueue' | 'logger'>, input: CreateResponsesInput): Promise<ResponseRow[]> {
  const rows = await s.sql.begin((tx) => reserveAndInsertResponses(tx, input, { handoff: true }));
  try {
    await startInvitations(s, rows);
  } catch (err) {
    // The responses exist and their units are held: answering an error would make the caller
    // create them again. Their hand-off entries stay, so the drain starts the workflows.
    s.logger.warn({ err, responses: rows.length }, 'invitation workflows not started yet; the hand-off drain will start them');
  }
  return rows;
}
