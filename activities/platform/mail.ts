import type { TemplateName } from '../../src/domain/mail-templates';
import type { Mail } from '../../src/mail';
import { sendNotification, sendRenderedMail, type Notification, type NotificationOutcome } from '../../src/platform/notifications';
import type { ActivityDeps } from '../deps';

/**
 * The durable mail activities. Each notification is sent once however often the activity runs
 * (src/platform/notifications.ts): a retry after a lost answer finds it sent.
 */
export function createMailActivities(deps: Pick<ActivityDeps, 'sql' | 'mail'>) {
  return {
    /** `{ id, to, template, data }`: rendered from its template (HTML and text) and sent once by id. */
    async sendNotification<T extends TemplateName>(n: Notification<T>): Promise<NotificationOutcome> {
      return sendNotification(deps, n);
    },
    /** A message rendered by the caller (the sale workflow's), sent once by the id in its Message-ID. */
    async sendMail(message: Mail): Promise<void> {
      await sendRenderedMail(deps, message);
    },
  };
}

export type MailActivities = ReturnType<typeof createMailActivities>;
