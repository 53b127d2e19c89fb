import type { Db } from '../db/connect';

export type NotificationStatus = 'sending' | 'sent' | 'failed';

export interface NotificationRow {
  id: string;
  recipient: string;
  template: string;
  messageId: string;
  status: NotificationStatus;
  attempts: number;
  sentAt: Date | null;
}

const columns = (sql: Db) => sql`id, recipient, template, message_id, status, attempts, sent_at`;

/**
 * Claims the send of one notification: a new id, one that failed (the SMTP server did not accept
 * it) or one whose sender's claim ran out (it stopped somewhere between claiming and recording).
 * Undefined when it was sent already or another sender holds a live claim.
 */
export async function claimNotification(
  sql: Db,
  n: { id: string; recipient: string; template: string; messageId: string; leaseSeconds: number },
): Promise<NotificationRow | undefined> {
  const [row] = await sql<NotificationRow[]>`
    insert into notifications as n (id, recipient, template, message_id, status, attempts, claimed_until)
    values (${n.id}, ${n.recipient}, ${n.template}, ${n.messageId}, 'sending', 1, clock_timestamp() + make_interval(secs => ${n.leaseSeconds}))
    on conflict (id) do update set status = 'sending', attempts = n.attempts + 1,
      claimed_until = clock_timestamp() + make_interval(secs => ${n.leaseSeconds}), last_error = null
    where n.status = 'failed' or (n.status = 'sending' and n.claimed_until < clock_timestamp())
    returning ${columns(sql)}`;
  return row;
}

export async function notificationById(sql: Db, id: string): Promise<NotificationRow | undefined> {
  const [row] = await sql<NotificationRow[]>`select ${columns(sql)} from notifications where id = ${id}`;
  return row;
}

/** The SMTP server accepted the message. */
export async function markNotificationSent(sql: Db, id: string): Promise<void> {
  await sql`update notifications set status = 'sent', sent_at = clock_timestamp(), claimed_until = null where id = ${id}`;
}

/** The SMTP server refused the message or could not be reached: the next attempt sends it. */
export async function markNotificationFailed(sql: Db, id: string, error: string): Promise<void> {
  await sql`update notifications set status = 'failed', claimed_until = null, last_error = ${error.slice(0, 500)} where id = ${id} and status = 'sending'`;
}
