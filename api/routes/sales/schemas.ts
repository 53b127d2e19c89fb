import { z } from '@hono/zod-openapi';
import { DEFAULT_KEY_LENGTH_DAYS, KEY_STATUSES, SALE_STATUSES, SALES_TYPES } from '../../../src/domain/sales/types';
import { Currency, IsoDate, Money } from '../../schemas';
import { OrganizationFields } from '../platform/schemas';

const readOnly = (what: string) =>
  z.unknown().optional().openapi({ description: `Read-only (${what}): sending it answers 422 IMMUTABLE_FIELD` });

const Text = (max: number) => z.string().trim().min(1).max(max);
const Email = z.email().transform((e) => e.toLowerCase());
const Person = z.strictObject({ name: Text(200), email: Email });

export const Customer = z
  .strictObject({
    organizationId: z.uuid().optional().openapi({ description: 'An existing organization in your scope' }),
    newOrganization: z.strictObject(OrganizationFields).optional().openapi({ description: 'Created with the sale; managers: below their organization by default' }),
    contacts: z.array(Person).max(100).optional(),
    users: z.array(Person).max(1000).optional(),
  })
  .refine((c) => (c.organizationId === undefined) !== (c.newOrganization === undefined), {
    message: 'give either organizationId or newOrganization',
  });

export const SaleLineInput = z.strictObject({
  distributionId: z.uuid(),
  salesType: z.enum(SALES_TYPES),
  numberOfUsers: z.number().int().min(1).max(1_000_000).openapi({ description: 'Fixed at registration' }),
  currency: Currency,
});

const editable = {
  name: Text(200),
  customerPoNumber: Text(100).nullable().optional(),
  orderNumber: Text(100).nullable().optional(),
  billed: Text(50).openapi({ description: 'Billing method, e.g. invoice or card' }),
  activationDate: IsoDate.openapi({ description: 'YYYY-MM-DD, today (UTC) or later; the sale is active from 00:00 UTC' }),
};

export const CreateSale = z
  .strictObject({
    ...editable,
    customer: Customer,
    distributions: z.array(SaleLineInput).min(1).max(50),
    comment: Text(5000).optional().openapi({ description: 'The first comment of the thread' }),
    cancellationDate: readOnly('always activationDate + 365 days'),
    status: readOnly('moved by approve/reject and the lifecycle'),
  })
  .openapi('CreateSale');

export const PatchSale = z
  .strictObject({
    name: editable.name.optional(),
    customerPoNumber: editable.customerPoNumber,
    orderNumber: editable.orderNumber,
    billed: editable.billed.optional(),
    activationDate: editable.activationDate.optional().openapi({ description: 'Only while pending approval or approved' }),
    cancellationDate: readOnly('always activationDate + 365 days'),
    distributions: readOnly('fixed at registration'),
    numberOfUsers: readOnly('fixed at registration'),
    customer: readOnly('fixed at registration'),
    organizationId: readOnly('fixed at registration'),
    status: readOnly('moved by approve/reject and the lifecycle'),
  })
  .openapi('PatchSale');

export const SaleLine = z
  .object({
    id: z.uuid(),
    distributionId: z.uuid(),
    name: z.string(),
    salesType: z.enum(SALES_TYPES),
    numberOfUsers: z.number().int(),
    seatsUsed: z.number().int(),
    keyLengthDays: z.number().int(),
    distributionPrice: Money.openapi({ description: 'Unit price per user' }),
    salesPrice: Money.openapi({ description: 'Unit price × number of users' }),
  })
  .openapi('SaleDistribution');

export const Comment = z.object({ id: z.uuid(), text: z.string(), authorId: z.uuid(), createdAt: z.date() }).openapi('SaleComment');
const PersonOut = z.object({ id: z.uuid(), name: z.string(), email: z.string(), organizationId: z.uuid(), createdAt: z.date() });

export const SaleSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(SALE_STATUSES),
    organizationId: z.uuid(),
    customer: z.object({ organizationId: z.uuid(), name: z.string() }),
    registeredBy: z.uuid(),
    customerPoNumber: z.string().nullable(),
    orderNumber: z.string().nullable(),
    billed: z.string(),
    activationDate: z.string(),
    cancellationDate: z.string(),
    rejectionReason: z.string().nullable(),
    decidedBy: z.uuid().nullable(),
    decidedAt: z.date().nullable(),
    activatedAt: z.date().nullable(),
    cancelledAt: z.date().nullable(),
    cancelledBy: z.uuid().nullable().openapi({ description: 'The admin who cancelled the sale before its cancellation date' }),
    cancellationReason: z.string().nullable().openapi({ description: 'Why an admin cancelled the sale early (null when it ran its course)' }),
    distributions: z.array(SaleLine),
    totals: z.array(Money).openapi({ description: 'Sales price summed per currency' }),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .openapi('Sale');

export const SaleDetail = SaleSchema.extend({
  comments: z.array(Comment),
  contacts: z.array(PersonOut),
  users: z.array(PersonOut),
}).openapi('SaleDetail');

export const KeySchema = z
  .object({
    id: z.uuid(),
    key: z.string().openapi({ description: 'The licence key (an unguessable token)' }),
    userEmail: z.string(),
    distributionId: z.uuid(),
    issuedAt: z.date(),
    expiresAt: z.date(),
    status: z.enum(KEY_STATUSES),
    renewals: z.number().int(),
    revokedAt: z.date().nullable(),
    revocationReason: z.string().nullable().openapi({ description: 'Why an admin revoked this key alone (null when the sale\'s cancellation revoked it)' }),
  })
  .openapi('LicenceKey');

export const KeyInSaleSchema = KeySchema.extend({ saleId: z.uuid() }).openapi('LicenceKeyInSale');

export const PublicKeySchema = z
  .object({ key: z.string(), status: z.enum(KEY_STATUSES), expiresAt: z.date() })
  .openapi('LicenceKeyValidation');

export const Launch = z
  .strictObject({
    userEmail: Email,
    distributionId: z.uuid().optional().openapi({ description: 'Needed when the sale has more than one distribution' }),
  })
  .openapi('Launch');

export const Reject = z.strictObject({ reason: Text(2000) }).openapi('RejectSale');
export const CancelSale = z.strictObject({ reason: Text(2000) }).openapi('CancelSale');
export const RevokeKey = z.strictObject({ reason: Text(2000) }).openapi('RevokeKey');
export const CommentInput = z.strictObject({ text: Text(5000) }).openapi('CommentInput');

const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'an upper-case ISO-4217 code such as EUR');

export const DistributionSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    unitPrices: z.record(z.string(), z.number().int()).openapi({ example: { EUR: 1250, USD: 1400 } }),
    keyLengthDays: z.number().int(),
    salesTypes: z.array(z.enum(SALES_TYPES)),
    createdAt: z.date(),
  })
  .openapi('Distribution');

export const CreateDistribution = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    unitPrices: z
      .record(CurrencyCode, z.number().int().min(0).max(1_000_000_000))
      .refine((prices) => Object.keys(prices).length > 0, 'give at least one currency')
      .openapi({ description: 'Minor units per user, keyed by ISO-4217 currency', example: { EUR: 1250 } }),
    keyLengthDays: z.number().int().min(1).max(3650).default(DEFAULT_KEY_LENGTH_DAYS),
    salesTypes: z.array(z.enum(SALES_TYPES)).min(1).default(['per_user']),
  })
  .openapi('CreateDistribution');

export const MoveSeat = z
  .strictObject({
    fromEmail: Email.openapi({ description: 'The user who holds the seat now (any case): their key is revoked at once' }),
    toEmail: Email.openapi({ description: 'The user the seat goes to: their next launch issues their key on it' }),
    reason: Text(2000),
    distributionId: z.uuid().optional().openapi({ description: 'Needed when the sale has more than one distribution' }),
  })
  .openapi('MoveSeat');

export const SeatMoveSchema = z
  .object({
    id: z.uuid(),
    saleId: z.uuid(),
    distributionId: z.uuid(),
    fromEmail: z.string(),
    toEmail: z.string(),
    reason: z.string(),
    movedBy: z.uuid(),
    movedAt: z.date(),
    revokedKeyId: z.uuid().nullable().openapi({ description: "The old user's key, revoked by the move (null when the seat was moved on before its new user launched)" }),
    claimedKeyId: z.uuid().nullable().openapi({ description: "The new user's key, once their launch issued it on this seat" }),
    claimedAt: z.date().nullable(),
  })
  .openapi('SeatMove');
