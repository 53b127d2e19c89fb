import { randomBytes } from 'node:crypto';
import type { Sql } from '../../src/db/connect';
import { priceLine } from '../../src/domain/sales/pricing';
import { insertDistribution } from '../../src/repos/sales/distributions';
import { insertOrganization } from '../../src/repos/organizations';
import { insertSale } from '../../src/repos/sales/sales';
import { insertUser } from '../../src/repos/users';

export { waitFor } from '../support/wait';

const tag = () => randomBytes(4).toString('hex');

/** A registered, pending sale written straight through the repositories (for workflow tests). */
export async function seedSale(sql: Sql, o: { activationDate: string; numberOfUsers?: number; keyLengthDays?: number }) {
  const org = await insertOrganization(sql, { name: `Customer ${tag()}`, ltiService: true });
  const registrant = await insertUser(sql, { email: `reseller-${tag()}@example.test`, name: 'Rita Reseller', role: 'manager', organizationId: org.id });
  const approver = await insertUser(sql, { email: `approver-${tag()}@example.test`, name: 'Avery Approver', role: 'approver' });
  const distribution = await insertDistribution(sql, {
    name: 'IT PRO / Practice Test',
    unitPrices: { EUR: 1250 },
    keyLengthDays: o.keyLengthDays ?? 180,
    salesTypes: ['per_user'],
  });
  const users = o.numberOfUsers ?? 2;
  const { salesPrice } = priceLine(1250, users, 'EUR');
  const saleId = await insertSale(sql, {
    organizationId: org.id,
    registeredBy: registrant.id,
    name: 'Year plan',
    billed: 'invoice',
    activationDate: o.activationDate,
    lines: [{ distributionId: distribution.id, salesType: 'per_user', numberOfUsers: users, currency: 'EUR', unitAmount: 1250, salesAmount: salesPrice.amount, keyLengthDays: distribution.keyLengthDays }],
  });
  const [line] = await sql<{ id: string }[]>`select id from sale_distributions where sale_id = ${saleId}`;
  return { saleId, lineId: line!.id, organizationId: org.id, registrant, approver, distribution };
}

export type SeededSale = Awaited<ReturnType<typeof seedSale>>;
