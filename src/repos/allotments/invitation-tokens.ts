import type { Db } from '../../db/connect';
import { hashToken } from '../../domain/tokens';
import type { ResponseStatus } from '../../domain/allotments/lifecycle';

/** What an invitation e-mail needs of its response and assessment. */
export interface InvitationSubject {
  id: string;
  status: ResponseStatus;
  expiresAt: Date;
  notify: boolean;
  respondentEmail: string;
  respondentName: string;
  assessmentName: string;
  invitationUrlTemplate: string | null;
  reminderDaysBeforeExpiry: number;
}

export async function invitationSubject(sql: Db, responseId: string): Promise<InvitationSubject | undefined> {
  const [row] = await sql<InvitationSubject[]>`
    select r.id, r.status, r.expires_at, r.notify, r.respondent_email, r.respondent_name,
           a.name as assessment_name, a.invitation_url_template, a.reminder_days_before_expiry
    from responses r join assessments a on a.id = r.assessment_id
    where r.id = ${responseId}`;
  return row;
}

/** Stores a link's token, as its hash only. */
export async function insertInvitationToken(sql: Db, responseId: string, token: string): Promise<void> {
  await sql`insert into invitation_tokens (token_hash, response_id) values (${hashToken(token)}, ${responseId})`;
}

/** A token whose e-mail was never sent (its notification was sent before, with another token). */
export async function deleteInvitationToken(sql: Db, token: string): Promise<void> {
  await sql`delete from invitation_tokens where token_hash = ${hashToken(token)}`;
}

export interface InvitedResponse {
  id: string;
  assessmentId: string;
  assessmentName: string;
  status: ResponseStatus;
  expiresAt: Date;
}

/** The response a link's token belongs to, whatever its state. */
export async function responseByInvitationToken(sql: Db, token: string): Promise<InvitedResponse | undefined> {
  const [row] = await sql<InvitedResponse[]>`
    select r.id, r.assessment_id, a.name as assessment_name, r.status, r.expires_at
    from invitation_tokens t join responses r on r.id = t.response_id join assessments a on a.id = r.assessment_id
    where t.token_hash = ${hashToken(token)}`;
  return row;
}
