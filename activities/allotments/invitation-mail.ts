import { sendResponseInvitation, sendResponseReminder, type InvitationOutcome, type InvitationSent } from '../../src/allotments/invitation-mail';
import type { ActivityDeps } from '../deps';

/** The respondent's e-mails. Each is sent once by its notification id; the link's token is made here, never in history. */
export function createInvitationMailActivities(deps: Pick<ActivityDeps, 'sql' | 'mail'>) {
  return {
    sendResponseInvitation: (responseId: string): Promise<InvitationSent> => sendResponseInvitation(deps, responseId),
    sendResponseReminder: (responseId: string, expiresAt: string): Promise<InvitationOutcome> => sendResponseReminder(deps, responseId, expiresAt),
  };
}
