import { ENTRY_KINDS, ENTRY_SOURCES } from '../../../src/domain/allotments/ledger';
import { z } from '@hono/zod-openapi';

export const AssessmentSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    responseExpiryDays: z.number().int(),
    pricingByCohort: z.boolean(),
    invitationUrlTemplate: z.string().nullable(),
    reminderDaysBeforeExpiry: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .openapi('Assessment');

export const BandSchema = z
  .strictObject({
    upTo: z.number().int().min(1).nullable().openapi({ description: 'Inclusive; null on the last, open-ended band' }),
    unitAmount: z.number().int().positive().openapi({ description: 'Minor units per unit' }),
  })
  .openapi('Band');

export const PriceListSchema = z
  .object({
    id: z.uuid(),
    assessmentId: z.uuid(),
    name: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    tiersMode: z.enum(['volume', 'graduated']),
    currencies: z.record(z.string(), z.array(BandSchema)),
    createdAt: z.date(),
    successorId: z.uuid().nullable().openapi({ description: 'The list that starts the day after this one ends' }),
    version: z.number().int().openapi({ description: '1, or the version after replacesId' }),
    replacesId: z.uuid().nullable().openapi({ description: 'The used list this version replaced' }),
    replacedById: z.uuid().nullable().openapi({ description: 'The newer version that took this list\'s place' }),
  })
  .openapi('PriceList');

export const QuoteSchema = z
  .object({
    quantity: z.number().int(),
    currency: z.string(),
    unitAmount: z.number().int(),
    amount: z.number().int(),
    priceListId: z.uuid(),
    band: z.object({ index: z.number().int(), from: z.number().int(), upTo: z.number().int().nullable(), unitAmount: z.number().int() }),
    tiersMode: z.enum(['volume', 'graduated']),
  })
  .openapi('Quote');

export const AllotmentSchema = z
  .object({
    organizationId: z.uuid(),
    assessmentId: z.uuid(),
    unit: z.enum(['response', 'cohort']),
    allocated: z.number().int(),
    invited: z.number().int(),
    used: z.number().int(),
    unexpired: z.number().int(),
    expired: z.number().int(),
    available: z.number().int(),
    nextReleaseAt: z.date().nullable().openapi({ description: 'When the earliest open invitation expires and gives its unit back' }),
    lowBalanceThreshold: z.number().int().nullable().openapi({
      description: 'Available at or below this alerts once per crossing (allotment.low_balance event, e-mail to the organization\'s managers); null: off',
    }),
  })
  .openapi('Allotment');

export const UpdateAllotment = z
  .strictObject({
    lowBalanceThreshold: z.number().int().min(0).max(1_000_000).nullable().optional().openapi({ description: 'Units; null switches the low-balance alert off' }),
  })
  .openapi('UpdateAllotment');

const MoneySchema = z.object({ amount: z.number().int(), currency: z.string() });

export const PurchaseSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    assessmentId: z.uuid(),
    status: z.enum(['pending_payment', 'payment_mismatch', 'paid', 'expired', 'granted']).openapi({
      description: 'payment_mismatch: a signed payment event named this purchase but was not its payment (another id, amount or currency); nothing was allocated and the purchase still waits for its own payment',
    }),
    quantity: z.number().int(),
    currency: z.string(),
    unitAmount: MoneySchema,
    amount: MoneySchema,
    paymentMethod: z.enum(['stripe', 'manual']),
    checkout: z.boolean().openapi({ description: 'Paid on a Stripe-hosted Checkout page (checkoutUrl) rather than with Stripe.js (clientSecret)' }),
    priceListId: z.uuid().nullable(),
    clientSecret: z.string().nullable().openapi({ description: 'Stripe PaymentIntent client secret, for Stripe.js confirmPayment (while payment is awaited)' }),
    paymentIntentId: z.string().nullable(),
    checkoutUrl: z.string().nullable().openapi({ description: 'The Stripe-hosted Checkout page to send the partner to (while payment is awaited)' }),
    checkoutSessionId: z.string().nullable(),
    refundedUnits: z.number().int().openapi({ description: 'Units refunds and disputes took back from the allotment' }),
    shortfall: z.number().int().openapi({ description: 'Units refunds and disputes asked back that were already used or held by open invitations (never taken from respondents)' }),
    reversals: z.array(
      z.object({
        kind: z.enum(['refund', 'dispute']),
        stripeObjectId: z.string().openapi({ description: 'The refunded charge, or the dispute' }),
        amount: MoneySchema,
        units: z.number().int(),
        taken: z.number().int(),
        shortfall: z.number().int(),
        eventId: z.string(),
        recordedAt: z.date(),
      }),
    ),
    paymentMismatches: z.array(
      z.object({
        eventId: z.string(),
        eventType: z.string(),
        objectId: z.string(),
        amount: MoneySchema.nullable(),
        reasons: z.array(z.enum(['object_id', 'amount', 'currency'])),
        recordedAt: z.date(),
      }),
    ),
    expiresAt: z.date().nullable(),
    paidAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .openapi('Purchase');

export const LedgerEntrySchema = z
  .object({
    id: z.number().int().openapi({ description: 'Increases with every movement of the allotment: the order of the ledger' }),
    organizationId: z.uuid(),
    assessmentId: z.uuid(),
    at: z.date(),
    kind: z.enum(ENTRY_KINDS),
    units: z.number().int().openapi({ description: 'How many units moved' }),
    actor: z.string().openapi({ description: "Who moved them, as the audit trail names it: user:<id>, share_link:<id>, stripe:<event id>, workflow:<id>, system" }),
    source: z.enum(ENTRY_SOURCES).nullable().openapi({ description: 'Reservations: how the responses came, or why the cohort was counted' }),
    purchaseId: z.uuid().nullable(),
    responseId: z.uuid().nullable(),
    cohortId: z.uuid().nullable(),
    jobId: z.uuid().nullable(),
    allocated: z.number().int().openapi({ description: 'The columns after the movement' }),
    invited: z.number().int(),
    used: z.number().int(),
    unexpired: z.number().int(),
    expired: z.number().int(),
    available: z.number().int(),
  })
  .openapi('LedgerEntry');

export const ResponseSchema = z
  .object({
    id: z.uuid(),
    assessmentId: z.uuid(),
    organizationId: z.uuid(),
    cohortId: z.uuid().nullable(),
    jobId: z.uuid().nullable(),
    source: z.enum(['manual', 'bulk', 'cohort', 'share_link']),
    respondent: z.object({ email: z.string(), name: z.string() }),
    counted: z.boolean().openapi({ description: 'Whether it holds a unit of the allotment' }),
    notify: z.boolean().openapi({ description: 'Whether partnerflow e-mails the respondent the invitation and reminder (false: the partner sends its own)' }),
    status: z.enum(['invited', 'completed', 'expired']),
    expiresAt: z.date(),
    createdAt: z.date(),
    completedAt: z.date().nullable(),
    expiredAt: z.date().nullable(),
  })
  .openapi('Response');

export const CohortSchema = z
  .object({ id: z.uuid(), assessmentId: z.uuid(), organizationId: z.uuid(), name: z.string(), counted: z.boolean(), createdAt: z.date() })
  .openapi('Cohort');

export const ShareLinkSchema = z
  .object({
    id: z.uuid(),
    assessmentId: z.uuid(),
    organizationId: z.uuid(),
    cohortId: z.uuid().nullable(),
    notify: z.boolean().openapi({ description: 'false: responses started through the link get no invitation e-mail and no reminder' }),
    createdBy: z.uuid().nullable(),
    createdAt: z.date(),
    revokedAt: z.date().nullable(),
  })
  .openapi('ShareLink');

export const Respondent = z.strictObject({ email: z.email().transform((e) => e.toLowerCase()), name: z.string().trim().min(1).max(200) });
