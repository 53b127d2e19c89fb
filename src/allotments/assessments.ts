import { actorOf, type Principal } from '../domain/principal';
import { isInvitationUrlTemplate } from '../domain/allotments/invitations';
import { AppError } from '../errors';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import {
  assessmentInUse,
  getAssessment as readAssessment,
  insertAssessment,
  listAssessments as readAssessments,
  updateAssessment as writeAssessment,
  type Assessment,
} from '../repos/allotments/assessments';

export type { Assessment };

export interface AssessmentInput {
  name: string;
  responseExpiryDays?: number;
  pricingByCohort?: boolean;
  /** `https://…{token}…`: every new response's respondent is e-mailed this link (docs/allotments.md "Invitations"). */
  invitationUrlTemplate?: string | null;
  reminderDaysBeforeExpiry?: number;
}

/** 422 unless the template is an http(s) URL with exactly one `{token}`. */
function assertInvitationTemplate(template: string | null | undefined): void {
  if (template == null || isInvitationUrlTemplate(template)) return;
  throw new AppError('UNPROCESSABLE', 'invitationUrlTemplate must be an http or https URL with exactly one {token}', {
    errors: [{ path: 'invitationUrlTemplate', message: 'must be an http or https URL with exactly one {token}' }],
  });
}

export function createAssessment(s: Pick<Services, 'sql'>, p: Principal, input: AssessmentInput): Promise<Assessment> {
  assertInvitationTemplate(input.invitationUrlTemplate);
  return s.sql.begin(async (tx) => {
    const created = await insertAssessment(tx, input);
    await recordAudit(tx, { actor: actorOf(p), entity: 'assessment', entityId: created.id, action: 'create', after: created });
    return created;
  });
}

/** Admins: all; managers: the assessments they are linked to. */
export function listAssessments(s: Pick<Services, 'sql'>, p: Principal, q: { after?: string; limit: number }): Promise<Assessment[]> {
  return readAssessments(s.sql, p, q);
}

export function getAssessment(s: Pick<Services, 'sql'>, p: Principal, id: string): Promise<Assessment> {
  return readAssessment(s.sql, p, id);
}

/** The unit an assessment counts (pricingByCohort) is fixed once anything counts against it. */
export function updateAssessment(s: Pick<Services, 'sql'>, p: Principal, id: string, patch: Partial<AssessmentInput>): Promise<Assessment> {
  assertInvitationTemplate(patch.invitationUrlTemplate);
  return s.sql.begin(async (tx) => {
    const before = await readAssessment(tx, p, id);
    if (patch.pricingByCohort !== undefined && patch.pricingByCohort !== before.pricingByCohort && (await assessmentInUse(tx, id))) {
      throw new AppError('CONFLICT', 'The unit an assessment counts cannot change once it has allotments or responses');
    }
    const after = await writeAssessment(tx, id, patch);
    await recordAudit(tx, { actor: actorOf(p), entity: 'assessment', entityId: id, action: 'update', before, after });
    return after;
  });
}
