import { todayUtc } from '../../src/domain/sales/dates';
import { suiteStack } from '../support/suite';
import { readMail as readReceivedMail } from '../support/mail';
import type { TestStack } from '../support/stack';
import { unique, uniqueEmail } from '../support/unique';
import { waitFor } from '../support/wait';
import { ok } from '../support/client';

export { waitFor };

export type Who = Awaited<ReturnType<TestStack['userWithToken']>>;

/** A catalog entry (as the admin): "IT PRO / Practice Test" at 12.50 EUR a user unless told otherwise. */
export async function distribution(s: TestStack, o: { name?: string; unitPrices?: Record<string, number>; keyLengthDays?: number } = {}): Promise<string> {
  const created = await ok(s.api.POST('/v1/distributions', {
    body: { name: o.name ?? 'IT PRO / Practice Test', unitPrices: o.unitPrices ?? { EUR: 1250 }, ...(o.keyLengthDays && { keyLengthDays: o.keyLengthDays }) },
  }), 201);
  return created.id;
}

/** A customer organization with the LTI service (so it may buy a plan), and a manager of it: the reseller. */
export async function customer(s: TestStack, o: { name?: string; parentId?: string } = {}): Promise<{ organizationId: string; manager: Who }> {
  const organizationId = await s.organization({ name: o.name ?? unique('Customer'), ltiService: true, ...(o.parentId && { parentId: o.parentId }) });
  const manager = await s.userWithToken({ role: 'manager', organizationId, email: uniqueEmail('reseller') });
  return { organizationId, manager };
}

/** A customer, its reseller and a distribution to sell: where a test registering its own sales starts. */
export async function resellerWorld(s: TestStack, o: { customerName?: string } = {}) {
  const [c, distributionId] = await Promise.all([customer(s, { name: o.customerName }), distribution(s)]);
  return { ...c, distributionId };
}

export type ResellerWorld = Awaited<ReturnType<typeof resellerWorld>>;

/**
 * The stack of a test file with a reseller world in it: started before the file's tests, closed
 * after them. Read `s` and `world` inside the tests (they are set once the stack is up).
 */
/** The whole stack for a test file with a reseller world seeded on it (see tests/support/suite.ts). */
export function resellerStack(o: { customerName?: string } = {}): { s: TestStack; world: ResellerWorld } {
  const { s, w } = suiteStack({}, (stack) => resellerWorld(stack, o));
  return { s, world: w };
}

export interface SaleRequest {
  organizationId: string;
  /** One line per distribution, each with `numberOfUsers` seats in EUR. */
  distributions: string[];
  numberOfUsers?: number;
  /** Today (UTC) unless told otherwise. */
  activationDate?: string;
  name?: string;
  billed?: string;
}

/** Registers a sale through the API as the holder of `token`; answers the created sale (201) or throws. */
export async function registerSale(s: TestStack, token: string, o: SaleRequest) {
  const lines = o.distributions.map((distributionId) => ({ distributionId, salesType: 'per_user' as const, numberOfUsers: o.numberOfUsers ?? 2, currency: 'EUR' }));
  const sale = await ok(s.apiAs(token).POST('/v1/sales', {
    body: { name: o.name ?? 'Year plan', customer: { organizationId: o.organizationId }, distributions: lines, activationDate: o.activationDate ?? todayUtc(new Date()), billed: o.billed ?? 'invoice' },
  }), 201);
  const [first, ...more] = sale.distributions;
  if (!first) throw new Error(`sale ${sale.id} was answered without its distribution lines`);
  return { ...sale, distributions: [first, ...more] as [typeof first, ...typeof more] };
}

export const saleStatus = async (s: TestStack, id: string, token?: string): Promise<string> =>
  (await ok((token ? s.apiAs(token) : s.api).GET('/v1/sales/{id}', { params: { path: { id } } }), 200)).status;

/** Approves through the API (as the admin unless told otherwise) and waits until the database says active. */
export async function activate(s: TestStack, id: string, token?: string): Promise<void> {
  await ok((token ? s.apiAs(token) : s.api).POST('/v1/sales/{id}/approve', { params: { path: { id } } }), 200);
  await waitFor(() => saleStatus(s, id), (st) => st === 'active', { what: `sale ${id} to be active` });
}

/**
 * A sale as the workflow tests need it: a customer and its reseller, an approver, a distribution,
 * and one pending sale of that distribution registered by the reseller.
 */
export async function saleWorld(s: TestStack, o: { activationDate?: string; numberOfUsers?: number; keyLengthDays?: number; name?: string } = {}) {
  const distributionId = await distribution(s, { keyLengthDays: o.keyLengthDays });
  const { organizationId, manager: registrant } = await customer(s, { name: unique('Customer') });
  const approver = await s.userWithToken({ role: 'approver', email: uniqueEmail('approver') });
  const sale = await registerSale(s, registrant.token, { organizationId, distributions: [distributionId], numberOfUsers: o.numberOfUsers, activationDate: o.activationDate, name: o.name });
  return { saleId: sale.id as string, lineId: sale.distributions[0].id as string, organizationId, distributionId, registrant, approver, sale };
}

export type SaleWorld = Awaited<ReturnType<typeof saleWorld>>;

/** A received message as a reader sees it: its Message-ID, subject and decoded text part. */
export function readMail(raw: string): { messageId: string | undefined; subject: string | undefined; text: string } {
  const mail = readReceivedMail(raw);
  return { messageId: mail.messageId, subject: mail.subject, text: mail.text ?? '' };
}
