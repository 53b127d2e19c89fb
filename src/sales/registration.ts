import type { Db } from '../db/connect';
import { actorOf, type Principal } from '../domain/principal';
import { customerRefusal } from '../domain/sales/customers';
import { priceLine, PricingError } from '../domain/sales/pricing';
import type { Money, SalesType } from '../domain/sales/types';
import { AppError, notFound } from '../errors';
import { createOrganizationIn } from '../platform/organizations';
import type { Services } from '../platform/services';
import { recordEvent } from '../platform/events';
import { recordAudit } from '../repos/audit';
import { findOrganization, type Organization, type OrganizationInput } from '../repos/organizations';
import { addCustomerPeople, type Person } from '../repos/sales/customers';
import { findDistributions } from '../repos/sales/distributions';
import { insertComment, insertSale, loadSale, type SaleLineInput } from '../repos/sales/sales';
import { READ_ONLY_ON_CREATE, refuseImmutable, refusePastActivation, type ReadOnlyFields } from './fields';
import { saleDetail, type SaleDetail } from './sales';
import { startSaleWorkflow } from './workflow';

/** What POST /v1/sales carries: the customer (existing or new), the lines, the descriptive fields. */
export type SaleRegistration = ReadOnlyFields<typeof READ_ONLY_ON_CREATE> & {
  name: string;
  customerPoNumber?: string | null;
  orderNumber?: string | null;
  billed: string;
  activationDate: string;
  customer: { organizationId?: string; newOrganization?: OrganizationInput; contacts?: Person[]; users?: Person[] };
  distributions: { distributionId: string; salesType: SalesType; numberOfUsers: number; currency: string }[];
  comment?: string;
};

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', `Invalid body: ${path}`, { errors: [{ path, message }] });

async function customerOrganization(tx: Db, p: Principal, customer: SaleRegistration['customer']): Promise<Organization> {
  if (customer.newOrganization) return createOrganizationIn(tx, p, customer.newOrganization, 'customer.newOrganization.');
  const org = await findOrganization(tx, p, customer.organizationId!);
  if (!org) throw notFound('Organization');
  return org;
}

/** Prices every line from the catalog; a currency the distribution has no price in is refused. */
async function pricedLines(tx: Db, lines: SaleRegistration['distributions']): Promise<SaleLineInput[]> {
  const ids = lines.map((l) => l.distributionId);
  const duplicate = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (duplicate >= 0) throw invalid(`distributions.${duplicate}.distributionId`, 'each distribution may appear once per sale');
  const catalog = await findDistributions(tx, ids);
  return lines.map((line, i) => {
    const distribution = catalog.get(line.distributionId);
    if (!distribution) throw notFound('Distribution');
    if (!distribution.salesTypes.includes(line.salesType)) throw invalid(`distributions.${i}.salesType`, `${distribution.name} is not sold ${line.salesType}`);
    const unitAmount = distribution.unitPrices[line.currency];
    if (unitAmount === undefined) {
      throw new AppError('NO_VALID_PRICE', `${distribution.name} has no price in ${line.currency}`, {
        distributionId: distribution.id,
        currency: line.currency,
        currencies: Object.keys(distribution.unitPrices).sort(),
      });
    }
    try {
      const { salesPrice } = priceLine(unitAmount, line.numberOfUsers, line.currency);
      return { ...line, unitAmount, salesAmount: salesPrice.amount, keyLengthDays: distribution.keyLengthDays };
    } catch (err) {
      if (err instanceof PricingError) throw invalid(`distributions.${i}.numberOfUsers`, err.message);
      throw err;
    }
  });
}

/** One line as the registration would price it (price per user, sales price, key length). */
export interface LineQuote {
  distributionId: string;
  distributionPrice: Money;
  salesPrice: Money;
  keyLengthDays: number;
}

/**
 * Prices lines exactly as a registration of them would (the portal shows it while the sale is
 * being entered), refusing what the registration would refuse; nothing is written.
 */
export async function quoteSaleLines(s: Pick<Services, 'sql'>, lines: SaleRegistration['distributions']): Promise<LineQuote[]> {
  const priced = await pricedLines(s.sql, lines);
  return priced.map((l) => ({
    distributionId: l.distributionId,
    distributionPrice: { amount: l.unitAmount, currency: l.currency },
    salesPrice: { amount: l.salesAmount, currency: l.currency },
    keyLengthDays: l.keyLengthDays,
  }));
}

/**
 * Registers a sale in one transaction: the customer (found or created), priced lines, contacts,
 * users, first comment, audit, and the start of its workflow, so a refusal anywhere changes nothing.
 */
export async function registerSale(s: Pick<Services, 'sql' | 'temporal' | 'taskQueue'>, p: Principal, body: SaleRegistration): Promise<SaleDetail> {
  refuseImmutable(body, READ_ONLY_ON_CREATE);
  refusePastActivation(body.activationDate);
  const id = await s.sql.begin(async (tx) => {
    const org = await customerOrganization(tx, p, body.customer);
    const refusal = customerRefusal(org);
    if (refusal) throw new AppError('LTI_SERVICE_REQUIRED', refusal, { organizationId: org.id });
    const lines = await pricedLines(tx, body.distributions);
    const id = await insertSale(tx, {
      organizationId: org.id,
      registeredBy: p.userId,
      name: body.name,
      customerPoNumber: body.customerPoNumber,
      orderNumber: body.orderNumber,
      billed: body.billed,
      activationDate: body.activationDate,
      lines,
    });
    const [contacts, users] = await Promise.all([
      addCustomerPeople(tx, 'contacts', org.id, id, body.customer.contacts ?? []),
      addCustomerPeople(tx, 'users', org.id, id, body.customer.users ?? []),
    ]);
    if (body.comment) await insertComment(tx, id, p.userId, body.comment);
    const sale = (await loadSale(tx, id))!;
    await recordAudit(tx, {
      actor: actorOf(p),
      entity: 'sale',
      entityId: id,
      action: 'register',
      organizationId: org.id,
      after: { ...sale, contactsAdded: contacts.length, usersAdded: users.length },
    });
    await recordEvent(tx, { type: 'sale.registered', organizationId: org.id, data: { saleId: id, organizationId: org.id, name: sale.name, status: sale.status } });
    await startSaleWorkflow(s, { id, organizationId: org.id, activationDate: sale.activationDate });
    return id;
  });
  return saleDetail(s.sql, p, id);
}
