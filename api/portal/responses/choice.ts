import type { Context } from 'hono';
import { z } from 'zod';
import { getAssessment, listAssessments, type Assessment } from '../../../src/allotments/assessments';
import { isAdmin, type Principal } from '../../../src/domain/principal';
import { listOrganizations } from '../../../src/platform/organizations';
import type { AppEnv } from '../../context';
import { validationError } from '../../problem';
import { portalUser } from '../page';

/** The section's root; every screen of the room hangs below it. */
export const ROOT = '/portal/responses';

const ChoiceQuery = z.object({ assessmentId: z.uuid().optional(), organizationId: z.uuid().optional() });

/** The assessment and organization a Responses screen works on: chosen (both), or still to choose. */
export interface Choice {
  principal: Principal;
  csrf: string;
  /** The assessments the user may pick (admins: all; managers: the ones they are linked to). */
  assessments: Assessment[];
  /** Admins pick an organization; null for a manager, who works on their own. */
  organizations: { id: string; name: string }[] | null;
  assessment?: Assessment;
  organizationId?: string;
}

export type Chosen = Choice & { assessment: Assessment; organizationId: string };

export const isChosen = (c: Choice): c is Chosen => Boolean(c.assessment && c.organizationId);

/**
 * Reads `?assessmentId=&organizationId=` (a manager's organization is their own) and the lists to
 * pick from, through the same services as the API: an assessment out of the user's scope is 404.
 * With a single assessment to pick from, it is picked.
 */
export async function readChoice(c: Context<AppEnv>): Promise<Choice> {
  const { principal, csrf } = portalUser(c);
  const parsed = ChoiceQuery.safeParse({ assessmentId: c.req.query('assessmentId') || undefined, organizationId: c.req.query('organizationId') || undefined });
  if (!parsed.success) throw validationError(parsed.error, 'query');
  const deps = c.var.deps;
  const [assessments, organizations] = await Promise.all([
    listAssessments(deps, principal, { limit: 200 }),
    isAdmin(principal) ? listOrganizations(deps, principal, { limit: 200 }) : Promise.resolve(null),
  ]);
  const assessmentId = parsed.data.assessmentId ?? (assessments.length === 1 ? assessments[0]!.id : undefined);
  const assessment = assessmentId ? await getAssessment(deps, principal, assessmentId) : undefined;
  const organizationId = isAdmin(principal) ? parsed.data.organizationId : (principal.organizationId ?? undefined);
  return {
    principal,
    csrf,
    assessments,
    organizations: organizations && organizations.map((o) => ({ id: o.id, name: o.name })),
    assessment,
    organizationId,
  };
}

/** The query string that keeps the choice on every link and form of the room. */
export const choiceQuery = (c: Chosen, extra: Record<string, string> = {}) =>
  new URLSearchParams({ assessmentId: c.assessment.id, organizationId: c.organizationId, ...extra }).toString();

/** A URL of the room for the chosen assessment and organization. */
export const roomUrl = (c: Chosen, path = '', extra: Record<string, string> = {}) => `${ROOT}${path}?${choiceQuery(c, extra)}`;

/** A YYYY-MM-DD date of an instant (UTC). */
export const isoDate = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : '');
