import type { PaymentFrequency } from '../domain/aggregators/catalog';
import { actorOf, type Principal } from '../domain/principal';
import { notFound } from '../errors';
import type { Services } from '../platform/services';
import { recordAudit } from '../repos/audit';
import { getTariff as readTariff, insertTariff, listTariffs as readTariffs, type Tariff, type TariffFilter, type TariffService } from '../repos/aggregators/tariffs';
import { organizationInScope } from '../repos/scope';

export interface TariffInput {
  organizationId: string;
  name: string;
  paymentFrequency: PaymentFrequency;
  services: TariffService[];
}

/** A studio's tariff and the services it bundles, in one transaction. */
export async function createTariff(s: Pick<Services, 'sql'>, principal: Principal, input: TariffInput): Promise<Tariff> {
  return s.sql.begin(async (tx) => {
    if (!(await organizationInScope(tx, principal, input.organizationId))) throw notFound('Organization');
    const tariff = await insertTariff(tx, { ...input, createdBy: principal.userId });
    await recordAudit(tx, { actor: actorOf(principal), entity: 'tariff', entityId: tariff.id, action: 'create', organizationId: tariff.organizationId, after: tariff });
    return tariff;
  });
}

/** The tariffs of the studios in the caller's scope. */
export function listTariffs(s: Pick<Services, 'sql'>, principal: Principal, q: TariffFilter): Promise<Tariff[]> {
  return readTariffs(s.sql, principal, q);
}

export function getTariff(s: Pick<Services, 'sql'>, principal: Principal, id: string): Promise<Tariff> {
  return readTariff(s.sql, principal, id);
}
