// The events partnerflow announces (GET /v1/events, outgoing webhooks): names and payloads. Pure.
// Add fields, never rename: partners' systems are written against these payloads.

export interface MoneyValue {
  amount: number;
  currency: string;
}

/** An allotment's six columns after the change an event reports. */
export interface AllotmentColumns {
  allocated: number;
  invited: number;
  used: number;
  unexpired: number;
  expired: number;
  available: number;
}

interface AllotmentRef {
  organizationId: string;
  assessmentId: string;
  unit: 'response' | 'cohort';
}

/** Every event type with its `data`. */
export interface EventPayloads {
  'purchase.paid': { purchaseId: string; organizationId: string; assessmentId: string; quantity: number; amount: MoneyValue };
  'purchase.expired': { purchaseId: string; organizationId: string; assessmentId: string; quantity: number };
  'allotment.credited': AllotmentRef & { units: number; purchaseId: string | null; columns: AllotmentColumns };
  'allotment.low_balance': AllotmentRef & { threshold: number; columns: AllotmentColumns };
  'allotment.exhausted': AllotmentRef & { columns: AllotmentColumns };
  'response.completed': { responseId: string; organizationId: string; assessmentId: string; cohortId: string | null };
  'response.expired': { responseId: string; organizationId: string; assessmentId: string; cohortId: string | null };
  'sale.registered': { saleId: string; organizationId: string; name: string; status: string };
  'sale.approved': { saleId: string; organizationId: string; status: string };
  'sale.rejected': { saleId: string; organizationId: string; status: string; reason: string };
  'sale.activated': { saleId: string; organizationId: string; status: string };
  'sale.cancelled': { saleId: string; organizationId: string; status: string; keysRevoked: number };
  'key.issued': { saleId: string; organizationId: string; keyId: string; userEmail: string; expiresAt: string };
  'key.renewed': { saleId: string; organizationId: string; renewed: number };
  'subscription.created': { subscriptionId: string; customerId: string; planId: string; groupId: string | null; status: string };
  'subscription.updated': { subscriptionId: string; customerId: string; planId: string; groupId: string | null; status: string; previousStatus: string | null };
  'campaign.code_redeemed': { campaignId: string; groupId: string; redemptionId: string; email: string; subscriptionId: string | null };
  'campaign.closed': { campaignId: string; groupId: string; status: string; redemptions: number };
  'access.claimed': { claimId: string; groupId: string; via: string; subscriptionId: string | null };
  'aggregator.tariff_assigned': { aggregatorId: string; organizationId: string; tariffId: string };
  'aggregator.backfill_completed': {
    aggregatorId: string; organizationId: string; tariffId: string | null; profilesDone: number;
    /** What the walk did to each profile: assign (the tariff), unassign, or deactivate (contracts terminated, profiles detached). */
    mode?: 'assign' | 'unassign' | 'deactivate';
  };
  'aggregator.deactivated': { aggregatorId: string; organizationId: string; contractsTerminated: number };
}

export type EventType = keyof EventPayloads;

export const EVENT_TYPES = [
  'purchase.paid', 'purchase.expired',
  'allotment.credited', 'allotment.low_balance', 'allotment.exhausted',
  'response.completed', 'response.expired',
  'sale.registered', 'sale.approved', 'sale.rejected', 'sale.activated', 'sale.cancelled',
  'key.issued', 'key.renewed',
  'subscription.created', 'subscription.updated',
  'campaign.code_redeemed', 'campaign.closed',
  'access.claimed',
  'aggregator.tariff_assigned', 'aggregator.backfill_completed', 'aggregator.deactivated',
] as const satisfies readonly EventType[];

// Every EventPayloads key is listed above (a missing one fails the type check here).
type Missing = Exclude<EventType, (typeof EVENT_TYPES)[number]>;
export const EVERY_EVENT_TYPE_LISTED: Missing extends never ? true : Missing = true;

export const isEventType = (value: string): value is EventType => (EVENT_TYPES as readonly string[]).includes(value);

/** An event as recorded: `data` is the payload of its type. */
export interface NewEvent<T extends EventType = EventType> {
  type: T;
  /** The organization whose scope the event belongs to (managers and their endpoints see it); null: site-wide. */
  organizationId: string | null;
  data: EventPayloads[T];
}
