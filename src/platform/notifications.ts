import {
  notificationIdOf,
  notificationMessageId,
  renderMessage,
  renderTemplate,
  type TemplateData,
  type TemplateName,
} from '../domain/mail-templates';
import type { Mail } from '../mail';
import { claimNotification, markNotificationFailed, markNotificationSent, notificationById } from '../repos/notifications';
import type { Services } from './services';

/**
 * One e-mail to one recipient. `id` is a business key (`purchase-<id>.receipt`): sending the same
 * id again, from a retried activity or a second worker, never delivers a second message.
 */
export interface Notification<T extends TemplateName = TemplateName> {
  id: string;
  to: string;
  template: T;
  data: TemplateData[T];
}

export type NotificationOutcome = 'sent' | 'already_sent';

/**
 * How long a sender holds a claimed notification. The mailer gives up on a silent SMTP server
 * well within it (src/mail.ts); a claim that runs out means its sender stopped between claiming
 * and recording, and the next attempt sends again.
 */
export const NOTIFICATION_CLAIM_SECONDS = 120;

/** Another attempt holds this notification's claim: retry later (activities do, with backoff). */
export class NotificationInProgress extends Error {
  override name = 'NotificationInProgress';
}

type MailServices = Pick<Services, 'sql' | 'mail'>;

/** Renders a template and sends it once (see `deliver`). For API-side sends and the mail activity. */
export async function sendNotification<T extends TemplateName>(s: MailServices, n: Notification<T>): Promise<NotificationOutcome> {
  const rendered = renderTemplate(n.template, n.data);
  return deliver(s, { id: n.id, template: n.template, mail: { to: n.to, ...rendered } });
}

/**
 * A message rendered elsewhere (the sale workflow's e-mails, recorded in its history), sent once
 * by the notification id in its Message-ID. A message without one of our Message-IDs has no
 * identity to be sent once by (two equal texts may be two real notices): it is sent as it is,
 * at least once; give it a Message-ID (`notificationMessageId(id)`) to have it sent once.
 */
export async function sendRenderedMail(s: MailServices, mail: Mail): Promise<NotificationOutcome> {
  // Messages recorded before e-mails had an HTML part get one made from their text.
  const html = mail.html ?? renderMessage({ subject: mail.subject, paragraphs: mail.text.trim().split(/\n{2,}/) }).html;
  const id = mail.messageId && notificationIdOf(mail.messageId);
  if (!id) {
    await s.mail.send({ ...mail, html });
    return 'sent';
  }
  const template = /^sale-[^.]+\.([a-z-]+)\./.exec(id)?.[1];
  return deliver(s, { id, template: template ? `sale.${template}` : 'rendered', mail: { ...mail, html } });
}

/**
 * The send itself: claim the notification (its row says "sending"), hand the message to the SMTP
 * server, record "sent". A sent notification is never sent again; one the server refused or never
 * reached ("failed") is. The one window left is a sender that stops after the server accepted the
 * message and before "sent" is recorded: once its claim runs out the next attempt sends again,
 * with the same Message-ID, by which mail stores and clients drop the duplicate.
 */
async function deliver(s: MailServices, n: { id: string; template: string; mail: Mail }): Promise<NotificationOutcome> {
  const messageId = notificationMessageId(n.id);
  const claimed = await claimNotification(s.sql, { id: n.id, recipient: n.mail.to, template: n.template, messageId, leaseSeconds: NOTIFICATION_CLAIM_SECONDS });
  if (!claimed) {
    const row = await notificationById(s.sql, n.id);
    if (row?.status === 'sent') return 'already_sent';
    throw new NotificationInProgress(`notification ${n.id} is being sent by another attempt`);
  }
  try {
    await s.mail.send({ ...n.mail, messageId });
  } catch (err) {
    await markNotificationFailed(s.sql, n.id, err instanceof Error ? err.message : String(err));
    throw err;
  }
  await markNotificationSent(s.sql, n.id);
  return 'sent';
}
