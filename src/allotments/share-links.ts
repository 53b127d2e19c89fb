import { available } from '../domain/allotments/ledger';
import { OPEN_RESPONSE } from '../domain/allotments/lifecycle';
import { LimitedUse } from '../domain/rate-limits';
import { actorOf, type Principal } from '../domain/principal';
import { randomUrlToken } from '../domain/tokens';
import { AppError, notFound } from '../errors';
import { limitUse } from '../platform/rate-limits';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { assessmentById } from '../repos/allotments/assessments';
import { insertShareLink, lockShareLink, revokeShareLink as markRevoked, shareLinkByToken, type ShareLink } from '../repos/allotments/cohorts';
import { readLedger } from '../repos/allotments/ledger';
import { organizationById } from '../repos/organizations';
import { cohortOfTarget, resolveTarget } from './context';
import { createResponses, defaultExpiry } from './create-responses';

/** An unguessable public link to the assessment for the organization (and a cohort); the token is answered only here. */
export async function createShareLink(
  s: Pick<Services, 'sql'>,
  p: Principal,
  assessmentId: string,
  input: { organizationId: string; cohortId?: string; notify?: boolean },
): Promise<{ id: string; token: string; path: string }> {
  const token = randomUrlToken(24);
  const link = await s.sql.begin(async (tx) => {
    const target = await resolveTarget(tx, p, input.organizationId, assessmentId);
    if (input.cohortId) await cohortOfTarget(tx, target, input.cohortId);
    const { org, assessment } = target;
    const created = await insertShareLink(tx, { token, assessmentId: assessment.id, organizationId: org.id, cohortId: input.cohortId, notify: input.notify, createdBy: p.userId });
    await recordAudit(tx, { actor: actorOf(p), entity: 'share_link', entityId: created.id, action: 'create', organizationId: org.id, after: { assessmentId: assessment.id, cohortId: created.cohortId } });
    return created;
  });
  return { id: link.id, token, path: `/v1/public/share-links/${token}/responses` };
}

/** A respondent starts a response through a share link; the answer tells them nothing else. */
export async function respondThroughShareLink(
  s: Pick<Services, 'sql' | 'temporal' | 'taskQueue' | 'config' | 'logger'>,
  token: string,
  respondent: { email: string; name: string },
): Promise<{ id: string; status: typeof OPEN_RESPONSE; expiresAt: Date }> {
  const link = await shareLinkByToken(s.sql, token);
  if (!link) throw new AppError('NOT_FOUND', 'Unknown or withdrawn link');
  if (link.revokedAt) throw new AppError('LINK_REVOKED', 'This link has been revoked: ask whoever sent it for a new one');
  // Limited per link, sized by the responses its allotment has left (a whole class at once).
  await limitUse(s, LimitedUse.SHARE_LINK, link.id, async () => available(await readLedger(s.sql, link.organizationId, link.assessmentId)));
  const [assessment, org] = await Promise.all([assessmentById(s.sql, link.assessmentId), organizationById(s.sql, link.organizationId)]);
  if (!assessment || !org) throw new AppError('NOT_FOUND', 'Unknown or withdrawn link');
  const [row] = await createResponses(s, {
    org, assessment, cohort: link.cohortId ? { id: link.cohortId } : null, source: 'share_link', actor: `share_link:${link.id}`, publicCaller: true, notify: link.notify,
    respondents: [{ ...respondent, expiresAt: defaultExpiry(assessment, new Date()) }],
  });
  return { id: row!.id, status: OPEN_RESPONSE, expiresAt: row!.expiresAt };
}

export type { ShareLink };

/**
 * Revokes a share link: from the next request its public path answers 410 LINK_REVOKED; the
 * responses already started through it stay as they are. Admins, and managers who may create
 * links for its organization and assessment (else 404); a repeat answers the link as it is.
 */
export async function revokeShareLink(s: Pick<Services, 'sql'>, p: Principal, id: string): Promise<ShareLink> {
  return s.sql.begin(async (tx) => {
    const link = await lockShareLink(tx, id);
    if (!link) throw notFound('Share link');
    await resolveTarget(tx, p, link.organizationId, link.assessmentId).catch((e: unknown) => {
      throw e instanceof AppError && e.code === 'NOT_FOUND' ? notFound('Share link') : e;
    });
    if (link.revokedAt) return link;
    const revoked = await markRevoked(tx, id, p.userId);
    await recordAudit(tx, {
      actor: actorOf(p), entity: 'share_link', entityId: id, action: 'revoke', organizationId: link.organizationId,
      before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt },
    });
    return revoked;
  });
}
