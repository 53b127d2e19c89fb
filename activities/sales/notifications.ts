import { SaleFailure } from '../../src/domain/sales/failures';
import { approvalRequestMail } from '../../src/domain/sales/notifications';
import type { Mail } from '../../src/mail';
import { saleDeciders, saleRegistrant } from '../../src/repos/sales/notifications';
import { loadSale } from '../../src/repos/sales/sales';
import type { ActivityDeps } from '../deps';
import { refuse } from './refusals';

/** What the sale workflow announces; it sends each message through the mail activity. Reads only, so safe to retry. */
export function createSaleNotificationActivities({ sql }: Pick<ActivityDeps, 'sql'>) {
  return {
    /** One message per approver who may decide the sale and per admin: name, reseller, customer, seats, total. */
    async saleApprovalRequests(i: { saleId: string }): Promise<Mail[]> {
      const [sale, registrant] = await Promise.all([loadSale(sql, i.saleId), saleRegistrant(sql, i.saleId)]);
      if (!sale || !registrant) throw refuse(SaleFailure.NOT_FOUND, `sale ${i.saleId} not found`);
      const summary = {
        id: sale.id,
        name: sale.name,
        resellerName: registrant.organizationName,
        registrant,
        customerName: sale.customer.name,
        activationDate: sale.activationDate,
        lines: sale.distributions.map((l) => ({ name: l.name, numberOfUsers: l.numberOfUsers })),
        totals: sale.totals,
      };
      return (await saleDeciders(sql, sale.organizationId)).map((to) => approvalRequestMail(summary, to));
    },
  };
}
