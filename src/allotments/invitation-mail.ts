import {
  invitationLink,
  invitationNotificationId,
  reminderNotificationId,
} from '../domain/allotments/invitations';
import { randomUrlToken } from '../domain/tokens';
import { AppError } from '../errors';
import { sendNotification, type NotificationOutcome } from '../platform/notifications';
import type { Services } from '../platform/services';
import { notificationById } from '../repos/notifications';
import {
  deleteInvitationToken,
  insertInvitationToken,
  invitationSubject,
  responseByInvitationToken,
  type InvitationSubject,
} from '../repos/allotments/invitation-tokens';

type MailServices = Pick<Services, 'sql' | 'mail'>;

export type InvitationOutcome = NotificationOutcome | 'not_notified' | 'not_open';

export interface InvitationSent {
  outcome: InvitationOutcome;
  /** Days before the expiry the reminder goes; null: no reminder (no e-mails for this response). */
  reminderDaysBeforeExpiry: number | null;
}

const notified = (r: InvitationSubject | undefined): r is InvitationSubject & { invitationUrlTemplate: string } =>
  Boolean(r && r.notify && r.invitationUrlTemplate);

/**
 * The respondent's invitation e-mail, sent once per response (`response-<id>.invitation`). The
 * link's token is made here, in the activity, and stored only as its hash: it is never in a
 * workflow's input or history. Nothing for a response created with `notify: false` or of an
 * assessment without an invitation URL template.
 */
export async function sendResponseInvitation(s: MailServices, responseId: string): Promise<InvitationSent> {
  const r = await invitationSubject(s.sql, responseId);
  if (!notified(r)) return { outcome: 'not_notified', reminderDaysBeforeExpiry: null };
  if (r.status !== 'invited') return { outcome: 'not_open', reminderDaysBeforeExpiry: null };
  const outcome = await sendWithToken(s, r, invitationNotificationId(responseId), false);
  return { outcome, reminderDaysBeforeExpiry: r.reminderDaysBeforeExpiry };
}

/**
 * The reminder before the expiry `expiresAt` (one per expiry instant: an extension gets a fresh
 * one). Nothing once the response is completed or expired, or its expiry moved elsewhere.
 */
export async function sendResponseReminder(s: MailServices, responseId: string, expiresAt: string): Promise<InvitationOutcome> {
  const r = await invitationSubject(s.sql, responseId);
  if (!notified(r)) return 'not_notified';
  if (r.status !== 'invited' || r.expiresAt.getTime() !== new Date(expiresAt).getTime()) return 'not_open';
  return sendWithToken(s, r, reminderNotificationId(responseId, expiresAt), true);
}

async function sendWithToken(s: MailServices, r: InvitationSubject & { invitationUrlTemplate: string }, id: string, reminder: boolean): Promise<NotificationOutcome> {
  if ((await notificationById(s.sql, id))?.status === 'sent') return 'already_sent';
  const token = randomUrlToken(32);
  await insertInvitationToken(s.sql, r.id, token);
  const outcome = await sendNotification(s, {
    id,
    to: r.respondentEmail,
    template: 'response.invitation',
    data: { name: r.respondentName, assessmentName: r.assessmentName, link: invitationLink(r.invitationUrlTemplate, token), expiresAt: r.expiresAt.toISOString(), reminder },
  });
  // Sent before by another attempt, with its own token: this one was never mailed.
  if (outcome === 'already_sent') await deleteInvitationToken(s.sql, token);
  return outcome;
}

export interface PublicInvitation {
  id: string;
  assessment: { id: string; name: string };
  status: 'invited';
  expiresAt: Date;
}

/**
 * What a link's token stands for, for the partner's assessment site: 404 for a token nobody was
 * sent, 410 once its response is completed or expired (or past its expiry).
 */
export async function resolveInvitation(s: Pick<Services, 'sql'>, token: string, now = new Date()): Promise<PublicInvitation> {
  const r = await responseByInvitationToken(s.sql, token);
  if (!r) throw new AppError('NOT_FOUND', 'No invitation has this token');
  if (r.status === 'completed') throw new AppError('INVITATION_COMPLETED', 'This invitation is completed');
  if (r.status === 'expired' || r.expiresAt.getTime() <= now.getTime()) throw new AppError('INVITATION_EXPIRED', 'This invitation expired');
  return { id: r.id, assessment: { id: r.assessmentId, name: r.assessmentName }, status: 'invited', expiresAt: r.expiresAt };
}
