import type { Db } from '../db/connect';

/** Records a Stripe event id once: true the first time, false for a redelivery. */
export async function recordStripeEvent(sql: Db, event: { id: string; type: string }): Promise<boolean> {
  const fresh = await sql`insert into stripe_events (id, type) values (${event.id}, ${event.type}) on conflict do nothing returning 1`;
  return fresh.length > 0;
}
