import type { Db } from '../db/connect';
import type { EventType, NewEvent } from '../domain/events';
import { insertEvent } from '../repos/events';
import { insertDeliveriesForEvent, notifyOutbox } from '../repos/webhooks';

/**
 * Announces a change. Call it inside the transaction that makes the change, so an event exists
 * exactly when its change does: nothing announced that did not happen, nothing that happened left
 * unannounced. Delivery to webhook endpoints follows the commit: the same transaction writes one
 * delivery per subscribed endpoint (the outbox), and the dispatcher (src/platform/webhook-dispatch.ts),
 * woken by the commit, starts a delivery workflow for each.
 */
export async function recordEvent<T extends EventType>(tx: Db, e: NewEvent<T>): Promise<{ id: string }> {
  const row = await insertEvent(tx, e);
  const deliveries = await insertDeliveriesForEvent(tx, { id: row.id, type: e.type, organizationId: e.organizationId });
  if (deliveries > 0) await notifyOutbox(tx);
  return { id: row.id };
}
