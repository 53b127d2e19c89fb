import type { Db } from '../db/connect';
import type { EventType, NewEvent } from '../domain/events';
import { insertEvent } from '../repos/events';

/**
 * Announces a change. Call it inside the transaction that makes the change, so an event exists
 * exactly when its change does: nothing announced that did not happen, nothing that happened left
 * unannounced. Delivery to webhook endpoints follows the commit.
 */
export async function recordEvent<T extends EventType>(tx: Db, e: NewEvent<T>): Promise<{ id: string }> {
  const row = await insertEvent(tx, e);
  return { id: row.id };
}
