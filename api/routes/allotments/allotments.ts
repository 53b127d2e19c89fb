import { createRoute, z } from '@hono/zod-openapi';
import { listAllotments, listLedgerEntries, updateAllotment } from '../../../src/allotments/ledger';
import { getPurchase, listPurchases, placePurchase } from '../../../src/allotments/purchases';
import { ENTRY_KINDS } from '../../../src/domain/allotments/ledger';
import { principalOf, requireRole } from '../../auth';
import { ALLOTMENT_CURSOR, ENTRY_CURSOR } from '../../../src/domain/cursor';
import { answerList, listAnswer } from '../../lists';
import { Currency, errorResponses, IdParam, json, jsonBody, listOf, page, PageQuery, pageQuery } from '../../schemas';
import { withholdOnReplay } from '../../idempotency';
import type { Router } from '../../router';
import { presentLedgerEntry, presentPurchase } from './present';
import { AllotmentSchema, LedgerEntrySchema, PurchaseSchema, UpdateAllotment } from './schemas';

const PurchaseFilters = PageQuery.extend({
  organizationId: z.uuid().optional(),
  assessmentId: z.uuid().optional(),
  status: z.enum(['pending_payment', 'payment_mismatch', 'paid', 'expired', 'granted']).optional(),
  paymentMethod: z.enum(['stripe', 'manual']).optional(),
});

const EntryFilters = pageQuery(ENTRY_CURSOR).extend({
  kind: z.enum(ENTRY_KINDS).optional(),
  from: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Movements at or after this instant' }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Movements before this instant' }),
});

const AllotmentParams = z.object({ organizationId: z.uuid(), assessmentId: z.uuid() });

export const CreatePurchase = z
  .strictObject({
    organizationId: z.uuid(),
    assessmentId: z.uuid(),
    quantity: z.number().int().min(1).max(1_000_000),
    currency: Currency,
    paymentMethod: z.enum(['stripe', 'manual']).optional().openapi({ description: '"manual": an admin grant without payment' }),
    checkout: z.boolean().optional().openapi({ description: 'true: pay on a Stripe-hosted Checkout page (the answer carries checkoutUrl); default: a PaymentIntent (clientSecret)' }),
  })
  .openapi('CreatePurchase');

export function registerAllotmentRoutes(app: Router) {
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/allotments', tags: ['allotments'],
      description: 'The ledger per organization × assessment: Available = Allocated − Used − Unexpired.',
      request: { query: pageQuery(ALLOTMENT_CURSOR).extend({ organizationId: z.uuid().optional(), assessmentId: z.uuid().optional() }) },
      responses: { 200: json(listOf(AllotmentSchema)), ...errorResponses(409) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listAllotments(c.var.deps, principalOf(c), { organizationId: q.organizationId, assessmentId: q.assessmentId, after: q.cursor, limit: q.limit + 1 });
      return c.json(page(rows, q.limit, (r) => `${r.organizationId}:${r.assessmentId}`, ALLOTMENT_CURSOR), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/v1/allotments/{organizationId}/{assessmentId}', tags: ['allotments'],
      description:
        'Changes an allotment\'s settings (admins; managers of the organization). lowBalanceThreshold: when Available falls from above it to it or below, ' +
        'one allotment.low_balance event is recorded and the organization\'s managers are e-mailed; it re-arms once Available rises above it again. null: off.',
      request: { params: AllotmentParams, body: jsonBody(UpdateAllotment) },
      responses: { 200: json(AllotmentSchema), ...errorResponses(403, 404, 409) },
    }),
    async (c) => c.json(await updateAllotment(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('param'), c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/allotments/purchases', tags: ['allotments'],
      description:
        'Quotes with the linked price list and creates a Stripe PaymentIntent (clientSecret), or with checkout: true a Stripe-hosted Checkout Session ' +
        '(checkoutUrl; success and cancel pages under PUBLIC_BASE_URL), both with metadata.purchaseId; the units are allocated when Stripe confirms that very ' +
        'payment (id, amount and currency). Admins may grant with paymentMethod "manual" (no Stripe). Unpaid purchases expire after PURCHASE_PAYMENT_TIMEOUT_HOURS.',
      request: { body: jsonBody(CreatePurchase) },
      responses: { 201: json(PurchaseSchema, 'Created'), ...errorResponses(403, 404, 409) },
    }),
    async (c) => {
      const purchase = presentPurchase(await placePurchase(c.var.deps, requireRole(c, 'admin', 'manager'), c.req.valid('json')));
      // The client secret stays in Stripe: a replay answers clientSecret null (GET the purchase for it).
      withholdOnReplay(c, { fields: ['clientSecret'], replay: 'without' });
      return c.json(purchase, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/allotments/purchases/{id}', tags: ['allotments'],
      request: { params: IdParam },
      responses: { 200: json(PurchaseSchema), ...errorResponses(404, 409) },
    }),
    async (c) => c.json(presentPurchase(await getPurchase(c.var.deps, principalOf(c), c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/allotments/purchases', tags: ['allotments'],
      description:
        'The purchases the caller may see (admins: all; managers: their organizations and linked assessments), newest first, with their refunds and ' +
        'mismatched payments. clientSecret is always null here: GET the purchase for it. Accept: text/csv exports every matching purchase.',
      request: { query: PurchaseFilters },
      responses: { 200: listAnswer(PurchaseSchema), ...errorResponses(409) },
    }),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid('query');
      const p = principalOf(c);
      return answerList(c, { cursor, limit }, {
        read: (w) => listPurchases(c.var.deps, p, { ...filters, ...w }), key: (r) => r.id, present: presentPurchase, item: PurchaseSchema, name: 'purchases',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/allotments/{organizationId}/{assessmentId}/entries', tags: ['allotments'],
      description:
        'The ledger of one allotment: every movement of its columns (allocation, reservation, completion, expiry, refund, dispute), oldest first, ' +
        'with when, who, what for, and the six columns after it. The last entry\'s columns are the allotment\'s. Accept: text/csv exports every matching entry.',
      request: { params: AllotmentParams, query: EntryFilters },
      responses: { 200: listAnswer(LedgerEntrySchema), ...errorResponses(404, 409) },
    }),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid('query');
      const p = principalOf(c);
      const allotment = c.req.valid('param');
      return answerList(c, { cursor, limit }, {
        read: (w) => listLedgerEntries(c.var.deps, p, allotment, { ...filters, ...w }),
        key: (e) => String(e.id), codec: ENTRY_CURSOR, present: presentLedgerEntry, item: LedgerEntrySchema, name: 'ledger-entries',
      });
    },
  );
}
