import { csvLine } from '../../../src/domain/groups/report';
import type { SubscriptionStatus } from '../../../src/domain/groups/subscriptions';
import type { ClaimOutcome } from '../../../src/groups/claims';
import type { Campaign } from '../../../src/repos/groups/campaigns';
import type { Customer, Plan } from '../../../src/repos/groups/catalog';

/** A customer without our bookkeeping of when its default card was last told. */
export const presentCustomer = (c: Customer) => {
  const { defaultPaymentMethodAt: _at, ...rest } = c;
  return rest;
};

export const presentPlan = (p: Plan) => ({ ...p, price: { amount: p.amount, currency: p.currency } });

export const presentCampaign = (c: Campaign) => {
  const { codeCount, stripeCouponId: _coupon, ...rest } = c;
  return { ...rest, count: c.mode === 'unique' ? codeCount : null };
};

export const presentClaim = (o: ClaimOutcome) => ({
  id: o.claim.id,
  groupId: o.claim.groupId,
  status: o.kind,
  via: o.claim.via,
  subscriptionId: o.kind === 'granted' ? o.subscription.id : null,
  subscriptionStatus: o.kind === 'granted' ? (o.subscription.status as Exclude<SubscriptionStatus, 'failed'>) : null,
  existing: o.kind === 'granted' && o.existing,
  codeExpiresAt: o.kind === 'verification_sent' ? o.claim.codeExpiresAt : null,
});

/**
 * A body read from `rows` as the client takes it (back-pressure: the next batch is fetched only
 * when the previous one was sent), so an export of any size takes constant memory. A client that
 * goes away closes the rows' cursor.
 */
function streamOf<T>(head: string, rows: AsyncIterable<T>, line: (row: T, first: boolean) => string, tail: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const it = rows[Symbol.asyncIterator]();
  let first = true;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(head));
      }
      let chunk = '';
      // Up to ~64 KB per chunk: few enqueues, bounded memory.
      while (chunk.length < 65_536) {
        const next = await it.next();
        if (next.done) {
          controller.enqueue(encoder.encode(chunk + tail));
          controller.close();
          return;
        }
        chunk += line(next.value, first);
        first = false;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await it.return?.();
    },
  });
}

/** CSV: the header, then one record per row. */
export const csvStream = <T extends object>(columns: readonly (keyof T & string)[], rows: AsyncIterable<T>) =>
  streamOf(`${columns.join(',')}\r\n`, rows, (r) => csvLine(columns, r as Record<string, unknown>), '');

/** JSON `{ "generatedAt": …, "items": [ … ] }`, one item at a time. */
export const jsonStream = <T>(generatedAt: Date, rows: AsyncIterable<T>) =>
  streamOf(`{"generatedAt":${JSON.stringify(generatedAt)},"items":[`, rows, (r, first) => (first ? '' : ',') + JSON.stringify(r), ']}');
