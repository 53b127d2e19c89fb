import { z } from '@hono/zod-openapi';
import type { EventPayloads, EventType } from '../../../src/domain/events';
import { Money } from '../../schemas';

// The payload (`data`) of every event type, for the OpenAPI document's `webhooks` section and the
// events API. They mirror src/domain/events.ts: the `satisfies` below fails the type check when a
// type has no schema or a schema does not match its payload.

const id = z.uuid();
const Columns = z
  .object({ allocated: z.number().int(), invited: z.number().int(), used: z.number().int(), unexpired: z.number().int(), expired: z.number().int(), available: z.number().int() })
  .openapi('AllotmentColumns');
const allotmentRef = { organizationId: id, assessmentId: id, unit: z.enum(['response', 'cohort']) };
const response = z.object({ responseId: id, organizationId: id, assessmentId: id, cohortId: id.nullable() });
const subscription = { subscriptionId: id, customerId: id, planId: id, groupId: id.nullable(), status: z.string() };

export const EVENT_PAYLOAD_SCHEMAS = {
  'purchase.paid': z.object({ purchaseId: id, organizationId: id, assessmentId: id, quantity: z.number().int(), amount: Money }),
  'purchase.expired': z.object({ purchaseId: id, organizationId: id, assessmentId: id, quantity: z.number().int() }),
  'allotment.credited': z.object({ ...allotmentRef, units: z.number().int(), purchaseId: id.nullable(), columns: Columns }),
  'allotment.low_balance': z.object({ ...allotmentRef, threshold: z.number().int(), columns: Columns }),
  'allotment.exhausted': z.object({ ...allotmentRef, columns: Columns }),
  'response.completed': response,
  'response.expired': response,
  'sale.registered': z.object({ saleId: id, organizationId: id, name: z.string(), status: z.string() }),
  'sale.approved': z.object({ saleId: id, organizationId: id, status: z.string() }),
  'sale.rejected': z.object({ saleId: id, organizationId: id, status: z.string(), reason: z.string() }),
  'sale.activated': z.object({ saleId: id, organizationId: id, status: z.string() }),
  'sale.cancelled': z.object({ saleId: id, organizationId: id, status: z.string(), keysRevoked: z.number().int() }),
  'key.issued': z.object({ saleId: id, organizationId: id, keyId: id, userEmail: z.string(), expiresAt: z.string() }),
  'key.renewed': z.object({ saleId: id, organizationId: id, renewed: z.number().int() }),
  'subscription.created': z.object(subscription),
  'subscription.updated': z.object({ ...subscription, previousStatus: z.string().nullable() }),
  'campaign.code_redeemed': z.object({ campaignId: id, groupId: id, redemptionId: id, email: z.string(), subscriptionId: id.nullable() }),
  'campaign.closed': z.object({ campaignId: id, groupId: id, status: z.string(), redemptions: z.number().int() }),
  'access.claimed': z.object({ claimId: id, groupId: id, via: z.string(), subscriptionId: id.nullable() }),
  'aggregator.tariff_assigned': z.object({ aggregatorId: id, organizationId: id, tariffId: id }),
  'aggregator.backfill_completed': z.object({ aggregatorId: id, organizationId: id, tariffId: id.nullable(), profilesDone: z.number().int(), mode: z.enum(['assign', 'unassign', 'deactivate']).optional() }),
  'aggregator.deactivated': z.object({ aggregatorId: id, organizationId: id, contractsTerminated: z.number().int() }),
} satisfies { [K in EventType]: z.ZodType<EventPayloads[K]> };

/** The name of an event type's schemas in the document: `purchase.paid` → `PurchasePaid`. */
export const schemaName = (type: string) =>
  type
    .split(/[._]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/** The body a webhook delivers: `{type, timestamp, data}` (Standard Webhooks). */
export const webhookBodySchema = <K extends EventType>(type: K) =>
  z
    .object({
      type: z.literal(type),
      timestamp: z.string().openapi({ description: 'When the event happened (ISO 8601)', format: 'date-time' }),
      data: EVENT_PAYLOAD_SCHEMAS[type],
    })
    .openapi(`${schemaName(type)}Webhook`);
